package io.github.influxreset.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the backup browser shows of one complete backup set, read from its manifest.
 *
 * @param runId the run that wrote it, or {@code manual} for {@code influx-reset backup}
 */
public record BackupInfo(String id, Instant created, String profile, String influxVersion, String runId,
                         List<Bucket> buckets, int files, long bytes) {
    public BackupInfo {
        buckets = List.copyOf(buckets);
    }

    /** A bucket as the set holds it: its retention then, and its points per measurement. */
    public record Bucket(String name, String retention, Map<String, Long> points) {
        public long totalPoints() {
            return points.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public long totalPoints() {
        return buckets.stream().mapToLong(Bucket::totalPoints).sum();
    }
}
