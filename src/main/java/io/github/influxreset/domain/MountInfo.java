package io.github.influxreset.domain;

/**
 * A mount of a container: a named volume ({@code source} is the volume name) or a bind mount
 * ({@code source} is the host path).
 */
public record MountInfo(Kind kind, String source, String destination) {
    public enum Kind { VOLUME, BIND, OTHER }

    public boolean isVolume() {
        return kind == Kind.VOLUME;
    }
}
