package io.github.influxreset.cli;

import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.RollbackPlan;
import io.github.influxreset.engine.RunContext;
import io.github.influxreset.engine.RunRecord;
import io.github.influxreset.engine.Runner;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rollback [RUN_ID] [--dry-run] [--force-stale]}: undoes the given run, or the newest
 * unfinished one of the profile, from its journal, once every undo's preconditions hold.
 */
@Command(name = "rollback", description = "Undo the last unfinished (or the given) run from its journal.")
final class RollbackCommand extends BaseCommand {
    @Parameters(arity = "0..1", paramLabel = "RUN_ID")
    String runId;

    @Option(names = "--dry-run", description = "Print the undo plan with each precondition's result; change nothing.")
    boolean dryRun;

    @Option(names = "--force-stale", description = "Roll back a stale run too (its live data is backed up first).")
    boolean forceStale;

    @Override
    public Integer call() throws Exception {
        Profile profile = profile();
        Runner runner = root.context.runner(profile);
        RunRecord run = (runId == null ? runner.journal().unfinishedRun(profile.name()) : runner.journal().run(runId))
                .orElseThrow(() -> runId == null ? RunOwner.noneOf(profile, runner.journal(), "unfinished run to roll back")
                        : ResetException.badInput("There is no run " + runId + " in the journal.", "List the runs with 'runs list'."));
        RunOwner.requireSameProfile(run, profile);
        RunContext context = new RunContext(profile, root.context.ports(profile), root.context.log(), runner.journal(), run.id());
        if (dryRun) {
            return printPlan(runner.rollbackPlan(context));
        }
        java.util.List<String> carried;
        try (AutoCloseable logging = logToStderr()) {
            carried = runner.rollback(context, forceStale);
        }
        output().line("Run " + run.id() + " rolled back.");
        carried.forEach(output()::line);
        output().document(Map.of("runId", run.id(), "outcome", "rolled back", "carriedBack", carried));
        return 0;
    }

    private int printPlan(RollbackPlan plan) {
        plan.lines().forEach(output()::line);
        boolean refused = !plan.failed().isEmpty() || plan.stale() && !forceStale;
        output().line(refused ? "The rollback would be refused (see above); nothing was changed."
                : "Dry run: nothing was changed." + (plan.needsSafetyBackup() ? " The live data would be backed up first." : ""));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("runId", plan.run().id());
        doc.put("stale", plan.staleReasons());
        doc.put("refused", refused);
        doc.put("liveBucketsAtRisk", plan.liveBucketsAtRisk());
        doc.put("undos", plan.undos().stream().map(u -> Map.of("undo", u.describeUndo(), "checks",
                u.preconditions().stream().map(p -> p.line()).toList())).toList());
        output().document(doc);
        return refused ? 1 : 0;
    }
}
