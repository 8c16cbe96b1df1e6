package io.github.influxreset.engine.session;

import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.actions.ConfirmReset;
import io.github.influxreset.engine.log.LogBus;
import io.github.influxreset.engine.port.Ports;
import io.github.influxreset.engine.run.ActionRecord;
import io.github.influxreset.engine.run.ActionStatus;
import io.github.influxreset.engine.run.RollbackPlanner;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.RunRecord;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.engine.run.Runner;
import java.util.List;
import java.util.Optional;

/**
 * A run of a profile that the journal holds as not ended, as both faces resume it: the wizard's
 * Resume button and {@code reset --resume} / {@code move --resume}. The one place that knows
 * whether the user confirmed before the interruption (then resuming asks nothing) and what
 * finishing it takes.
 */
public final class InterruptedRun {
    private final Profile profile;
    private final Runner runner;
    private final RunRecord record;

    private InterruptedRun(Profile profile, Runner runner, RunRecord record) {
        this.profile = profile;
        this.runner = runner;
        this.record = record;
    }

    /** The profile's run that did not end, if the journal has one. */
    public static Optional<InterruptedRun> of(Profile profile, Runner runner) {
        return runner.journal().unfinishedRun(profile.name()).map(r -> new InterruptedRun(profile, runner, r));
    }

    public RunRecord record() {
        return record;
    }

    /** True when the process died while the run ran (not while its rollback did). */
    public boolean wasRunning() {
        return record.status() == RunStatus.RUNNING;
    }

    /** True when the user confirmed the run before it was interrupted: resuming it asks again only otherwise. */
    public boolean confirmedBefore() {
        return runner.journal().actions(record.id()).stream()
                .anyMatch(a -> a.kind().equals(ConfirmReset.KIND) && a.status() == ActionStatus.DONE);
    }

    /** The run's context, to look at it, resume it or roll it back. */
    public RunContext context(Ports ports, LogBus log) {
        return new RunContext(profile, ports, log, runner.journal(), record.id());
    }

    /**
     * Runs the actions left, as the journal planned them.
     *
     * @param typedConfirmation what the user typed now; ignored when the run was confirmed before
     */
    public void resume(RunContext context, String typedConfirmation, Progress progress) {
        context.confirm(confirmedBefore() ? profile.confirmationWord() : typedConfirmation);
        runner.resume(context, runner.planOf(record.id()), progress);
    }

    /**
     * What a person is told of a run that did not end: how far it got, the last action it touched,
     * how long ago, whether the stack changed since (then it cannot be resumed) and what a rollback
     * undoes first.
     */
    static String describe(RunRecord interrupted, Runner runner, RunContext run, String firstUndo) {
        List<ActionRecord> actions = runner.journal().actions(interrupted.id());
        long done = actions.stream().filter(a -> a.status() == ActionStatus.DONE).count();
        String last = actions.stream().filter(a -> a.status() != ActionStatus.PLANNED)
                .reduce((a, b) -> b).map(ActionRecord::description).orElse("none");
        RollbackPlanner.Staleness check = runner.staleness(run);
        boolean resumable = interrupted.status() == RunStatus.RUNNING && !check.stale();
        return "Run " + interrupted.id() + " (" + interrupted.mode().describe() + " of " + interrupted.profileName()
                + ") did not finish: " + done + " of " + actions.size() + " actions done, the last one touched: '" + last
                + "', " + RollbackPlanner.describeAge(check.idle()) + " ago. "
                + (check.stale() ? "The stack has changed since (" + String.join("; ", check.reasons())
                + "): it cannot be resumed, and a rollback backs up the live data first. " : "")
                + (resumable ? "Resume runs the " + (actions.size() - done) + " actions left. " : "")
                + "Roll back undoes what was done, newest first (first: " + firstUndo + ").";
    }

    /** The sentence for a profile without an interrupted run to resume (naming another profile's unfinished run). */
    static ResetException noneToResume(Profile profile, Runner runner) {
        return runner.journal().unfinishedRun().map(other -> ResetException.badInput("Profile " + profile.name()
                        + " has no interrupted run to resume; the unfinished run " + other.id() + " belongs to profile "
                        + other.profileName() + ".", "Pass that run's profile with --profile."))
                .orElseGet(() -> ResetException.badInput("Profile " + profile.name() + " has no interrupted run to resume.",
                        "List the runs with 'runs list'."));
    }
}
