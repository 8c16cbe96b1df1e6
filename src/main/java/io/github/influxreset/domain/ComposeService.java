package io.github.influxreset.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service of a compose project as the engine runs it, with what a first run needs to guess a
 * profile: image, ports, mounts and environment.
 *
 * @param publishedPorts container port to host port, for the ports published on the host
 * @param hostNetwork    the container shares the host's network, so its ports are the host's
 * @param environment    the container's environment; it may hold secrets, so it is left out of
 *                       {@link #toString()} and must never be logged
 * @param dependsOn      the services compose starts first ({@code depends_on}, read from the
 *                       {@code com.docker.compose.depends_on} label)
 */
public record ComposeService(String name, String containerName, String image, boolean running,
                             Map<Integer, Integer> publishedPorts, boolean hostNetwork, List<MountInfo> mounts,
                             Map<String, String> environment, List<String> dependsOn) {
    public ComposeService {
        publishedPorts = Map.copyOf(publishedPorts);
        mounts = List.copyOf(mounts);
        environment = Map.copyOf(environment);
        dependsOn = List.copyOf(dependsOn);
    }

    /** A service that depends on no other. */
    public ComposeService(String name, String containerName, String image, boolean running,
                          Map<Integer, Integer> publishedPorts, boolean hostNetwork, List<MountInfo> mounts,
                          Map<String, String> environment) {
        this(name, containerName, image, running, publishedPorts, hostNetwork, mounts, environment, List.of());
    }

    /** True when the service is an InfluxDB server itself (its image is InfluxDB's), not a user of one. */
    public boolean isInfluxServer() {
        return image.contains("influxdb");
    }

    /**
     * The services named by a {@code com.docker.compose.depends_on} label: entries
     * {@code service:condition:restart} (or a bare name) separated by commas.
     */
    public static List<String> parseDependsOn(String label) {
        if (label == null || label.isBlank()) {
            return List.of();
        }
        return Arrays.stream(label.split(",")).map(String::strip).filter(e -> !e.isEmpty())
                .map(e -> e.contains(":") ? e.substring(0, e.indexOf(':')) : e).distinct().toList();
    }

    /** The host port on which the container's {@code containerPort} answers, if it can be reached. */
    public Optional<Integer> hostPort(int containerPort) {
        if (publishedPorts.containsKey(containerPort)) {
            return Optional.of(publishedPorts.get(containerPort));
        }
        return hostNetwork ? Optional.of(containerPort) : Optional.empty();
    }

    /** The image's tag ({@code 2.7} of {@code influxdb:2.7}); empty when it has none. */
    public String imageTag() {
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon < 0 ? "" : last.substring(colon + 1);
    }

    @Override
    public String toString() {
        return "ComposeService[" + name + ", " + containerName + ", " + image + (running ? ", running" : "") + "]";
    }
}
