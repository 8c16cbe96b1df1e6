package io.github.influxreset.domain;

import java.util.List;
import java.util.Optional;

/** What discovery found of a compose project at one moment. */
public record StackSnapshot(String project, List<ContainerInfo> containers) {
    public StackSnapshot {
        containers = List.copyOf(containers);
    }

    public Optional<ContainerInfo> service(String service) {
        return containers.stream().filter(c -> service.equals(c.service())).findFirst();
    }
}
