package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.BackupInfo;
import io.github.influxreset.domain.FieldCounts;
import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.data.ValuesReadThrough;
import io.github.influxreset.engine.run.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * After a restore: the points of every measurement against the set's. First InfluxDB's count()
 * against the manifest; where they differ, both are read through and their values compared once
 * each (InfluxDB 2.7 counts rows twice after a large write, and sets written before this version
 * counted such rows too), so a complete restore is never refused for a count, nor an incomplete one
 * passed. Only a value short or extra in the exact comparison fails the restore.
 */
public final class CompareCounts extends ReadOnlyAction {
    public static final String KIND = "compare-counts";

    public CompareCounts(Map<String, String> params) {
        super(KIND, params, "Nothing to undo for the comparison");
    }

    public static CompareCounts of(String source, String bucket, String target) {
        return new CompareCounts(Map.of("source", source, "bucket", bucket, "target", target));
    }

    @Override
    public String describe() {
        return "Compare the points of " + param("target") + " with the manifest of " + param("source");
    }

    @Override
    public void execute(RunContext ctx) {
        BackupInfo.Bucket expected = ctx.ports().backups().info(param("source")).buckets().stream()
                .filter(b -> b.name().equals(param("bucket"))).findFirst().orElseThrow();
        Map<String, Long> counted = ctx.ports().influx().countPoints(param("target"));
        if (expected.points().entrySet().stream().allMatch(e -> counted.getOrDefault(e.getKey(), 0L).equals(e.getValue()))) {
            List<Finding> findings = new ArrayList<>();
            expected.points().forEach((measurement, count) -> findings.add(Finding.ok(param("target") + "." + measurement,
                    count + " of " + count + " points restored")));
            ctx.report(findings);
            return;
        }
        long total = counted.values().stream().mapToLong(Long::longValue).sum();
        ctx.info("InfluxDB counts " + total + " points in " + param("target") + ", the set's manifest " + expected.totalPoints()
                + ". InfluxDB 2.7 counts some rows twice after a large write (and older sets "
                + "counted such rows too), so the set and the bucket are read through and each value counted once.");
        compareReadThrough(ctx);
    }

    /** The exact comparison: every field's values once each, in the set and in the restored bucket. */
    private void compareReadThrough(RunContext ctx) {
        long rows = ctx.ports().backups().fieldValues(param("source"), param("bucket")).map(FieldCounts::total).orElse(-1L);
        ValuesReadThrough reading = new ValuesReadThrough(ctx.progress(), rows);
        Map<String, Map<String, Long>> inSet = reading.ofSet(ctx.ports().backups(), param("source"), param("bucket"));
        Map<String, Map<String, Long>> inBucket = reading.ofBucket(ctx.ports().influx(), param("target"));
        Map<String, Long> setPoints = FieldCounts.pointsPerMeasurement(inSet);
        Map<String, Long> bucketPoints = FieldCounts.pointsPerMeasurement(inBucket);
        List<String> differences = differences(inSet, inBucket);
        List<Finding> findings = new ArrayList<>();
        setPoints.forEach((measurement, count) -> {
            String text = bucketPoints.getOrDefault(measurement, 0L) + " of " + count + " points restored (each value "
                    + "read and counted once)";
            boolean whole = differences.stream().noneMatch(d -> d.startsWith(measurement + "."));
            findings.add(whole ? Finding.ok(param("target") + "." + measurement, text)
                    : Finding.error(param("target") + "." + measurement, text));
        });
        ctx.report(findings);
        if (!differences.isEmpty()) {
            throw ResetException.problem("Bucket " + param("target") + " does not hold the values of the backup set ("
                    + String.join("; ", differences) + ").", "See the counts above; the restore is rolled back.", null);
        }
    }

    /** {@code m.f: n of the set's m values} for every field the two hold differently (short or more). */
    private static List<String> differences(Map<String, Map<String, Long>> inSet, Map<String, Map<String, Long>> inBucket) {
        List<String> differences = new ArrayList<>();
        Map<String, Map<String, Long>> all = FieldCounts.plus(inSet, inBucket);
        all.forEach((measurement, fields) -> fields.keySet().forEach(field -> {
            long set = inSet.getOrDefault(measurement, Map.of()).getOrDefault(field, 0L);
            long bucket = inBucket.getOrDefault(measurement, Map.of()).getOrDefault(field, 0L);
            if (set != bucket) {
                differences.add(measurement + "." + field + ": " + bucket + " of the set's " + set + " values");
            }
        }));
        return differences;
    }
}
