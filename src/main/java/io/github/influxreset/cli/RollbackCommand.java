package io.github.influxreset.cli;

import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.RunContext;
import io.github.influxreset.engine.RunRecord;
import io.github.influxreset.engine.Runner;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rollback [RUN_ID]}: undoes the given run, or the newest unfinished one, from its journal. */
@Command(name = "rollback", description = "Undo the last unfinished (or the given) run from its journal.")
final class RollbackCommand extends BaseCommand {
    @Parameters(arity = "0..1", paramLabel = "RUN_ID")
    String runId;

    @Override
    public Integer call() throws Exception {
        Profile profile = profile();
        Runner runner = root.context.runner(profile);
        RunRecord run = (runId == null ? runner.journal().unfinishedRun() : runner.journal().run(runId))
                .orElseThrow(() -> ResetException.badInput(runId == null ? "There is no unfinished run to roll back."
                        : "There is no run " + runId + " in the journal.", "List the runs with 'runs list'."));
        try (AutoCloseable logging = logToStderr()) {
            runner.rollback(new RunContext(profile, root.context.ports(profile), root.context.log(),
                    runner.journal(), run.id()));
        }
        output().line("Run " + run.id() + " rolled back.");
        output().document(Map.of("runId", run.id(), "outcome", "rolled back"));
        return 0;
    }
}
