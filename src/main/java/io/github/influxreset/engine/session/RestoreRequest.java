package io.github.influxreset.engine.session;

import io.github.influxreset.domain.OnConflict;
import java.util.Optional;

/**
 * What the user asked to restore from a backup set. Made by one of the factories, each a restore
 * the product offers; the session chooses the plan for it ({@link BackupShelf#restore}).
 *
 * @param bucket    the one bucket of the set to restore or merge; empty for every bucket
 * @param newBucket the new bucket a single bucket is restored into; empty otherwise
 * @param merge     how a merge into the live buckets treats a point they already have; empty when not merging
 */
public record RestoreRequest(String backupId, Source source, Optional<String> bucket, Optional<String> newBucket,
                             Optional<OnConflict> merge) {
    /** What the whole set is restored from. */
    public enum Source {
        /** The line-protocol export of each bucket. */
        EXPORT,
        /** The snapshots of the stack's volumes. */
        VOLUMES,
        /** InfluxDB 2.x's own backup (tokens, orgs and buckets too). */
        NATIVE,
        /** Only the set's copies of the profile's SQLite databases. */
        SQLITE
    }

    /** Every bucket of the set, replacing the live ones, from the given source. */
    public static RestoreRequest wholeSet(String backupId, Source source) {
        return new RestoreRequest(backupId, source, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** One bucket of the set into a new bucket; the live ones are left alone. */
    public static RestoreRequest oneBucket(String backupId, String bucket, String newBucket) {
        return new RestoreRequest(backupId, Source.EXPORT, Optional.of(bucket), Optional.of(newBucket), Optional.empty());
    }

    /** The set's points (of every bucket, or of one) written into the live buckets of the same names, which keep theirs. */
    public static RestoreRequest merge(String backupId, Optional<String> bucket, OnConflict onConflict) {
        return new RestoreRequest(backupId, Source.EXPORT, bucket, Optional.empty(), Optional.of(onConflict));
    }

    /** The set's copies of the SQLite databases put back, and nothing else. */
    public static RestoreRequest sqlite(String backupId) {
        return wholeSet(backupId, Source.SQLITE);
    }

    /** True when the live buckets keep their points. */
    public boolean merges() {
        return merge.isPresent();
    }
}
