package io.github.influxreset.domain;

import java.util.List;

/**
 * A container of the stack as discovery saw it.
 *
 * @param state  Docker's state ({@code running}, {@code exited}, ...)
 * @param health Docker's health status, or {@code none} when the image has no health check
 */
public record ContainerInfo(String id, String name, String service, String image, String state,
                            String health, List<MountInfo> mounts) {
    public ContainerInfo {
        mounts = List.copyOf(mounts);
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
