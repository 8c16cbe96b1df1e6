package io.github.influxreset.engine.run;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetException.Reason;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.log.LogLevel;
import io.github.influxreset.engine.port.RunLock;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs a plan step by step, journaling every action before and after it runs, and undoes what a
 * run did when a step fails or the user asks. The wizard and the CLI both drive a run through
 * this class; neither holds reset logic of its own.
 *
 * <p>Two locks keep data safe: the {@link Plan} cannot put a destructive action before the
 * backup is verified, and this runner refuses a destructive action unless the journal of the same
 * run records a verified backup.
 *
 * <p>All methods block and may be called from any thread, one run at a time.
 */
public final class Runner {
    private final Journal journal;
    private final ActionCatalog catalog;
    private final FaultInjector faults;
    private final Consumer<RunContext> onRunEnded;
    private final RollbackPlanner rollbackPlanner;
    private final Undoer undoer;
    private final RunLeases leases;

    public Runner(Journal journal, ActionCatalog catalog, FaultInjector faults) {
        this(journal, catalog, faults, ctx -> { });
    }

    /** @param onRunEnded called after a run finished, was rolled back or its rollback failed (writes the report) */
    public Runner(Journal journal, ActionCatalog catalog, FaultInjector faults, Consumer<RunContext> onRunEnded) {
        this(journal, catalog, faults, onRunEnded, Clock.systemUTC());
    }

    /** @param clock tells how long ago a run stopped (a run idle for a day is stale) */
    public Runner(Journal journal, ActionCatalog catalog, FaultInjector faults, Consumer<RunContext> onRunEnded,
                  Clock clock) {
        this(journal, catalog, faults, onRunEnded, clock, RunLock.NONE);
    }

    /** @param runLock one run at a time per stack: taken when a run begins, resumes or is rolled back, until it ends */
    public Runner(Journal journal, ActionCatalog catalog, FaultInjector faults, Consumer<RunContext> onRunEnded,
                  Clock clock, RunLock runLock) {
        this.leases = new RunLeases(runLock);
        this.journal = journal;
        this.catalog = catalog;
        this.faults = faults;
        this.onRunEnded = onRunEnded;
        this.rollbackPlanner = new RollbackPlanner(journal, catalog, clock);
        this.undoer = new Undoer(journal, catalog, rollbackPlanner, onRunEnded);
    }

    public Journal journal() {
        return journal;
    }

    /**
     * Records the plan as a new run and returns the context its actions share. Refused while a run
     * of the same profile that has begun to change the stack has not ended (a run still checking or
     * backing up does not count: it changed nothing).
     */
    public RunContext begin(Plan plan, RunContext.Factory contexts) {
        leases.holdIf(plan.profileName(), plan.id(), () -> refuseWhileAnotherRunIsOpen(plan));
        String runId = journal.startRun(plan);
        RunContext ctx = contexts.create(runId);
        ctx.log().info(null, "Run " + runId + " started (" + plan.mode().describe() + ", "
                + plan.actions().size() + " actions).");
        Undoer.removeOrphanedHelpers(ctx);
        return ctx;
    }

    private void refuseWhileAnotherRunIsOpen(Plan plan) {
        journal.runs().stream().filter(r -> r.status().isUnfinished() && r.profileName().equals(plan.profileName())
                && changedTheStack(r.id())).findFirst().ifPresent(open -> {
            throw ResetException.badInput("Run " + open.id() + " of profile " + open.profileName() + " (started "
                    + open.started() + ") has not ended, so no new run was started and nothing was changed.",
                    "Finish it with 'reset --resume', undo it with 'rollback " + open.id() + "', or, if the stack is "
                    + "as you want it, close it with 'runs close " + open.id() + "'.");
        });
    }

    /**
     * Runs the actions of one step. On failure every action this run has done is undone and a
     * {@link ResetException} says what failed ({@link Reason#STEP_FAILED}) or that the rollback
     * itself failed ({@link Reason#NEEDS_ATTENTION}).
     */
    public void runStep(RunContext ctx, Plan plan, Step step, Progress progress) {
        ctx.enterStep(step);
        List<PlannedAction> actions = plan.actionsOf(step);
        for (int i = 0; i < actions.size(); i++) {
            PlannedAction planned = actions.get(i);
            progress.update((double) i / actions.size(), planned.describe());
            ctx.actionProgress(progress.within((double) i / actions.size(), (i + 1.0) / actions.size()));
            runAction(ctx, planned);
        }
        ctx.actionProgress(Progress.NONE);
        progress.update(1.0, step.title() + " done");
    }

