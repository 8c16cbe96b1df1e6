package io.github.influxreset.cli;

import io.github.influxreset.domain.BackupInfo;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.Plan;
import io.github.influxreset.engine.Ports;
import io.github.influxreset.engine.RestorePlanBuilder;
import io.github.influxreset.engine.RunContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
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

    @Option(names = "--yes", description = "Confirm without asking.")
    boolean yes;

    @Option(names = "--from", paramLabel = "export|volumes|native",
            description = "What to restore the whole set from: the line-protocol export (default), the volume snapshots, "
                    + "or InfluxDB's own backup (2.x: tokens, orgs and buckets too, as 'influx restore --full').")
    String from = "export";

    @Override
    public Integer call() throws Exception {
        if (!java.util.List.of("export", "volumes", "native").contains(from)) {
            throw ResetException.badInput("--from takes export, volumes or native, not '" + from + "'.", "");
        }
        if ((bucket == null) != (newBucket == null)) {
            throw ResetException.badInput("--bucket and --new-bucket go together.",
                    "Give both to restore one bucket into a new one, or neither to restore the whole set.");
        }
        Profile profile = profile();
        Ports ports = root.context.ports(profile);
        BackupInfo source = ports.backups().info(backupId);
        String planId = Plan.newId(Clock.systemUTC());
        RestorePlanBuilder builder = new RestorePlanBuilder(profile);
        Plan plan;
        if (bucket != null) {
            plan = builder.oneBucket(source, bucket, newBucket, planId);
        } else if (from.equals("native")) {
            if (!ports.backups().holdsNative(backupId)) {
                throw ResetException.badInput("Backup set " + backupId + " holds no native backup of InfluxDB 2.x (it is "
                        + "taken with the operator token only, and not on 1.x); nothing was changed.",
                        "Restore it from the export (the default) or from the volume snapshots (--from volumes).");
            }
            plan = builder.fromNative(source, planId);
        } else if (from.equals("volumes")) {
            plan = new io.github.influxreset.engine.PlanBuilder(profile,
                    ports.docker().discover(profile.stack().composeProject())).fromVolumes(source, planId);
        } else {
            plan = builder.wholeSet(source, planId);
        }
        try (AutoCloseable logging = logToStderr()) {
            RunContext run = RunDriver.runAll(root, profile, ports, plan, () -> Confirmation.ask(root, yes,
                    "This replaces every bucket of backup set " + backupId + " in InfluxDB with its copy in the set "
                            + "(the current data is backed up first).", profile.confirmationWord()));
            output().line("Restored backup set " + backupId + (bucket == null ? "" : " bucket " + bucket + " into "
                    + newBucket) + "; every point count matches the manifest. Run " + run.runId() + ".");
            run.findings(io.github.influxreset.engine.Step.VALIDATE).forEach(f -> output().line(Findings.line(f)));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("runId", run.runId());
            doc.put("backupId", backupId);
            doc.put("counts", Findings.toJson(run.findings(io.github.influxreset.engine.Step.VALIDATE)));
            output().document(doc);
        }
        return 0;
    }
}
