package io.github.influxreset.engine.session;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.report.RunReport;
import io.github.influxreset.engine.report.RunTimeline;
import io.github.influxreset.engine.run.ActionRecord;
import io.github.influxreset.engine.run.Journal;
import io.github.influxreset.engine.run.RollbackPlan;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.RunRecord;
import io.github.influxreset.engine.run.RunStatus;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The runs of the journal as a face shows and ends them: listed, shown with their actions and
 * downtime, closed without undoing, rolled back. A run is rolled back only with its own profile.
 */
public final class RunHistory {
    private final SessionScope scope;

    RunHistory(SessionScope scope) {
        this.scope = scope;
    }

    /** Every run of the journal, newest first. */
    public List<RunRecord> list() {
        return journal().runs();
    }

    /**
     * One run with its actions, the window its services were down (first stop → last healthy again)
     * and its longest switch of a bucket.
     */
    public record Shown(RunRecord run, List<ActionRecord> actions, Optional<RunTimeline.Window> downtime,
                        Optional<Long> switchMillis) {
    }

    public Shown show(String id) {
        RunRecord run = journal().run(id).orElseThrow(() -> RunOwner.noSuchRun(id));
        List<ActionRecord> actions = journal().actions(id);
        return new Shown(run, actions, RunTimeline.of(run, actions).downtime(), RunReport.switchWindow(actions));
    }

    /**
     * Ends an unfinished run of the profile without undoing anything (a stack put right by hand, or
     * whose rollback was refused); the stack is left as it is.
     *
     * @param confirmFirst told the run before anything is written; throws when the user declines
     */
    public void close(String id, Consumer<RunRecord> confirmFirst) {
        RunRecord run = journal().run(id).orElseThrow(() -> RunOwner.noSuchRun(id));
        if (!run.status().isUnfinished()) {
            throw ResetException.badInput("Run " + id + " has already ended (" + run.status() + ").", "Nothing to close.");
        }
        RunOwner.requireSameProfile(run, scope.profile());
        confirmFirst.accept(run);
        journal().finishRun(id, RunStatus.CLOSED, "Closed by the user without undoing it.");
    }

    /** What rolling back the run (the profile's unfinished one when empty) would do, every precondition checked now. */
    public RollbackPlan rollbackPlan(Optional<String> runId) {
        return scope.runner().rollbackPlan(contextOf(runId));
    }

    /** A finished rollback: the run, and what was written to the run's new buckets and carried back. */
    public record RolledBack(String runId, List<String> carriedBack) {
    }

    /**
     * Undoes the run (the profile's unfinished one when empty) from its journal, newest first, once
     * every undo's preconditions hold; {@code forceStale} rolls back a stale run too (its live data
     * backed up first).
     */
    public RolledBack rollback(Optional<String> runId, boolean forceStale) {
        RunContext context = contextOf(runId);
        return new RolledBack(context.runId(), scope.runner().rollback(context, forceStale));
    }

    private RunContext contextOf(Optional<String> runId) {
        RunRecord run = runId.map(id -> journal().run(id).orElseThrow(() -> RunOwner.noSuchRun(id)))
                .orElseGet(() -> journal().unfinishedRun(scope.profile().name())
                        .orElseThrow(() -> RunOwner.noneOf(scope.profile(), journal(), "unfinished run to roll back")));
        RunOwner.requireSameProfile(run, scope.profile());
        return scope.context(run.id());
    }

    private Journal journal() {
        return scope.journal();
    }
}
