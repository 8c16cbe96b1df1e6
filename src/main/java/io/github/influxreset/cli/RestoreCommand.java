package io.github.influxreset.cli;

import io.github.influxreset.domain.OnConflict;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.session.RestoreRequest;
import io.github.influxreset.engine.session.RunOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code restore BACKUP_ID [--bucket NAME --new-bucket NAME] [--yes]}: the whole set (a run that
 * backs up the current state first and can be rolled back), or one bucket into a new one.
 */
@Command(name = "restore", description = "Restore a backup set: every bucket, or one bucket into a new one.")
final class RestoreCommand extends BaseCommand {
    @Parameters(paramLabel = "BACKUP_ID")
    String backupId;

    @Option(names = "--bucket", paramLabel = "NAME", description = "Restore only this bucket of the set.")
    String bucket;

    @Option(names = "--new-bucket", paramLabel = "NAME", description = "Into this new bucket (with --bucket).")
    String newBucket;

    @Option(names = "--into-existing", description = "Merge the set's buckets (or --bucket) into the live buckets of the "
            + "same names, which keep their points; the current state is backed up first and the run can be rolled back.")
    boolean intoExisting;

    @Option(names = "--on-conflict", paramLabel = "overwrite|skip", description = "With --into-existing, a point at a "
            + "series and time the live bucket already has: overwrite (default; the newer write wins, as InfluxDB does) "
            + "or skip (the live one is kept).")
    String onConflict = "overwrite";

    @Option(names = "--sqlite", description = "Put the set's copies of the profile's SQLite databases back (and not the "
            + "InfluxDB data); the current ones are backed up first and the run can be rolled back.")
    boolean sqlite;

    @Option(names = "--yes", description = "Confirm without asking.")
    boolean yes;

    @Option(names = "--from", paramLabel = "export|volumes|native",
            description = "What to restore the whole set from: the line-protocol export (default), the volume snapshots, "
                    + "or InfluxDB's own backup (2.x: tokens, orgs and buckets too, as 'influx restore --full').")
    String from = "export";

    private OnConflict conflictRule() {
        return OnConflict.ofCliName(onConflict).orElseThrow(() -> ResetException.badInput("--on-conflict takes overwrite or "
                + "skip, not '" + onConflict + "'; nothing was changed.",
                "Use --on-conflict overwrite (the default) or --on-conflict skip."));
    }

    @Override
    public Integer call() throws Exception {
        if (!List.of("export", "volumes", "native").contains(from)) {
            throw ResetException.badInput("--from takes export, volumes or native, not '" + from + "'; nothing was changed.",
                    "Use --from export (the default), --from volumes or --from native.");
        }
        if (sqlite && (bucket != null || newBucket != null || intoExisting || !from.equals("export"))) {
            throw ResetException.badInput("--sqlite puts the SQLite databases back and nothing else; it takes no --bucket, "
                    + "--new-bucket, --into-existing or --from.", "Restore the databases and the InfluxDB data in two runs.");
        }
        if (intoExisting && newBucket != null) {
            throw ResetException.badInput("--into-existing merges into the bucket of the same name; it takes no "
                    + "--new-bucket.", "Leave out --new-bucket, or --into-existing to restore into a new bucket.");
        }
        if (!intoExisting && (bucket == null) != (newBucket == null)) {
            throw ResetException.badInput("--bucket and --new-bucket go together.",
                    "Give both to restore one bucket into a new one, or neither to restore the whole set.");
        }
        Profile profile = profile();
        RestoreRequest request = sqlite ? RestoreRequest.sqlite(backupId)
                : intoExisting ? RestoreRequest.merge(backupId, Optional.ofNullable(bucket), conflictRule())
                : bucket != null ? RestoreRequest.oneBucket(backupId, bucket, newBucket)
                : RestoreRequest.wholeSet(backupId, RestoreRequest.Source.valueOf(from.toUpperCase()));
        try (AutoCloseable logging = logToStderr()) {
            RunOutcome run = root.context.session(profile).shelf().restore(request, () -> Confirmation.ask(root, yes, question(),
                    profile.confirmationWord()), Progress.NONE);
            output().line(done() + " Run " + run.runId() + "." + keptBefore(run));
            run.findings(Step.VALIDATE).forEach(f -> output().line(Findings.line(f)));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("runId", run.runId());
            doc.put("backupId", backupId);
            doc.put("counts", Findings.toJson(run.findings(Step.VALIDATE)));
            output().document(doc);
        }
        return 0;
    }

    /** What the user confirms. */
    private String question() {
        if (sqlite) {
            return "This puts backup set " + backupId + "'s copies of the SQLite databases back over the current ones "
                    + "(backed up first).";
        }
        return intoExisting ? "This writes backup set " + backupId + "'s points into the live buckets, which keep theirs (the "
                + "current data is backed up first)." : "This replaces every bucket of backup set " + backupId + " in InfluxDB "
                + "with its copy in the set (the current data is backed up first).";
    }

    /**
     * Where the points a whole-set restore replaced are: the run's own set, sealed at the stop, holds
     * every point the services wrote until then (newer than the restored set).
     */
    private String keptBefore(RunOutcome run) {
        if (sqlite || intoExisting || bucket != null) {
            return "";
        }
        String runSet = run.backupId();
        return runSet == null || runSet.equals(backupId) ? "" : " What the buckets held before, every point "
                + "written until the services stopped, is in backup set " + runSet + ": 'restore " + runSet
                + " --into-existing' merges it back.";
    }

    /** What was done, once the run ended well. */
    private String done() {
        if (sqlite) {
            return "Put the SQLite databases of backup set " + backupId + " back; each passed its integrity check.";
        }
        return intoExisting ? "Merged backup set " + backupId + (bucket == null ? "" : " bucket " + bucket) + " into the live "
                + "buckets: each holds its own points and the set's new ones." : "Restored backup set " + backupId
                + (bucket == null ? "" : " bucket " + bucket + " into " + newBucket) + "; every point count matches the manifest.";
    }
}
