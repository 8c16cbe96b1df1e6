package io.github.influxreset.domain;

import java.util.Arrays;
import java.util.Optional;

/** What a reset recreates: the buckets through the API, or the whole InfluxDB container. */
public enum ResetMode {
    /** Delete and recreate the buckets; tokens, users and dashboards are kept. */
    BUCKETS,
    /** Remove the container and its volumes, recreate them, then set up org and buckets. */
    FULL,
    /** Not a reset: buckets are put back from a backup set (a run of its own, undoable too). */
    RESTORE;

    /** {@code full reset}, {@code buckets reset}, {@code restore}: what a run of this mode is. */
    public String describe() {
        return this == RESTORE ? "restore" : cliName() + " reset";
    }

    public String cliName() {
        return name().toLowerCase();
    }

    /** The reset modes a user can ask for by name ({@code buckets}, {@code full}). */
    public static Optional<ResetMode> fromName(String name) {
        return Arrays.stream(values()).filter(m -> m != RESTORE && m.cliName().equalsIgnoreCase(name)).findFirst();
    }
}
