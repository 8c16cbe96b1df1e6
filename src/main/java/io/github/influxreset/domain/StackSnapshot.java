package io.github.influxreset.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What discovery found of a compose project at one moment.
 *
 * @param healthProblems why a running service was not healthy then, by service, judged as the restart
 *                       judges (its health URL's reply, Docker's status); a service not listed was healthy
 */
public record StackSnapshot(String project, List<ContainerInfo> containers, Map<String, String> healthProblems) {
    public StackSnapshot {
        containers = List.copyOf(containers);
        healthProblems = Map.copyOf(healthProblems);
    }

    /** A snapshot whose running services were all healthy, or were not asked. */
    public StackSnapshot(String project, List<ContainerInfo> containers) {
        this(project, containers, Map.of());
    }

    public Optional<ContainerInfo> service(String service) {
        return containers.stream().filter(c -> service.equals(c.service())).findFirst();
    }

    /** Why the service was not healthy when discovered; empty when it was (or was not running). */
    public Optional<String> healthProblem(String service) {
        return Optional.ofNullable(healthProblems.get(service));
    }

    public StackSnapshot withHealthProblems(Map<String, String> problems) {
        return new StackSnapshot(project, containers, problems);
    }
}
