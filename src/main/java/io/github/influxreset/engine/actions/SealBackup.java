package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.engine.BackupNow;
import io.github.influxreset.engine.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs once the writers are stopped and before anything is deleted: every value InfluxDB holds now
 * must be in the run's backup set. The services kept writing while the set was written, so when a
 * count differs a second set is written and verified now, with the writers stopped, and becomes
 * the run's backup: no point written before the stop is in neither the backup nor the new buckets.
 * The price is downtime (the second set is written while the services are stopped), never data.
 */
public final class SealBackup extends ReadOnlyAction {
    public static final String KIND = "seal-backup";

    public SealBackup(Map<String, String> params) {
        super(KIND, params, "Nothing to undo (backup sets are kept)");
    }

    public static SealBackup of() {
        return new SealBackup(Map.of());
    }

    @Override
    public String describe() {
        return "Check that the backup set holds every point written until the services stopped";
    }

    /** The buckets written to between the backup and the stop: where the data flow is looked for after the restart. */
    public static final String WRITTEN_TO = "writtenTo";
    private volatile List<String> writtenTo = List.of();

    @Override
    public void execute(RunContext ctx) {
        List<String> changed = changedSinceTheBackup(ctx);
        if (changed.isEmpty()) {
            ctx.info("The backup set holds every point: nothing was written after it, counted per measurement and field.");
            return;
        }
        ctx.warn("Points were written after the backup set was made (" + String.join("; ", changed)
                + "): writing a second set now that the services are stopped.");
        String setId = BackupNow.writeVerified(ctx);
        ctx.recordBackup(setId, true);
        ctx.info("Backup set " + setId + " holds every point up to the stop (written and verified); it is this run's backup now.");
    }

    private List<String> changedSinceTheBackup(RunContext ctx) {
        List<String> changed = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (BucketSpec bucket : ctx.ports().influx().buckets()) {
            Map<String, Map<String, Long>> now = ctx.ports().influx().countFieldValues(bucket.name());
            Optional<Map<String, Map<String, Long>>> held = ctx.ports().backups().fieldValues(ctx.backupId(), bucket.name());
            if (held.isEmpty()) {
                changed.add(bucket.name() + ": not in the set");
            } else if (!held.get().equals(now)) {
                changed.add(bucket.name() + ": " + total(held.get()) + " values in the set, " + total(now) + " now");
            }
            if (held.isPresent() && total(now) > total(held.get())) {
                written.add(bucket.name());
            }
        }
        writtenTo = List.copyOf(written);
        return changed;
    }

    private static long total(Map<String, Map<String, Long>> values) {
        return values.values().stream().flatMap(f -> f.values().stream()).mapToLong(Long::longValue).sum();
    }

    @Override
    public Map<String, String> factsAfterExecute(RunContext ctx) {
        return Map.of(WRITTEN_TO, String.join(",", writtenTo));
    }
}
