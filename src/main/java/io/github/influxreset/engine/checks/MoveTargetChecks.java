package io.github.influxreset.engine.checks;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.InfluxSpec;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.port.InfluxPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What must hold of the 2.x server before a 1.x stack moves to it: it answers as a 2.x server, its
 * token reads the org's buckets, and none of the buckets the move makes already holds points (a move
 * never writes over data; {@code restore --into-existing} merges). Read-only.
 */
public final class MoveTargetChecks {
    private final Profile profile;
    private final InfluxPort target;

    public MoveTargetChecks(Profile profile, InfluxPort target) {
        this.profile = profile;
        this.target = target;
    }

    public List<Finding> run() {
        InfluxSpec spec = profile.moveTo().orElseThrow(() -> ResetException.badInput(
                "Profile " + profile.name() + " names no InfluxDB 2.x server to move to.",
                "Add a moveTo section (url, org, token) to the profile."));
        List<Finding> findings = new ArrayList<>();
        String version;
        try {
            version = target.health();
        } catch (ResetException e) {
            findings.add(Finding.error("InfluxDB 2.x", "the server at " + spec.url() + " (moveTo.url): " + e.userText()));
            return findings;
        }
        if (!version.startsWith("2.") && !version.startsWith("v2.")) {
            findings.add(Finding.error("InfluxDB 2.x", "the server at " + spec.url() + " is version " + version
                    + ", not 2.x: point moveTo.url at the new 2.x server"));
            return findings;
        }
        findings.add(Finding.ok("InfluxDB 2.x", "answers at " + spec.url() + ", version " + version));
        List<BucketSpec> live;
        try {
            live = target.buckets();
        } catch (ResetException e) {
            findings.add(Finding.error("InfluxDB 2.x org", "its buckets cannot be read with moveTo's token in org '"
                    + spec.org() + "': " + e.userText()));
            return findings;
        }
        findings.add(Finding.ok("InfluxDB 2.x org", spec.org() + ": " + live.size() + " bucket(s), readable with the token"));
        for (BucketSpec bucket : profile.buckets()) {
            holding(bucket.name(), live).ifPresent(findings::add);
        }
        return findings;
    }

    /** A finding when the server already has the bucket: an error when it holds points, a note when empty. */
    private Optional<Finding> holding(String bucket, List<BucketSpec> live) {
        if (live.stream().noneMatch(b -> b.name().equals(bucket))) {
            return Optional.empty();
        }
        long points = target.countPoints(bucket).values().stream().mapToLong(Long::longValue).sum();
        if (points > 0) {
            return Optional.of(Finding.error("Bucket " + bucket, "already holds " + points + " point(s) on the 2.x server; "
                    + "a move writes only into empty buckets: delete that bucket there, or move without it and merge it "
                    + "with 'restore ID --into-existing'"));
        }
        return Optional.of(Finding.info("Bucket " + bucket, "exists on the 2.x server, empty: the move fills it"));
    }
}
