package io.github.influxreset.firstrun;

import io.github.influxreset.domain.ComposeProject;
import io.github.influxreset.domain.ComposeService;
import io.github.influxreset.domain.DockerContext;
import io.github.influxreset.domain.DockerEngine;
import java.util.List;

/** Sentences about what the first run found on this machine: the engine it looks on, and each project. */
public final class FoundLines {
    private FoundLines() {
    }

    /**
     * Which engine, why, and the others the docker CLI knows with how to choose one: the user sees
     * the engine before anything is read from it.
     */
    public static String engine(DockerEngine engine, List<DockerContext> known) {
        List<String> others = known.stream().filter(c -> !c.host().equals(engine.host()) && !c.host().isBlank())
                .map(c -> c.name() + " (" + c.host() + ")").toList();
        String line = "Docker engine: " + engine.describe() + ".";
        return others.isEmpty() ? line : line + "\nOther engines docker knows: " + String.join(", ", others)
                + ". To use one, start the wizard with DOCKER_CONTEXT=NAME, or set docker.context in the profile.";
    }

    /** One line for a project in the list: name, services, and whether it runs InfluxDB. */
    public static String project(ComposeProject project) {
        long running = project.services().stream().filter(ComposeService::running).count();
        return project.name() + "\n" + project.services().size() + " services, " + running + " running; "
                + project.influxService().map(s -> "InfluxDB: " + s.name()).orElse("no InfluxDB");
    }
}
