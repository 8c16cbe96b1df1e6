package io.github.influxreset.backup;

import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of a backup set, written last: a set without it is unfinished. Lists every
 * other file of the set with its size and SHA-256.
 */
public record Manifest(int formatVersion, String productVersion, String created, String profile,
                       String influxVersion, String runId, List<BucketEntry> buckets, String volumeSnapshots,
                       List<FileEntry> files) {
    public static final int FORMAT_VERSION = 1;
    /**
     * What {@code volumeSnapshots} says of every set this version writes: the volumes are copied
     * while InfluxDB runs, so its files may be caught mid-write; the counted export is the copy to
     * trust, the snapshots are the second line.
     */
    public static final String ONLINE_SNAPSHOTS = "taken while InfluxDB ran (files may be caught mid-write): "
            + "the line-protocol export, counted against the server, is the complete copy";
    public static final String FILE_NAME = "manifest.json";

    /**
     * A bucket as it was backed up: retention, point count per measurement, and the values of every
     * field, all counted from the export file itself ({@code values} is absent in older sets); and
     * of those, the values stamped before {@code cut} (a margin before the set began), which a seal
     * compares with the server to carry only what came later ({@code cut} and {@code valuesBefore}
     * are absent in older sets: their seal exports whole buckets).
     */
    public record BucketEntry(String name, String retention, Map<String, Long> points,
                              Map<String, Map<String, Long>> values, String cut,
                              Map<String, Map<String, Long>> valuesBefore) {
    }

    /** A file of the set, by its path relative to the set's folder. */
    public record FileEntry(String path, long size, String sha256) {
    }

    public long totalPoints() {
        return buckets.stream().flatMap(b -> b.points().values().stream()).mapToLong(Long::longValue).sum();
    }

    public long totalBytes() {
        return files.stream().mapToLong(FileEntry::size).sum();
    }
}
