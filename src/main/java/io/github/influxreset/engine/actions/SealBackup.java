package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.SealOutcome;
import io.github.influxreset.domain.SwitchNames;
import io.github.influxreset.engine.run.RunContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs once the writers are stopped and before anything is deleted: every value InfluxDB holds now
 * must be in the run's backup set. The services kept writing while the set was written, so the set
 * is sealed: what they wrote since (per bucket, the values stamped from a margin before the set
 * began) is exported into it, counted against the server and verified, and the set reads as it
 * stood at the stop. No point written before the stop is in neither the backup nor the new
 * buckets, and the downtime this costs follows what was written since the set, not the data.
 */
public final class SealBackup extends ReadOnlyAction {
    public static final String KIND = "seal-backup";

    public SealBackup(Map<String, String> params) {
        super(KIND, params, "Nothing to undo (backup sets are kept)");
    }

    public static SealBackup of() {
        return new SealBackup(Map.of());
    }

    /**
     * After a buckets reset on 2.x set {@code buckets} aside ({@link DeleteBucket#aside}): they took
     * nothing since the stop, so they are sealed from their aside names once the services write
     * again, and the seal's counting (which reads the whole bucket) is no part of the downtime.
     * Must come before anything reads the set (the carrying) and before the aside buckets go.
     */
    public static SealBackup fromAside(List<String> buckets, String run) {
        return new SealBackup(Map.of("buckets", String.join(",", buckets), "run", run));
    }

    /** True when this seal reads the buckets set aside, after the restart: not in the downtime. */
    public boolean afterTheRestart() {
        return afterTheRestart(params());
    }

    /** As {@link #afterTheRestart()}, for the parameters of a journalled seal. */
    public static boolean afterTheRestart(Map<String, String> params) {
        return params.containsKey("run");
    }

    @Override
    public String describe() {
        return afterTheRestart() ? "Seal the backup set with every point written until the services stopped, read from "
                + "the buckets set aside" : "Seal the backup set with every point written until the services stopped";
    }

    /** The buckets written to between the backup and the stop: where the data flow is looked for after the restart. */
    public static final String WRITTEN_TO = "writtenTo";
    private volatile List<String> writtenTo = List.of();

    @Override
    public void execute(RunContext ctx) {
        Progress progress = (fraction, message) -> ctx.info(message);
        Map<String, String> setAside = new LinkedHashMap<>();
        if (afterTheRestart()) {
            listParam("buckets").forEach(b -> setAside.put(b, new SwitchNames(b, param("run")).before()));
        }
        SealOutcome outcome = ctx.ports().backups().seal(ctx.backupId(), setAside, progress);
        writtenTo = outcome.grown();
        if (!outcome.changed()) {
            ctx.info("The backup set holds every point: nothing was written after it, counted per measurement and field.");
            return;
        }
        ctx.warn((outcome.values() > 0 ? "Points were written after the backup set was made (" : "The stack changed after "
                + "the backup set was made (") + String.join("; ", outcome.changes()) + "): the set " + ctx.backupId()
                + " was sealed with that" + (afterTheRestart() ? ", read from the buckets set aside at the stop."
                : " now that the services are stopped."));
        ctx.info("Backup set " + ctx.backupId() + " holds every point up to the stop: " + outcome.values()
                + " value(s) added, counted against InfluxDB and verified.");
    }

    @Override
    public Map<String, String> factsAfterExecute(RunContext ctx) {
        return Map.of(WRITTEN_TO, String.join(",", writtenTo));
    }
}
