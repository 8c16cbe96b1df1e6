package io.github.influxreset.cli;

import io.github.influxreset.engine.run.RollbackPlan;
import io.github.influxreset.engine.session.RunHistory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
        RunHistory history = root.context.session(profile()).history();
        if (dryRun) {
            return printPlan(history.rollbackPlan(Optional.ofNullable(runId)));
        }
        RunHistory.RolledBack done;
        try (AutoCloseable logging = logToStderr()) {
            done = history.rollback(Optional.ofNullable(runId), forceStale);
        }
        output().line("Run " + done.runId() + " rolled back.");
        done.carriedBack().forEach(output()::line);
        output().document(Map.of("runId", done.runId(), "outcome", "rolled back", "carriedBack", done.carriedBack()));
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
