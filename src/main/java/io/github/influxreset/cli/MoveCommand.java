package io.github.influxreset.cli;

import io.github.influxreset.domain.CarryTally;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.engine.Plan;
import io.github.influxreset.engine.Ports;
import io.github.influxreset.engine.RunContext;
import io.github.influxreset.engine.Step;
import io.github.influxreset.engine.actions.CarryData;
import io.github.influxreset.engine.actions.ForecastCarry;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code move}: a stack on InfluxDB 1.x moves to the 2.x server of the profile's {@code moveTo}:
 * check both → back up (verified) → confirm → each database becomes a bucket with the profile's
 * retention, its points carried into the profile's schema → validate on 2.x → the settings each
 * service must change named. Nothing on the 1.x server is deleted; on failure it is rolled back.
 */
@Command(name = "move", description = "Move a 1.x stack's data to the InfluxDB 2.x server of the profile's moveTo, "
        + "in the profile's schema; the 1.x data stays.")
final class MoveCommand extends BaseCommand {
    @Mixin
    RunOptions options = new RunOptions();

    @Override
    public Integer call() throws Exception {
        Profile profile = profile();
        Ports ports = root.context.ports(profile);
        if (options.resume) {
            report(RunDriver.resume(root, profile, options.yes, "copies the points to "
                    + profile.moveTo().map(t -> t.url()).orElse("the 2.x server")));
            return 0;
        }
        Plan plan = root.context.session(profile).plan(ResetMode.MOVE);
        if (options.dryRun) {
            output().line("Dry run: nothing will be changed.");
            LiveForecast.print(output(), profile, ports);
            return new PlanCommand().printFor(root, plan);
        }
        try (AutoCloseable logging = logToStderr()) {
            RunContext run = RunDriver.runAll(root, profile, plan, true, () -> Confirmation.ask(root, options.yes,
                    "This stops the services of " + profile.name() + " while the points are copied to "
                            + profile.moveTo().orElseThrow().url() + " (the 1.x data stays).", profile.confirmationWord()));
            report(run);
        }
        return 0;
    }

    private void report(RunContext run) {
        output().line("Move finished. Run " + run.runId() + ", backup set " + run.backupId() + ".");
        Map<String, CarryTally> forecast = tallies(run, ForecastCarry.KIND);
        Map<String, CarryTally> written = tallies(run, CarryData.KIND);
        written.forEach((bucket, tally) -> output().line("  bucket " + bucket + ": " + tally.carried() + " point(s) carried"
                + beyond(tally.carried() - forecast.getOrDefault(bucket, new CarryTally(bucket)).carried())));
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

    private static Map<String, CarryTally> tallies(RunContext run, String kind) {
        return run.action(kind).map(a -> CarryTally.allFromFacts(a.facts())).orElse(Map.of());
    }

    private static String beyond(long more) {
        return more > 0 ? " (the forecast's, plus " + more + " written by the services before they stopped)" : "";
    }
}
