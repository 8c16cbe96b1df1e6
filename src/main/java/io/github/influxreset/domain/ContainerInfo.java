package io.github.influxreset.domain;

import java.util.List;

/**
 * A container of the stack as discovery saw it.
 *
 * @param state  Docker's state ({@code running}, {@code exited}, ...)
 * @param health Docker's health status, or {@code none} when the image has no health check
 * @param dependsOn the services compose starts before this one ({@code depends_on})
 */
public record ContainerInfo(String id, String name, String service, String image, String state,
                            String health, List<MountInfo> mounts, List<String> dependsOn) {
    public ContainerInfo {
        mounts = List.copyOf(mounts);
        dependsOn = List.copyOf(dependsOn);
    }

    /** A container whose service depends on no other. */
    public ContainerInfo(String id, String name, String service, String image, String state, String health,
                         List<MountInfo> mounts) {
        this(id, name, service, image, state, health, mounts, List.of());
    }

    public boolean isRunning() {
        return "running".equals(state);
    }

    public List<String> volumeNames() {
        return mounts.stream().filter(MountInfo::isVolume).map(MountInfo::source).toList();
    }

    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
