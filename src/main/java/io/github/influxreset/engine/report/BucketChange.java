package io.github.influxreset.engine.report;

import io.github.influxreset.domain.BackupInfo;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.MeasurementSchema;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.domain.Severity;
import io.github.influxreset.engine.port.InfluxPort;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One bucket before and after a run: points and retention as the run's backup set held them, and as
 * the server holds them now, with how many validation findings of the run were about it.
 *
 * @param pointsAfter empty when the server could not be asked
 */
public record BucketChange(String bucket, Optional<Long> pointsBefore, String retentionBefore, Optional<Long> pointsAfter,
                           String retentionAfter, long errors, long warnings) {

    /**
     * The profile's buckets and those of the set, before (from the set's manifest) and after (read
     * from {@code now}, the server that got the new structure). Reads only; a server that does not
     * answer leaves the "after" side empty.
     */
    public static List<BucketChange> of(Profile profile, Optional<BackupInfo> before, InfluxPort now,
                                        List<Finding> validation) {
        Set<String> names = new LinkedHashSet<>();
        profile.buckets().forEach(b -> names.add(b.name()));
        before.ifPresent(set -> set.buckets().forEach(b -> names.add(b.name())));
        List<BucketSpec> live;
        try {
            live = now.buckets();
        } catch (ResetException notAnswering) {
            live = null;
        }
        List<BucketChange> changes = new ArrayList<>();
        for (String name : names) {
            Optional<BackupInfo.Bucket> old = before.flatMap(set -> set.buckets().stream()
                    .filter(b -> b.name().equals(name)).findFirst());
            Optional<BucketSpec> current = live == null ? Optional.empty()
                    : live.stream().filter(b -> b.name().equals(name)).findFirst();
            List<Finding> about = validation.stream().filter(f -> isAbout(f, name, profile)).toList();
            changes.add(new BucketChange(name, old.map(BackupInfo.Bucket::totalPoints), old.map(b -> readable(b.retention()))
                    .orElse("—"), live == null ? Optional.empty() : Optional.of(current.map(b -> points(now, name)).orElse(0L)),
                    current.map(b -> b.retention().toString()).orElse(live == null ? "?" : "—"),
                    about.stream().filter(f -> f.severity().isProblem()).count(),
                    about.stream().filter(f -> f.severity() == Severity.WARNING).count()));
        }
        return changes;
    }

    /** "clean", or how many errors and warnings validation found about the bucket ("1 warning", "2 errors, 1 warning"). */
    public String validationText() {
        if (errors == 0 && warnings == 0) {
            return "clean";
        }
        String problems = errors == 0 ? "" : errors + (errors == 1 ? " error" : " errors");
        String notes = warnings == 0 ? "" : warnings + (warnings == 1 ? " warning" : " warnings");
        return problems.isEmpty() ? notes : notes.isEmpty() ? problems : problems + ", " + notes;
    }

    /** "30d → 365d", or the one retention when it stayed. */
    public String retentionText() {
        return retentionBefore.equals(retentionAfter) ? retentionAfter : retentionBefore + " → " + retentionAfter;
    }

    /** A retention as the manifest keeps it ("0" for infinite), as a person reads it. */
    private static String readable(String retention) {
        return Retention.parse(retention).map(Retention::toString).orElse(retention);
    }

    private static long points(InfluxPort now, String bucket) {
        return now.countPoints(bucket).values().stream().mapToLong(Long::longValue).sum();
    }

    /** A finding about the bucket itself or about a measurement the profile keeps in it. */
    private static boolean isAbout(Finding finding, String bucket, Profile profile) {
        String subject = finding.subject();
        if (subject.startsWith("Bucket " + bucket)) {
            return true;
        }
        return profile.schema().stream().filter(m -> m.bucket().equals(bucket)).map(MeasurementSchema::measurement)
                .anyMatch(m -> subject.startsWith("Measurement " + m));
    }
}
