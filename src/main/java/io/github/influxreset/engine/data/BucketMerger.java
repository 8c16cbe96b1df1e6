package io.github.influxreset.engine.data;

import io.github.influxreset.domain.FieldCounts;
import io.github.influxreset.domain.LinePoint;
import io.github.influxreset.domain.OnConflict;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.port.InfluxPort;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a backup set's bucket into a live bucket that already holds points, without deleting any:
 * where a point of the set has the same series and time as a live one, it either overwrites it
 * (InfluxDB's own rule: the newer write wins, field by field) or is skipped, keeping the live one.
 * Then the bucket must hold, per measurement, the live points plus the set's new ones.
 */
public final class BucketMerger {
    /** What to do with a point of the set whose series and time the live bucket already has. */
    /** What a merge did, per measurement: points new to the bucket, and points at a series and time it had. */
    public record Result(Map<String, Long> added, Map<String, Long> conflicting) {
        public long totalAdded() {
            return added.values().stream().mapToLong(Long::longValue).sum();
        }

        public long totalConflicting() {
            return conflicting.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final InfluxPort influx;

    public BucketMerger(InfluxPort influx) {
        this.influx = influx;
    }

    /**
     * Counts, as InfluxDB does, per field: a field's value is new when the bucket has no value of
     * that field at the point's series and time. Then the bucket must hold, per measurement and
     * field, its own values plus the new ones.
     *
     * @param setLines the set's export of the bucket
     */
    public Result merge(String bucket, DataCarrier.Lines setLines, OnConflict onConflict, Progress progress) {
        Set<Long> live = new HashSet<>();
        Map<String, Map<String, Long>> expected = new TreeMap<>();
        try (LineSplitter lines = new LineSplitter(line -> {
            if (!line.isBlank() && !line.startsWith("#")) {
                LinePoint point = LinePoint.parse(line);
                point.fields().keySet().forEach(field -> {
                    live.add(DataCarrier.identity(point, field));
                    count(expected, point.measurement(), field);
                });
            }
        })) {
            influx.export(bucket, lines);
        }
        Map<String, Map<String, Long>> added = new TreeMap<>();
        Map<String, Map<String, Long>> conflicting = new TreeMap<>();
        try (InOrderWriter writer = new InOrderWriter("merge-writer")) {
            StringBuilder batch = new StringBuilder();
            int[] inBatch = {0};
            setLines.each(line -> {
                if (line.isBlank() || line.startsWith("#")) {
                    return;
                }
                LinePoint point = LinePoint.parse(line);
                Map<String, LinePoint.Value> written = new LinkedHashMap<>();
                point.fields().forEach((field, value) -> {
                    boolean conflict = live.contains(DataCarrier.identity(point, field));
                    count(conflict ? conflicting : added, point.measurement(), field);
                    if (!conflict) {
                        count(expected, point.measurement(), field);
                    }
                    if (!conflict || onConflict == OnConflict.OVERWRITE) {
                        written.put(field, value);
                    }
                });
                if (written.isEmpty()) {
                    return;
                }
                batch.append(new LinePoint(point.measurement(), point.tags(), written, point.time()).format()).append('\n');
                if (++inBatch[0] == DataCarrier.BATCH) {
                    String lines = batch.toString();
                    writer.submit(() -> influx.write(bucket, lines));
                    batch.setLength(0);
                    inBatch[0] = 0;
                    progress.update(-1, "Merging into bucket " + bucket + ": " + points(added).values().stream()
                            .mapToLong(Long::longValue).sum() + " new points so far");
                }
            });
            if (inBatch[0] > 0) {
                String lines = batch.toString();
                writer.submit(() -> influx.write(bucket, lines));
            }
            writer.awaitAll();
        }
        requireUnion(bucket, expected);
        return new Result(points(added), points(conflicting));
    }

    /** Every value of the bucket's own and the set's new ones is there (more: someone else wrote meanwhile). */
    private void requireUnion(String bucket, Map<String, Map<String, Long>> expected) {
        List<String> lacking = FieldCounts.lacking(expected, influx.countFieldValues(bucket));
        if (!lacking.isEmpty()) {
            throw ResetException.problem("Bucket " + bucket + " lacks values after the merge (" + String.join("; ", lacking)
                    + " of its own and the set's new ones).", "The run is rolled back; the bucket comes back from the "
                    + "backup taken before the merge.", null);
        }
    }

    private static void count(Map<String, Map<String, Long>> counts, String measurement, String field) {
        counts.computeIfAbsent(measurement, m -> new TreeMap<>()).merge(field, 1L, Long::sum);
    }

    /** Per measurement, the most values of any field: its points, as InfluxDB counts them. */
    private static Map<String, Long> points(Map<String, Map<String, Long>> values) {
        Map<String, Long> points = new TreeMap<>();
        values.forEach((m, fields) -> points.put(m, fields.values().stream().mapToLong(Long::longValue).max().orElse(0)));
        return points;
    }
}
