package io.github.influxreset.cli;

import io.github.influxreset.domain.CarryTally;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.session.RunOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code move}: a stack on InfluxDB 1.x moves to the 2.x server of the profile's {@code moveTo},
 * stopping nothing: check both → back up (verified) → confirm → each database becomes a bucket with
 * the profile's retention, its points carried into the profile's schema, then what the services
 * wrote to 1.x meanwhile → validate on 2.x → the settings each service must change named. Nothing on
 * the 1.x server is deleted; on failure it is rolled back. {@code move --catch-up}, once the
 * services write to 2.x, carries what 1.x took after the move read it.
 */
@Command(name = "move", description = "Move a 1.x stack's data to the InfluxDB 2.x server of the profile's moveTo, "
        + "in the profile's schema; the 1.x data stays.")
final class MoveCommand extends BaseCommand {
    @Mixin
    RunOptions options = new RunOptions();

    @Option(names = "--catch-up", description = "After the services were switched to 2.x: carry what they wrote to 1.x "
            + "since the last move read it (only adds points; no backup, no confirmation).")
    boolean catchUp;

    @Override
    public Integer call() throws Exception {
        Profile profile = profile();
        if (options.resume) {
            report(RunDriver.resume(root, profile, options.yes, "copies the points to "
                    + profile.moveTo().map(t -> t.url()).orElse("the 2.x server")));
            return 0;
        }
        if (catchUp) {
            return catchUp(profile);
        }
        Plan plan = root.context.session(profile).plan(ResetMode.MOVE);
        if (options.dryRun) {
            output().line("Dry run: nothing will be changed.");
            RunDriver.printLiveForecast(root, profile);
            return new PlanCommand().printFor(root, plan);
        }
        try (AutoCloseable logging = logToStderr()) {
            RunOutcome run = RunDriver.runAll(root, profile, plan, true, () -> Confirmation.ask(root, options.yes,
                    "This copies the points of " + profile.name() + " to " + profile.moveTo().orElseThrow().url()
                            + " while the services keep writing to 1.x (nothing stops; the 1.x data stays).",
                    profile.confirmationWord()));
            report(run);
        }
        return 0;
    }

    private int catchUp(Profile profile) throws Exception {
        Plan plan = root.context.session(profile).wholeRuns().catchUpPlan();
        if (options.dryRun) {
            output().line("Dry run: nothing will be changed.");
            return new PlanCommand().printFor(root, plan);
        }
        try (AutoCloseable logging = logToStderr()) {
            RunOutcome run = RunDriver.runAll(root, profile, plan, true, () -> "");
            Map<String, CarryTally> caught = run.carriedDelta();
            output().line("Caught up. Run " + run.runId() + ".");
            caught.forEach((bucket, tally) -> output().line("  bucket " + bucket + ": " + tally.carried()
                    + " point(s) carried from 1.x"));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("runId", run.runId());
            doc.put("outcome", "succeeded");
            Map<String, Long> carried = new LinkedHashMap<>();
            caught.forEach((bucket, tally) -> carried.put(bucket, tally.carried()));
            doc.put("carried", carried);
            output().document(doc);
        }
        return 0;
    }

    private void report(RunOutcome run) {
        output().line("Move finished. Run " + run.runId() + ", backup set " + run.backupId() + ".");
        Map<String, CarryTally> forecast = run.forecastCarried();
        Map<String, CarryTally> written = run.carried();
        Map<String, CarryTally> delta = run.carriedDelta();
        written.forEach((bucket, tally) -> output().line("  bucket " + bucket + ": " + tally.carried() + " point(s) carried"
                + beyond(tally.carried() - forecast.getOrDefault(bucket, new CarryTally(bucket)).carried())
                + Optional.ofNullable(delta.get(bucket)).map(d -> ", then " + d.carried() + " the services wrote to 1.x "
                + "since the backup began (the newest ones again)").orElse("")));
        output().line("  The services still write to 1.x. Change the settings below, then run 'influx-reset move "
                + "--catch-up' to carry what 1.x took since.");
        run.findings(Step.RESET).stream().filter(f -> f.subject().startsWith("Database "))
                .forEach(f -> output().line("  " + f.subject() + " " + f.message()));
        run.findings(Step.RESTART).stream().filter(f -> f.subject().startsWith("Service "))
                .forEach(f -> output().line("  " + f.subject() + " " + f.message()));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("runId", run.runId());
        doc.put("backupId", run.backupId());
        doc.put("outcome", "succeeded");
        Map<String, Long> carried = new LinkedHashMap<>();
        written.forEach((bucket, tally) -> carried.put(bucket, tally.carried()));
        doc.put("carried", carried);
        doc.put("findings", Findings.toJson(run.findings()));
        output().document(doc);
    }

    private static String beyond(long more) {
        return more > 0 ? " (the forecast's, plus " + more + " written by the services while the backup was made)" : "";
    }
}
