package io.github.influxreset.engine.data;

import io.github.influxreset.domain.LineTally;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.engine.port.BackupStore;
import io.github.influxreset.engine.port.InfluxPort;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The values a bucket, or a backup set's export of it, holds once each, counted by reading every
 * line ({@link LineTally#distinct}): the exact count where InfluxDB's {@code count()} cannot be
 * taken as it is (2.7 counts rows twice after a large write, until it compacts). Its cost follows
 * the data (a read of every value), so it is the second proof, run where the first disagrees.
 * Memory holds one line.
 */
public final class ValuesReadThrough {
    private final Progress progress;
    private final long expectedValues;

    /** @param expectedValues the values the reading is expected to meet, for its progress line; -1 when not known */
    public ValuesReadThrough(Progress progress, long expectedValues) {
        this.progress = progress;
        this.expectedValues = expectedValues;
    }

    /** measurement → field → values once each, of the set's export of {@code bucket} (sealed values included). */
    public Map<String, Map<String, Long>> ofSet(BackupStore backups, String set, String bucket) {
        return read("Reading bucket " + bucket + " of backup set " + set, "backup set " + set,
                line -> backups.exportLines(set, bucket, line));
    }

    /** measurement → field → values once each, of {@code bucket} on the server. */
    public Map<String, Map<String, Long>> ofBucket(InfluxPort influx, String bucket) {
        return read("Reading bucket " + bucket + " on InfluxDB", "bucket " + bucket, line -> {
            try (LineSplitter out = new LineSplitter(line)) {
                influx.export(bucket, out);
            }
        });
    }

    private Map<String, Map<String, Long>> read(String label, String what, Consumer<Consumer<String>> lines) {
        LineTally tally = new LineTally(what);
        CountedProgress counted = new CountedProgress(label, "values", expectedValues, progress);
        lines.accept(line -> {
            tally.line(line);
            counted.at(tally.valuesSoFar());
        });
        return tally.distinct();
    }
}
