package io.github.influxreset.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code seal/manifest.json} of a backup set: what the services wrote between the set and their
 * stop, added to the set while they were stopped. Per bucket only the values stamped from the set's
 * cut on are exported (a margin before the set began); the set's own export still holds those
 * before it. Written last, under {@code .seal-incomplete/} until whole: a set whose seal was cut
 * off is the set as it was.
 *
 * <p>Reading a sealed bucket: the set's lines stamped before {@code cut} (or at or after {@link
 * #RANGE_END}), then the seal's lines. With {@code cut} absent the seal's export is the whole
 * bucket (values stamped before the cut arrived after the set, or the set counted none apart).
 */
public record Seal(int formatVersion, String created, String runId, List<Entry> buckets,
                   List<Manifest.FileEntry> files) {
    public static final int FORMAT_VERSION = 1;
    static final String FOLDER = "seal";
    static final String INCOMPLETE = ".seal-incomplete";
    static final String FILE_NAME = FOLDER + "/" + Manifest.FILE_NAME;
    /** How long before a set began its cut lies: writers stamp points a little before they send them. */
    public static final Duration MARGIN = Duration.ofMinutes(10);
    /** Where the seal's range of a bucket ends (a range needs a stop); later stamps stay the set's. */
    static final Instant RANGE_END = Instant.parse("2200-01-01T00:00:00Z");

    /**
     * @param cut         the seal's export holds the values stamped from it on; null: the whole bucket
     * @param deltaValues the values of each field the seal's export holds, counted from its file
     * @param values      the values of the bucket as sealed: the set's before the cut plus the seal's
     */
    public record Entry(String name, String retention, String cut, Map<String, Map<String, Long>> deltaValues,
                        Map<String, Map<String, Long>> values) {
        boolean whole() {
            return cut == null;
        }
    }

    static String exportFile(String bucket) {
        return FOLDER + "/" + BackupWriter.exportFile(bucket);
    }
}
