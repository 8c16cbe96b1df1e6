package io.github.influxreset.domain;

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
 */
public record ComposeService(String name, String containerName, String image, boolean running,
                             Map<Integer, Integer> publishedPorts, boolean hostNetwork, List<MountInfo> mounts,
                             Map<String, String> environment) {
    public ComposeService {
        publishedPorts = Map.copyOf(publishedPorts);
        mounts = List.copyOf(mounts);
        environment = Map.copyOf(environment);
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
