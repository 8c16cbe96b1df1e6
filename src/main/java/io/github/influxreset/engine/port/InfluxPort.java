package io.github.influxreset.engine.port;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.FieldType;
import io.github.influxreset.domain.ResetException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An InfluxDB server, 2.x or 1.x (where a bucket is a database with a default retention policy).
 * Blocking and thread-safe; failures are {@code ResetException}s naming what to fix.
 */
public interface InfluxPort {
    /** The server's version when it answers its health endpoint; throws when it does not. */
    String health();

    /** First-time setup after a full reset (2.x onboarding; 1.x: nothing to do). */
    void setup(String firstBucket);

    List<BucketSpec> buckets();

    void createBucket(BucketSpec bucket);

    /** Changes a bucket's retention in place. */
    void updateRetention(BucketSpec bucket);

    /** Deletes a bucket and all its data; an absent bucket is fine. */
    void deleteBucket(String bucket);

    /** Writes points in line protocol (nanosecond precision). */
    void write(String bucket, String lineProtocol);

    /** Point counts per measurement of a bucket. */
    Map<String, Long> countPoints(String bucket);

    /**
     * The number of values of every field of every measurement of the bucket: what a complete
     * export must hold (measurement → field → count).
     */
    Map<String, Map<String, Long>> countFieldValues(String bucket);

    /** Points of the bucket with a time after {@code since} (all measurements): how the data flow is seen. */
    long pointsSince(String bucket, Instant since);

    /** The measurements a bucket holds points of, by name. */
    List<String> measurements(String bucket);

    List<String> tagKeys(String bucket, String measurement);

    Map<String, FieldType> fieldKeys(String bucket, String measurement);

    /** The number of points of a measurement whose tag has the value. */
    long countWhere(String bucket, String measurement, String tag, String value);

    /** Deletes the points of a measurement whose tag has the value. */
    void deleteWhere(String bucket, String measurement, String tag, String value);

    /** One value the tag has in the measurement, read from the index; empty when it has none. */
    Optional<String> anyTagValue(String bucket, String measurement, String tag);

    /**
     * Runs the query a dashboard panel typically runs: one series (the tag's value) over the last
     * day, averaged per hour.
     */
    void typicalQuery(String bucket, String measurement, String tag, String value);

    /** How many distinct values a tag of a measurement has, read from the index, not by a scan. */
    long tagCardinality(String bucket, String measurement, String tag);

    /** Streams every point of a bucket as line protocol; returns the number of points written. */
    long export(String bucket, OutputStream out);

    /**
     * Streams the points of a bucket with {@code from <= time < to} as line protocol; returns the
     * number of points written. (2.x; a 1.x server says it cannot.)
     */
    default long export(String bucket, OutputStream out, Instant from, Instant to) {
        throw onlyOn2x("read a time range of a bucket");
    }

    /** {@link #countFieldValues(String)} of the values with {@code from <= time < to}. */
    default Map<String, Map<String, Long>> countFieldValues(String bucket, Instant from, Instant to) {
        throw onlyOn2x("count a time range of a bucket");
    }

    /** The id of every bucket of the org, by name (2.x: an id stays when a bucket is renamed). */
    default Map<String, String> bucketIds() {
        throw onlyOn2x("tell buckets by their ids");
    }

    /**
     * Gives the bucket with the id a new name, keeping its id, retention and points: writers that
     * address the bucket by name write to whichever bucket has the name now. (2.x only.)
     */
    default void renameBucket(String id, String newName) {
        throw onlyOn2x("rename a bucket");
    }

    /** The server's 1.x-compatible mappings (2.x DBRP, which point at a bucket's id, not its name); none on 1.x. */
    default MappingPort mappings() {
        return MappingPort.NONE;
    }

    private static ResetException onlyOn2x(String what) {
        return ResetException.problem("Only InfluxDB 2.x can " + what + "; this server is 1.x.",
                "Use a reset that stops the services (the plan chooses one for 1.x).", null);
    }

    /**
     * Why the server's own backup cannot be taken here, if so (2.x: the token must be the operator
     * token; a server without such a backup says so). Reads only.
     */
    default Optional<String> nativeBackupProblem() {
        return Optional.of("this server offers no backup of its own here");
    }

    /**
     * Puts a backup {@link #writeNativeBackup} wrote back, whole (tokens, orgs, buckets and every
     * shard): everything on the server is replaced.
     */
    default void restoreNativeBackup(Path dir) {
        throw new UnsupportedOperationException("no native restore");
    }

    /** Writes the server's own backup into {@code dir}, as its official client lays it out. */
    default void writeNativeBackup(Path dir) {
        throw new UnsupportedOperationException("no native backup");
    }
}
