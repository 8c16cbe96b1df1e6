package io.github.influxreset.engine.port;

import io.github.influxreset.domain.BackupInfo;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.SealOutcome;
import io.github.influxreset.domain.StackSnapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Backup sets on disk: written, verified, listed, restored. */
public interface BackupStore {
    /** Writes a complete backup set (manifest last) and returns its id. */
    String write(StackSnapshot stack, String runId, Progress progress);

    /**
     * As {@link #write}, holding of InfluxDB only the exports of {@code buckets} (those absent are
     * skipped), with the configuration and the SQLite databases, and neither InfluxDB's own backup
     * nor the volume snapshots: what a rollback keeps of the live data it is about to replace, while
     * the services wait, so that its cost follows that data and not the whole server. Restoring it
     * replaces those buckets only.
     */
    String writeBuckets(StackSnapshot stack, String runId, Set<String> buckets, Progress progress);

    /** Removes what a set of this run left half-written (the process killed mid-set); complete sets stay. */
    void removeIncomplete(String runId);

    /** Re-hashes every file of the set; throws naming the first file that does not match. */
    default void verify(String backupId) {
        verify(backupId, Progress.NONE);
    }

    /** As {@link #verify(String)}, reporting bytes hashed, rate and time left. */
    void verify(String backupId, Progress progress);

    /**
     * Adds to a complete set what InfluxDB (and the SQLite databases) took since it was written:
     * per bucket the values stamped from a margin before the set began, or the whole bucket where
     * older values arrived late; written, counted against the server and verified before it counts.
     * Called with the services stopped: its cost follows what they wrote since the set, not the set.
     * Afterwards the set reads as it stood at the stop. Nothing is written when nothing changed.
     */
    default SealOutcome seal(String backupId, Progress progress) {
        return seal(backupId, Map.of(), progress);
    }

    /**
     * As {@link #seal(String, Progress)}, reading each bucket named in {@code setAside} from the
     * bucket it was renamed to ({@code name → aside name}): that one took no write since the stop,
     * so the seal can run after the services write again, into new buckets of the old names
     * (which it leaves out).
     */
    SealOutcome seal(String backupId, Map<String, String> setAside, Progress progress);

    /** The buckets the set's seal added values to (none for a set never sealed). */
    List<String> sealedBuckets(String backupId);

    /**
     * Writes only the values the seal added for a bucket into it: what a restore from the set's
     * volume snapshots (taken before the seal) lacks. Same series, time and field overwrite.
     */
    void restoreSealedValues(String backupId, String bucket);

    /**
     * Ids of complete, readable sets, newest first. A folder without a manifest is never listed, nor
     * one that is not a usable set (see {@link #unusable}).
     */
    List<String> list();

    /**
     * Folders of the backup folder that hold a manifest but are no usable set, each with the
     * reason: a name that is not a set id, a manifest that cannot be read, a link instead of a folder.
     */
    default Map<String, String> unusable() {
        return Map.of();
    }

    /** What the manifest of a complete set says. */
    BackupInfo info(String backupId);

    /** Deletes a set's folder. */
    void delete(String backupId);

    /**
     * The inspect document of a container as the set saved it (see {@code DockerPort#inspect});
     * throws when the set holds none for that container.
     */
    String containerConfig(String backupId, String containerName);

    /** True when the set holds a snapshot of the volume. */
    boolean holdsVolume(String backupId, String volume);

    /**
     * Writes a volume snapshot of the set into an (empty) volume; every archive entry is checked
     * before the first is written.
     */
    void restoreVolume(String backupId, String volume, String image);

    /**
     * The values of every field of every measurement that the set's export of {@code bucket} holds,
     * as counted from the file when the set was written; empty for a set without those counts
     * (written by an older version) or without that bucket.
     */
    Optional<Map<String, Map<String, Long>>> fieldValues(String backupId, String bucket);

    /** True when the set holds InfluxDB's own backup ({@code influx/}, 2.x). */
    default boolean holdsNative(String backupId) {
        return false;
    }

    /** Puts the set's native backup back, whole: everything on the InfluxDB server is replaced. */
    default void restoreNative(String backupId) {
        throw new UnsupportedOperationException("no native backup");
    }

    /** True when the set holds an export of the bucket (it existed when the set was written). */
    boolean holdsBucket(String backupId, String bucket);

    /**
     * Restores one bucket of a set from its line-protocol export into {@code targetBucket}, creating
     * that bucket with the retention the set recorded when it does not exist; {@code progress} hears
     * the values written against those the set counted, with rate and time left, once a second.
     */
    void restoreBucket(String backupId, String bucket, String targetBucket, Progress progress);

    /**
     * Hands each line of a bucket's line-protocol export in the set to {@code line}, in order,
     * streamed from the file (never held whole in memory).
     */
    void exportLines(String backupId, String bucket, Consumer<String> line);

    /**
     * The file of a set holding a SQLite database's copy ({@code setFile} as {@link
     * io.github.influxreset.domain.SqliteSpec#setFile} names it), when the set has it.
     */
    Optional<Path> sqliteCopy(String backupId, String setFile);
}
