package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.CarryTally;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.DataCarrier;
import io.github.influxreset.engine.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When the user chose to keep the data: writes the old points of each bucket, from the run's
 * verified backup set, into the new bucket, converted to the profile's schema exactly as {@link
 * ForecastCarry} forecast (the same cutoff, the same rules), then fails unless what was written is
 * the forecast and InfluxDB counts every value of it. Run again after a crash, it writes the same points
 * over themselves. Undo has nothing of its own to do: the points live in the buckets this run
 * created, which the undo of their creation takes away (the rollback backs such a bucket up first
 * when it holds points).
 */
public final class CarryData extends ReadOnlyAction {
    public static final String KIND = "carry-data";

    public CarryData(Map<String, String> params) {
        super(KIND, params, "Nothing to undo (the carried points go with the buckets this run made)");
    }

    public static CarryData of() {
        return new CarryData(Map.of());
    }

    @Override
    public String describe() {
        return "If chosen: carry the old points into the new buckets, converted to the new schema, and compare what "
                + "they hold with the forecast";
    }

    @Override
    public void execute(RunContext ctx) {
        if (!ctx.keepData()) {
            ctx.info("The old points were not carried (not chosen); they are in backup set " + ctx.backupId() + ".");
            return;
        }
        Map<String, CarryTally> forecast = CarryTally.allFromFacts(ctx.action(ForecastCarry.KIND)
                .orElseThrow(() -> ResetException.problem("This run has no forecast, so no point is carried blind.",
                        "Roll the run back and start it again.", null)).facts());
        for (BucketSpec bucket : ctx.profile().buckets()) {
            CarryTally expected = forecast.get(bucket.name());
            if (expected == null || expected.measurements().isEmpty()) {
                continue;
            }
            CarryTally written = new DataCarrier(ctx.profile()).carry(bucket.name(),
                    line -> ctx.ports().backups().exportLines(ctx.backupId(), bucket.name(), line), expected.cutoff(),
                    ctx.ports().target(), expected.carried(), ctx.progress());
            requireAsForecast(ctx, bucket.name(), expected, written);
            ctx.info("Bucket " + bucket.name() + ": " + written.carried() + " old points carried into the new schema, "
                    + "as forecast.");
        }
    }

    /**
     * What was written is, per measurement, what the forecast said, and the bucket holds at least
     * every value of every field that was carried (InfluxDB's own count; where points merged, fields
     * of the same time overwrite each other and only the written count is compared). A value short
     * fails the step; values beyond the carried ones were written by someone else meanwhile (a writer
     * outside the stack: the services are stopped), which is said, not failed.
     */
    private static void requireAsForecast(RunContext ctx, String bucket, CarryTally forecast, CarryTally written) {
        Map<String, Map<String, Long>> stored = ctx.ports().target().countFieldValues(bucket);
        List<String> differences = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        forecast.measurements().forEach((measurement, counts) -> {
            Map<String, Long> actual = stored.getOrDefault(measurement, Map.of());
            if (counts.merged() == 0) {
                counts.fieldValues().forEach((field, expected) -> {
                    long held = actual.getOrDefault(field, 0L);
                    if (held < expected) {
                        differences.add(measurement + "." + field + ": InfluxDB counts " + held + " values, " + expected
                                + " were carried");
                    } else if (held > expected) {
                        extra.add(measurement + "." + field + ": " + (held - expected));
                    }
                });
            }
            long carried = written.measurements().containsKey(measurement)
                    ? written.measurements().get(measurement).carried() : 0;
            if (carried != counts.carried()) {
                differences.add(measurement + ": " + carried + " written, " + counts.carried() + " forecast");
            }
        });
        if (!differences.isEmpty()) {
            throw ResetException.problem("Bucket " + bucket + " does not hold what was forecast (" + String.join("; ",
                    differences) + ").", "The run is rolled back; the backup set keeps every point.", null);
        }
        if (!extra.isEmpty()) {
            ctx.warn("Bucket " + bucket + " holds more values than were carried (" + String.join(", ", extra) + "): "
                    + "something outside the stack's stopped services writes to InfluxDB. Find it before the next reset.");
        }
    }
}
