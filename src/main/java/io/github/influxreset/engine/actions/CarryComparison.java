package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.CarryTally;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.run.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares one bucket's carrying three ways: the forecast the user agreed to (made on the first
 * backup set), what was written (from the set actually carried, which is the sealed one when the
 * services wrote after the first set) and what InfluxDB counts afterwards.
 *
 * <p>A value short fails: fewer written than forecast (per measurement and field), or fewer counted
 * than written. More is never a failure: values written beyond the forecast are the ones the
 * services wrote before they stopped (said as such), values counted beyond the written ones come
 * from a writer outside the stack's stopped services (warned of).
 */
final class CarryComparison {
    private final String bucket;
    private final CarryTally forecast;
    private final CarryTally written;

    CarryComparison(String bucket, CarryTally forecast, CarryTally written) {
        this.bucket = bucket;
        this.forecast = forecast;
        this.written = written;
    }

    /** Throws when a value is short; logs what came on top and why. */
    void require(RunContext ctx, Map<String, Map<String, Long>> stored) {
        List<String> differences = new ArrayList<>(writtenShortOfForecast());
        List<String> extra = new ArrayList<>();
        compareStored(stored, differences, extra);
        if (!differences.isEmpty()) {
            throw ResetException.problem("Bucket " + bucket + " does not hold what was forecast (" + String.join("; ",
                    differences) + ").", "The run is rolled back; the backup set keeps every point.", null);
        }
        if (!extra.isEmpty()) {
            ctx.warn("Bucket " + bucket + " holds more values than were carried (" + String.join(", ", extra) + "): "
                    + "something outside the stack's stopped services writes to InfluxDB. Find it before the next reset.");
        }
        ctx.info(summary());
    }

    /** One sentence: how many were carried, and how that relates to the forecast. */
    String summary() {
        long more = written.carried() - forecast.carried();
        if (more <= 0) {
            return "Bucket " + bucket + ": " + written.carried() + " old points carried into the new schema, as forecast.";
        }
        return "Bucket " + bucket + ": " + written.carried() + " old points carried into the new schema: the "
                + forecast.carried() + " forecast plus " + more + " written by the services before they stopped (the "
                + "backup set sealed at the stop holds them).";
    }

    private List<String> writtenShortOfForecast() {
        List<String> missing = new ArrayList<>();
        forecast.measurements().forEach((measurement, expected) -> {
            CarryTally.Counts actual = written.measurements().get(measurement);
            long carried = actual == null ? 0 : actual.carried();
            if (carried < expected.carried()) {
                missing.add(measurement + ": " + carried + " written, " + expected.carried() + " forecast");
                return;
            }
            expected.fieldValues().forEach((field, n) -> {
                long values = actual.fieldValues().getOrDefault(field, 0L);
                if (values < n) {
                    missing.add(measurement + "." + field + ": " + values + " values written, " + n + " forecast");
                }
            });
        });
        return missing;
    }

    /**
     * Fills {@code missing} with fields InfluxDB counts fewer values of than were written, and {@code
     * extra} with those it counts more of. Where points merged (a dropped tag made two series one),
     * fields overwrite each other: such a measurement is compared by what was written only.
     */
    private void compareStored(Map<String, Map<String, Long>> stored, List<String> missing, List<String> extra) {
        compare(written, stored, missing, extra);
    }

    /** The fields of {@code written} that {@code stored} (InfluxDB's count) holds fewer values of, as phrases. */
    static List<String> heldShortOf(CarryTally written, Map<String, Map<String, Long>> stored) {
        List<String> missing = new ArrayList<>();
        compare(written, stored, missing, new ArrayList<>());
        return missing;
    }

    private static void compare(CarryTally written, Map<String, Map<String, Long>> stored, List<String> missing,
                                List<String> extra) {
        written.measurements().forEach((measurement, counts) -> {
            if (counts.merged() > 0) {
                return;
            }
            Map<String, Long> actual = stored.getOrDefault(measurement, Map.of());
            counts.fieldValues().forEach((field, n) -> {
                long held = actual.getOrDefault(field, 0L);
                if (held < n) {
                    missing.add(measurement + "." + field + ": InfluxDB counts " + held + " values, " + n + " were carried");
                } else if (held > n) {
                    extra.add(measurement + "." + field + ": " + (held - n));
                }
            });
        });
    }
}
