package io.github.influxreset.engine.session;

import io.github.influxreset.domain.MeasurementSchema;
import io.github.influxreset.domain.Profile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Profiles as files, for the faces: written out for editing, written with a learned schema, shown
 * with secrets masked. A file that exists is never written over; a file that cannot be written is a
 * {@code ResetException} (bad input) naming it.
 */
public interface ProfileFiles {
    /** Writes the embedded HomeIQ profile, its placeholders kept, to a new file. */
    void writeHomeIq(Path file);

    /** Writes the profile's own text (the embedded one for the embedded profile) with the schema replaced, to a new file. */
    void writeWithSchema(Profile profile, List<MeasurementSchema> schema, Path file);

    /** The effective profile as YAML, variables resolved and secrets masked. */
    String yaml(Profile profile);

    /** The same as a tree, for a JSON document. */
    Map<String, Object> tree(Profile profile);
}
