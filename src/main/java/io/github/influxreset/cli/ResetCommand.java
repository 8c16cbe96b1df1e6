package io.github.influxreset.cli;

import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.session.RunOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code reset}: check → backup → confirm → reset → validate → restart, rolled back on failure.
 * Without {@code --yes} the user types the org (or database) name to confirm.
 */
@Command(name = "reset", description = "Back up, then reset InfluxDB; rolls back on failure.")
final class ResetCommand extends BaseCommand {
    @Option(names = "--mode", paramLabel = "repair|buckets|online|full", converter = ModeConverter.class,
            description = "repair: fix retention and missing buckets in place (no downtime, nothing deleted); buckets: "
                    + "recreate the buckets through the API; online (2.x): new buckets filled beside the live ones and "
                    + "switched to by name, no service stopped, nothing deleted; full (default): recreate the container "
                    + "and volumes.")
    ResetMode mode = ResetMode.FULL;

    @Option(names = "--keep-data", description = "After the reset, carry the backup's points into the new buckets, "
            + "converted to the profile's schema (the forecast of what is carried, converted and left out is printed "
            + "before you confirm).")
    boolean keepData;

    @Mixin
    RunOptions options = new RunOptions();

    @Override
    public Integer call() throws Exception {
        Profile profile = profile();
        if (options.resume) {
            return resume(profile);
        }
        Plan plan = root.context.session(profile).plan(mode);
        if (options.dryRun) {
            output().line("Dry run: nothing will be changed.");
            if (keepData) {
                RunDriver.printLiveForecast(root, profile);
            }
            return new PlanCommand().printFor(root, plan);
        }
        try (AutoCloseable logging = logToStderr()) {
            String unknown = root.context.session(profile).wholeRuns().notesBeforeConfirming(plan).stream()
                    .map(note -> " " + note + ".").reduce("", String::concat);
            String carried = keepData ? " The old points are then carried into the new buckets as forecast above." : "";
            String what = mode == ResetMode.ONLINE ? "This makes new buckets for " + profile.name() + " beside the live ones "
                    + "and switches the services to them by name; no service stops and nothing is deleted (the old "
                    + "buckets stay under the run's name)." : "This deletes the InfluxDB data of " + profile.name()
                    + " (the backup keeps it).";
            RunOutcome run = RunDriver.runAll(root, profile, plan, keepData, () -> Confirmation.ask(root, options.yes,
                    what + unknown + carried, profile.confirmationWord()));
            report(run);
        }
        return 0;
    }

    private int resume(Profile profile) throws Exception {
        RunOutcome run = RunDriver.resume(root, profile, options.yes, "deletes the InfluxDB data of " + profile.name());
        report(run);
        return 0;
    }

    private void report(RunOutcome run) {
        output().line("Reset finished. Run " + run.runId() + ", backup set " + run.backupId() + ".");
        if (mode == ResetMode.ONLINE) {
            output().line("The old buckets are kept as NAME.before-" + run.runId() + " for a rollback ('rollback "
                    + run.runId() + "'); once you are sure, delete them with 'influx bucket delete --name NAME.before-"
                    + run.runId() + "' or in InfluxDB's UI.");
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("runId", run.runId());
        doc.put("backupId", run.backupId());
        doc.put("outcome", "succeeded");
        doc.put("findings", Findings.toJson(run.findings()));
        output().document(doc);
    }
}