    /**
     * Rebuilds the plan of a run from its journal rows, so a new process can resume it.
     */
    public Plan planOf(String runId) {
        RunRecord run = journal.run(runId).orElseThrow(() -> ResetException.badInput(
                "There is no run " + runId + " in the journal.", "List the runs with 'runs list'."));
        List<PlannedAction> actions = journal.actions(runId).stream()
                .map(a -> new PlannedAction(a.index(), a.step(), catalog.rebuild(a.kind(), a.params()))).toList();
        return new Plan(runId, run.profileName(), run.mode(), actions);
    }

    /**
     * Finishes an interrupted run: every action not yet done runs, in plan order (actions are
     * idempotent where the world allows, so one that was started runs again). A run that was
     * partly rolled back cannot be resumed.
     */
    public void resume(RunContext ctx, Plan plan, Progress progress) {
        RunRecord run = journal.run(ctx.runId()).orElseThrow();
        List<ActionRecord> records = journal.actions(ctx.runId());
        leases.holdIf(run.profileName(), run.id(), () -> rollbackPlanner.requireResumable(ctx, run, records));
        Undoer.removeOrphanedHelpers(ctx);
        Set<Integer> done = new HashSet<>();
        records.stream().filter(a -> a.status() == ActionStatus.DONE).forEach(a -> done.add(a.index()));
        ctx.log().info(null, "Resuming run " + ctx.runId() + ": " + (plan.actions().size() - done.size())
                + " of " + plan.actions().size() + " actions left.");
        for (Step step : Step.values()) {
            ctx.enterStep(step);
            for (PlannedAction planned : plan.actionsOf(step)) {
                if (!done.contains(planned.index())) {
                    double share = 1.0 / plan.actions().size();
                    progress.update(planned.index() * share, planned.describe());
                    ctx.actionProgress(progress.within(planned.index() * share, (planned.index() + 1) * share));
                    runAction(ctx, planned);
                }
            }
        }
        finish(ctx);
    }

    /** Marks the run as finished well, then keeps only the newest backup sets the profile asks for. */
    public void finish(RunContext ctx) {
        journal.finishRun(ctx.runId(), RunStatus.SUCCEEDED, "Finished.");
        ctx.log().info(null, "Run " + ctx.runId() + " finished.");
        new BackupPruner(ctx.ports().backups(), journal).keepWhatTheProfileSays(ctx);
        leases.release(ctx.runId());
        onRunEnded.accept(ctx);
    }

    /** What a rollback of the run would do, each undo's preconditions checked now; changes nothing. */
    public RollbackPlan rollbackPlan(RunContext ctx) {
        return rollbackPlanner.plan(ctx);
    }

    /** Whether the run is stale, without re-reading its backup set (for resume and the recovery offer). */
    public RollbackPlanner.Staleness staleness(RunContext ctx) {
        return rollbackPlanner.staleness(ctx);
    }

    /** Rolls back a run that is not stale; see {@link #rollback(RunContext, boolean)}. */
    public void rollback(RunContext ctx) {
        rollback(ctx, false);
    }

