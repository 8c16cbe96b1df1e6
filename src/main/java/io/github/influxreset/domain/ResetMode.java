package io.github.influxreset.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a reset does: fix in place what can be (repair), recreate the buckets through the API, or
 * recreate the whole InfluxDB container.
 */
public enum ResetMode {
    /**
     * The gentlest: only what can be fixed in place (a retention updated, a missing bucket
     * created); nothing deleted, no service stopped.
     */
    REPAIR,
    /** Delete and recreate the buckets; tokens, users and dashboards are kept. */
    BUCKETS,
    /** Remove the container and its volumes, recreate them, then set up org and buckets. */
    FULL,
    /**
     * The buckets made anew beside the live ones, filled while the services write, then switched to
     * by name in a moment; nothing stops, nothing is deleted (2.x only: 1.x cannot rename a database).
     */
    ONLINE,
    /** Not a reset: buckets are put back from a backup set (a run of its own, undoable too). */
    RESTORE,
    /**
     * Not a reset: a 1.x stack's databases become buckets of a 2.x server, the points carried into
     * the profile's schema; the 1.x server is left as it was.
     */
    MOVE;

    /** {@code full reset}, {@code buckets reset}, {@code repair}, {@code restore}: what a run of this mode is. */
    public String describe() {
        if (this == MOVE) {
            return "move to InfluxDB 2.x";
        }
        return this == RESTORE || this == REPAIR ? cliName() : cliName() + " reset";
    }

    public String cliName() {
        return name().toLowerCase();
    }

    /** What a run of this mode costs the stack, for a person choosing one. */
    public String cost() {
        return switch (this) {
            case REPAIR -> "no downtime, no point deleted (a shorter retention excepted); fixes retention and missing "
                    + "buckets only";
            case BUCKETS -> "the services stop for seconds (kept points are carried after they start again); every "
                    + "bucket's points are deleted (kept in the backup); tokens, users and dashboards stay";
            case FULL -> "the services stop for seconds while InfluxDB's data is moved aside inside its volumes (renames, "
                    + "at any size) and InfluxDB starts on them empty: tokens, users, everything anew (kept points are "
                    + "carried after they start again; everything kept in the backup)";
            case ONLINE -> "no service stops: new buckets are filled beside the live ones and switched to by name in "
                    + "milliseconds; the old buckets stay under the run's name until you delete them, so the disk needs "
                    + "room for a second copy of the data meanwhile (InfluxDB 2.x)";
            case RESTORE -> "the services stop while the set's data is put back";
            case MOVE -> "no service stops: the points are copied while the services write to 1.x; the 1.x data stays "
                    + "as it is";
        };
    }

    /** The reset modes a user can ask for by name ({@code repair}, {@code buckets}, {@code full}). */
    public static Optional<ResetMode> fromName(String name) {
        return Arrays.stream(values()).filter(m -> m != RESTORE && m != MOVE && m.cliName().equalsIgnoreCase(name)).findFirst();
    }
}
