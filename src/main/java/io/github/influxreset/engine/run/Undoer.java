package io.github.influxreset.engine.run;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetException.Reason;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.log.Causes;
import io.github.influxreset.engine.log.LogLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The backward half of the {@link Runner}: undoes, newest first, the actions of a run that may have
 * left effects, once the rollback plan's checks hold, after the live data they would delete is
 * backed up; journals each undo and ends the run rolled back, or open with every undo that failed
 * named. Called by the runner with the stack's run lock held.
 */
final class Undoer {
    private final Journal journal;
    private final ActionCatalog catalog;
    private final RollbackPlanner rollbackPlanner;
    private final Consumer<RunContext> onRunEnded;

    Undoer(Journal journal, ActionCatalog catalog, RollbackPlanner rollbackPlanner, Consumer<RunContext> onRunEnded) {
        this.journal = journal;
        this.catalog = catalog;
        this.rollbackPlanner = rollbackPlanner;
        this.onRunEnded = onRunEnded;
    }

    /** Returns the rollback's last sentences (what the services wrote since the restart, carried back). */
    List<String> undoAll(RunContext ctx, RunRecord run, boolean forceStale) {
        String runId = run.id();
        removeOrphanedHelpers(ctx);
        RollbackPlan plan = rollbackPlanner.plan(ctx);
        RollbackGuard.refuseUnsafe(plan, forceStale);
        List<ActionRecord> toUndo = pendingUndo(runId);
        ctx.log().info(null, "Rolling back run " + runId + ": " + toUndo.size() + " actions to undo.");
        List<String> failures = new ArrayList<>();
        Optional<Instant> servicesStopped = firstServiceStopped(toUndo);
        Optional<String> liveDataSet = Optional.empty();
        boolean backedUp = false;
        for (ActionRecord record : servicesTheRunStartedFirst(toUndo)) {
            Action action = catalog.rebuild(record.kind(), record.params());
            // every service the run started is stopped before anything else, wherever its start stands in the run
            // (an action after the restart may have an undo too), so that the live data's backup misses no point of theirs
            if (!backedUp && !action.undoChangesNothing() && !action.undoOnlyStopsAService()) {
                liveDataSet = RollbackGuard.backUpLiveData(ctx, plan);
                backedUp = true;
            }
            undo(ctx, record).ifPresent(failures::add);
        }
        if (!failures.isEmpty()) {
            String summary = String.join("; ", failures);
            journal.finishRun(runId, RunStatus.ROLLBACK_FAILED, summary);
            onRunEnded.accept(ctx);
            throw new ResetException(Reason.NEEDS_ATTENTION, "The rollback of run " + runId + " could not "
                    + summary + ".", "Fix the cause, then run 'rollback " + runId + "' again: it redoes only the undos"
                    + " that failed and gets the stack going. If the cause cannot be fixed, 'runs close " + runId + " --yes'"
                    + " ends the run as the stack is now, so that other runs and restores can start; backup set "
                    + run.backupId() + " holds all data.");
        }
        List<String> carried = liveDataSet.isEmpty() || servicesStopped.isEmpty() ? List.of()
                : new WritesCarriedBack(ctx, liveDataSet.get(), servicesStopped.get()).carry(plan.liveBucketsAtRisk().keySet());
        journal.finishRun(runId, RunStatus.ROLLED_BACK, String.join(" ", Stream.concat(Stream.of("Rolled back."),
                carried.stream()).toList()));
        ctx.log().info(null, "Rollback of run " + runId + " finished: the stack is as it was.");
        onRunEnded.accept(ctx);
        return carried;
    }

    /** The undos, newest first, but those that only stop a service the run started come before all others. */
    private List<ActionRecord> servicesTheRunStartedFirst(List<ActionRecord> newestFirst) {
        List<ActionRecord> ordered = new ArrayList<>(newestFirst.stream()
                .filter(r -> catalog.rebuild(r.kind(), r.params()).undoOnlyStopsAService()).toList());
        newestFirst.stream().filter(r -> !ordered.contains(r)).forEach(ordered::add);
        return ordered;
    }

    /** When the run stopped its first service: what the services wrote from then on, they wrote after its restart. */
    private Optional<Instant> firstServiceStopped(List<ActionRecord> records) {
        return records.stream().filter(r -> r.started() != null && catalog.rebuild(r.kind(), r.params()).stopsAService())
                .map(ActionRecord::started).min(Instant::compareTo);
    }

    /** The action rollback would undo first, if any: what the rollback button describes. */
    Optional<ActionRecord> nextUndo(String runId) {
        return pendingUndo(runId).stream().findFirst();
    }

    /** The first undo, newest first, that changes something; else the first undo at all. */
    Optional<Action> firstUndoThatMatters(String runId) {
        List<Action> pending = pendingUndo(runId).stream().map(r -> catalog.rebuild(r.kind(), r.params())).toList();
        return pending.stream().filter(a -> !a.undoChangesNothing()).findFirst().or(() -> pending.stream().findFirst());
    }

    private List<ActionRecord> pendingUndo(String runId) {
        List<ActionRecord> done = new ArrayList<>(journal.actions(runId).stream()
                .filter(a -> a.status().mayNeedUndo()).toList());
        Collections.reverse(done);
        return done;
    }

    /** Undoes one action; returns what could not be done, if it failed. */
    private Optional<String> undo(RunContext ctx, ActionRecord record) {
        Action action = catalog.rebuild(record.kind(), record.params());
        ctx.log().publish(LogLevel.INFO, record.step(), record.kind(), "Undo: " + action.describeUndo());
        try {
            action.undo(ctx);
        } catch (RuntimeException failure) {
            String sentence = failure instanceof ResetException r ? r.getMessage() : String.valueOf(failure.getMessage());
            journal.markAction(record.runId(), record.index(), ActionStatus.UNDO_FAILED, sentence);
            ctx.log().publish(LogLevel.ERROR, record.step(), record.kind(), "Undo failed: " + sentence);
            logCause(ctx, record.step(), record.kind(), failure);
            return Optional.of(lowerFirst(action.describeUndo()) + " (" + sentence + ")");
        }
        journal.markAction(record.runId(), record.index(), ActionStatus.UNDONE, null);
        return Optional.empty();
    }

    /**
     * A process killed while a helper container copied a volume leaves that helper behind, holding
     * the volume, and one killed while it copied a SQLite database out of a paused service leaves
     * that service paused: the helper is removed (with its anonymous volumes) and the service
     * unpaused before a run starts, resumes or is rolled back. Done under the run lock, so no live
     * run of this stack owns them.
     */
    static void removeOrphanedHelpers(RunContext ctx) {
        try {
            int removed = ctx.ports().docker().removeOrphanedHelpers();
            if (removed > 0) {
                ctx.info("Removed " + removed + " helper container(s) that a stopped run left behind, with their volumes.");
            }
            List<String> unpaused = ctx.ports().docker().unpauseAll(ctx.profile().stack().composeProject());
            if (!unpaused.isEmpty()) {
                ctx.info("Unpaused " + String.join(", ", unpaused) + ": paused to copy a SQLite database out of it when "
                        + "a run stopped.");
            }
        } catch (ResetException engineUnreachable) {
            // the prerequisite checks and the undos say so in their own words
        }
    }

    /** The technical cause, once, where the failure is caught: DEBUG, so the log file has it and the pane does not. */
    static void logCause(RunContext ctx, Step step, String kind, Throwable failure) {
        Causes.logOnce(failure, chain -> ctx.log().publish(LogLevel.DEBUG, step, kind, "Technical cause: " + chain));
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
