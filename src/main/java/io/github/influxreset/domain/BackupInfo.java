package io.github.influxreset.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the backup browser shows of one complete backup set, read from its manifest.
 *
 * @param runId  the run that wrote it, or {@code manual} for {@code influx-reset backup}
 * @param sealed when a run added what the services wrote until they stopped (the buckets and
 *               counts are then those at the stop)
 */
public record BackupInfo(String id, Instant created, String profile, String influxVersion, String runId,
                         List<Bucket> buckets, int files, long bytes, Optional<Instant> sealed) {
    public BackupInfo {
        buckets = List.copyOf(buckets);
    }

    public BackupInfo(String id, Instant created, String profile, String influxVersion, String runId,
                      List<Bucket> buckets, int files, long bytes) {
        this(id, created, profile, influxVersion, runId, buckets, files, bytes, Optional.empty());
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
