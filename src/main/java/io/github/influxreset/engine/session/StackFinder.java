package io.github.influxreset.engine.session;

import io.github.influxreset.domain.ComposeProject;
import io.github.influxreset.domain.DockerContext;
import io.github.influxreset.domain.DockerEngine;
import io.github.influxreset.domain.ProfileDraft;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the first run needs of the machine: the compose projects on the engine, a guessed profile
 * for one of them, and saving a profile. Plain blocking Java; reads the engine, never changes it.
 */
public interface StackFinder {
    /** The engine the projects are looked for on, and why that one; a {@code ResetException} when none can be used. */
    DockerEngine engine();

    /** The engines the docker CLI knows by name (its contexts), the one in use marked. */
    List<DockerContext> knownEngines();

    /** The compose projects on the engine; a {@code ResetException} when the engine cannot be reached. */
    List<ComposeProject> projects();

    ProfileDraft guess(ComposeProject project);

    /**
     * Reads the schema of the live data with the draft's URL and credentials, beside the brief's;
     * reads only. A server that cannot be read is told in the proposal, not thrown.
     */
    SchemaProposal learnSchema(ProfileDraft draft);

    /** Asks InfluxDB at the draft's URL, with its credentials, whether it answers: empty when it does, else why not. */
    Optional<String> probe(ProfileDraft draft);

    /** Where the first run proposes to save the profile of a project. */
    Path suggestedFile(String composeProject);

    /** Checks and writes the profile (nothing is written when the check fails). */
    void save(ProfileDraft draft, Path file);
}