    /**
     * Undoes, newest first, every action of the run that may have left effects.
     *
     * <p>Nothing changes unless every undo's preconditions hold (the backup set present and
     * verified, the kept copies there, what is removed being what the run left), and unless the run
     * is not stale or {@code forceStale} is given; a refusal is {@link Reason#BAD_INPUT}. When the
     * undos would delete live points, those are first written to a new verified backup set.
     *
     * <p>A run that succeeded is undone by restoring its backup set instead, but for a move and an online
     * reset: their undos only take the new buckets off the 2.x server (a move: guarded against points written
     * there since) or switch back to the old ones (carrying back what the services wrote since).
     *
     * <p>An undo that fails does not stop the others (the data is put back even when a service will
     * not start); the run then stays open and {@link Reason#NEEDS_ATTENTION} names every undo that failed.
     * Returns the rollback's last sentences: what the services wrote since the restart, carried back.
     */
    public List<String> rollback(RunContext ctx, boolean forceStale) {
        String runId = ctx.runId();
        RunRecord run = journal.run(runId).orElseThrow(() -> ResetException.badInput(
                "There is no run " + runId + " in the journal.", "List the runs with 'runs list'."));
        boolean finishedMove = run.status() == RunStatus.SUCCEEDED && (run.mode() == ResetMode.MOVE
                || run.mode() == ResetMode.ONLINE);
        if (run.status() == RunStatus.SUCCEEDED && !finishedMove) {
            throw ResetException.badInput("Run " + runId + " finished successfully and cannot be undone action by action.",
                    "To go back to the data before it, restore its backup set: restore " + run.backupId());
        }
        if (!run.status().isUnfinished() && !finishedMove) {
            throw ResetException.badInput("Run " + runId + " has already ended (" + run.status().name().toLowerCase()
                    .replace('_', ' ') + "); nothing was changed.", "See it with 'runs show " + runId + "'.");
        }
        leases.hold(run.profileName(), runId);
        try {
            return undoer.undoAll(ctx, run, forceStale);
        } finally {
            leases.release(runId);
        }
    }

    private boolean changedTheStack(String runId) {
        return journal.actions(runId).stream().anyMatch(a -> a.status() != ActionStatus.PLANNED
                && a.step().compareTo(Step.CONFIRM) > 0);
    }

    private void runAction(RunContext ctx, PlannedAction planned) {
        Action action = planned.action();
        if (action.destructive()) {
            requireVerifiedBackup(ctx, planned);
        }
        faults.before(planned.index());
        journal.markAction(ctx.runId(), planned.index(), ActionStatus.STARTED, null);
        ctx.enterAction(planned.index());
        ctx.log().publish(LogLevel.INFO, planned.step(), action.kind(), action.describe());
        try {
            action.execute(ctx);
            journal.recordFacts(ctx.runId(), planned.index(), action.factsAfterExecute(ctx));
        } catch (RuntimeException failure) {
            failStep(ctx, planned, failure);
        }
        journal.markAction(ctx.runId(), planned.index(), ActionStatus.DONE, null);
        faults.after(planned.index());
    }

    private void requireVerifiedBackup(RunContext ctx, PlannedAction planned) {
        boolean verified = journal.run(ctx.runId()).map(RunRecord::backupVerified).orElse(false);
        if (!verified) {
            String what = Character.toLowerCase(planned.describe().charAt(0)) + planned.describe().substring(1);
            throw new ResetException(Reason.STEP_FAILED, "Refused to " + what + ": this run has no verified backup.",
                    "Run the backup step; nothing destructive happens before a backup is written and verified.");
        }
    }

    private void failStep(RunContext ctx, PlannedAction planned, RuntimeException failure) {
        String sentence = failure instanceof ResetException r ? r.userText() : String.valueOf(failure.getMessage());
        journal.markAction(ctx.runId(), planned.index(), ActionStatus.FAILED, sentence);
        ctx.log().publish(LogLevel.ERROR, planned.step(), planned.action().kind(),
                "Failed: " + planned.describe() + ": " + sentence);
        Undoer.logCause(ctx, planned.step(), planned.action().kind(), failure);
        try {
            rollback(ctx, true);
        } catch (ResetException rollbackFailure) {
            throw new ResetException(Reason.NEEDS_ATTENTION, "'" + planned.describe() + "' failed ("
                    + sentence + ") and the rollback failed too: " + rollbackFailure.getMessage(),
                    rollbackFailure.hint(), failure);
        }
        Reason reason = Reason.STEP_FAILED;
        if (failure instanceof ResetException r && (r.reason() == Reason.BAD_INPUT
                || r.reason() == Reason.PROBLEM_FOUND && planned.step() == Step.PREREQUISITES)) {
            reason = r.reason();
        }
        throw new ResetException(reason, "'" + planned.describe() + "' failed: " + sentence
                + " Everything this run changed has been rolled back.", "", failure);
    }

    /** The action rollback would undo first, if any: what the rollback button describes. */
    public Optional<ActionRecord> nextUndo(String runId) {
        return undoer.nextUndo(runId);
    }

    /** The first undo, newest first, that changes something; else the first undo at all. */
    public Optional<Action> firstUndoThatMatters(String runId) {
        return undoer.firstUndoThatMatters(runId);
    }
}
