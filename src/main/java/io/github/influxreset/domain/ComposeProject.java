package io.github.influxreset.domain;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A compose project found on the engine by its containers' labels.
 *
 * @param workingDir  the folder compose ran in ({@code com.docker.compose.project.working_dir})
 * @param configFiles the compose files ({@code com.docker.compose.project.config_files})
 * @param envFile     the environment file compose read, when its label names one
 */
public record ComposeProject(String name, Optional<Path> workingDir, List<Path> configFiles, Optional<Path> envFile,
                             List<ComposeService> services) {
    public ComposeProject {
        configFiles = List.copyOf(configFiles);
        services = List.copyOf(services);
    }

    /** The service that runs InfluxDB: by image first, then by name; empty when there is none. */
    public Optional<ComposeService> influxService() {
        return services.stream().filter(ComposeService::isInfluxServer).findFirst()
                .or(() -> services.stream().filter(s -> s.name().contains("influx")).findFirst());
    }

    /** The project to propose: one with InfluxDB, running ones first, then by name; empty when none has it. */
    public static Optional<ComposeProject> likeliest(List<ComposeProject> projects) {
        return projects.stream().filter(p -> p.influxService().isPresent())
                .min(Comparator.comparing((ComposeProject p) -> !p.influxService().orElseThrow().running())
                        .thenComparing(ComposeProject::name));
    }
}
