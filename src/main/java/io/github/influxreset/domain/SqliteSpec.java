package io.github.influxreset.domain;

import java.util.Optional;

/**
 * Where the stack's SQLite metadata database lives: a host path, or a path inside a service's
 * container. Either may be absent when the stack has no metadata database.
 */
public record SqliteSpec(String hostPath, String service, String containerPath) {
    public static SqliteSpec none() {
        return new SqliteSpec(null, null, null);
    }

    public boolean isConfigured() {
        return hostPath != null || containerPath != null;
    }

    public Optional<String> host() {
        return Optional.ofNullable(hostPath);
    }

    public String describe() {
        if (hostPath != null) {
            return hostPath;
        }
        return containerPath == null ? "(none)" : service + ":" + containerPath;
    }
}
