package io.github.influxreset.domain;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The compose project the reset works on and the configuration files it backs up. */
public record StackSpec(String composeProject, Path envFile, List<Path> configFiles) {
    public StackSpec {
        configFiles = List.copyOf(configFiles);
    }

    public Optional<Path> env() {
        return Optional.ofNullable(envFile);
    }
}
