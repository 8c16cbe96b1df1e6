package io.github.influxreset.engine.session;

import io.github.influxreset.domain.CarryTally;
import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.actions.DowntimeForecast;
import io.github.influxreset.engine.actions.ForecastCarry;
import io.github.influxreset.engine.checks.ModeAdvisor;
import io.github.influxreset.engine.log.LogBus;
import io.github.influxreset.engine.plan.ResetPlanner;
import io.github.influxreset.engine.port.KnownHosts;
import io.github.influxreset.engine.port.Ports;
import io.github.influxreset.engine.report.RunReport;
import io.github.influxreset.engine.report.RunSummaries;
import io.github.influxreset.engine.report.RunSummary;
import io.github.influxreset.engine.report.ServicesDown;
import io.github.influxreset.engine.run.Action;
import io.github.influxreset.engine.run.ActionStatus;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.RollbackPlan;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.RunRecord;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.engine.run.Runner;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * One profile's reset, move or restore: the use cases both faces call. The wizard drives it one
 * step at a time ({@link #runStep}); the command line whole ({@link #runWhole}, {@link
 * #resumeInterrupted}). Plain blocking Java, called from the task runner's threads, one call at a time.
 */
public final class ResetSession {
    private final Profile profile;
    private final Ports ports;
    private final Runner runner;
    private final LogBus log;
    private final Clock clock;
    private final SessionScope scope;
    private final KnownHosts knownHosts;
    private volatile Plan plan;
    private volatile RunContext run;
    private volatile RunContext lastFindings;
    private volatile Optional<ModeAdvisor.Advice> modeAdvice = Optional.empty();

    /** A session that records no SSH host key the user trusts (see {@link #hostKeys}). */
    public ResetSession(Profile profile, Ports ports, Runner runner, LogBus log, Clock clock) {
        this(profile, ports, runner, log, clock, KnownHosts.NONE);
    }

    /** @param knownHosts where an SSH host key the user trusts is recorded */
    public ResetSession(Profile profile, Ports ports, Runner runner, LogBus log, Clock clock, KnownHosts knownHosts) {
        this.knownHosts = knownHosts;
        this.profile = profile;
        this.log = log;
        this.ports = ports;
        this.runner = runner;
        this.clock = clock;
        this.scope = new SessionScope(profile, ports, runner, log, clock);
    }

    public Profile profile() {
        return profile;
    }

    /** The profile's backup sets: list, verify, delete, prune, restore. */
    public BackupShelf shelf() {
        return new BackupShelf(scope);
    }

    /** What can be read of the stack without changing it: checks, validation, plans, forecasts, the live schema. */
    public StackInspector inspector() {
        return new StackInspector(scope);
    }

    /** The journal's runs: list, show, close, roll back. */
    public RunHistory history() {
        return new RunHistory(scope);
    }

    /** Runs from start to end in one call, as the command line runs them: a plan, a resume, a move's catch-up. */
    public WholeRuns wholeRuns() {
        return new WholeRuns(scope);
    }

    /** The read-only checks (see {@link StackChecks}), each said in the log; the mode they propose kept. */
    public StackChecks.Checked runChecks() {
        StackChecks.Checked checked = StackChecks.run(profile, ports);
        modeAdvice = checked.advice();
        checked.findings().forEach(f -> log.finding(Step.PREREQUISITES, f));
        return checked;
    }

    /** Trusting the SSH host key of the engine's machine when the checks met one known_hosts lacks. */
    public HostKeyTrust hostKeys() {
        return new HostKeyTrust(knownHosts, log);
    }

    /** The gentlest mode that fixes what the last checks found; empty before them or when InfluxDB did not answer. */
    public Optional<ResetMode> proposedMode() {
        return modeAdvice.map(ModeAdvisor.Advice::mode);
    }

    /** The plan of the run this session holds, read from memory (no server is asked); empty without a run. */
    public Optional<Plan> currentPlan() {
        Plan current = plan;
        return run != null && current != null ? Optional.of(current) : Optional.empty();
    }

    /** The plan of the current run, or a fresh one when no run is active. */
    public Plan plan(ResetMode mode) {
        Plan current = plan;
        return run != null && current != null ? current : planFor(mode);
    }

    /** Runs one step in the current run, starting a run first when there is none. */
    public void runStep(Step step, ResetMode mode, Progress progress) {
        RunContext context = ensureRun(mode);
        try {
            runner.runStep(context, plan, step, progress);
        } catch (RuntimeException failure) {
            if (!hasActiveRun()) {
                lastFindings = context;
                run = null;
            }
            throw failure;
        }
    }

    /** The findings of a step of the run that just ended by failing (for the report of what failed). */
    public List<Finding> failedRunFindings(Step step) {
        RunContext context = lastFindings;
        return context == null ? List.of() : context.findings(step);
    }

    public void confirm(String typed) {
        ensureRun(ResetMode.FULL).confirm(typed);
    }

    /** The user's choice, made with the confirmation: carry the old points into the new buckets. */
    public void chooseKeepData(boolean carry) {
        ensureRun(ResetMode.FULL).chooseKeepData(carry);
    }

    /** What carrying the old points would do, per bucket and measurement, as the run forecast it; empty without one. */
    public Optional<List<String>> carryForecast() {
        return Optional.ofNullable(run).flatMap(context -> context.action(ForecastCarry.KIND))
                .filter(a -> a.status() == ActionStatus.DONE).map(a -> CarryTally.linesOf(a.facts(),
                        bucket -> profile.bucket(bucket).map(b -> b.retention().toString()).orElse("?")));
    }

    /** What the current run's write path goes through, the points carried or not ({@link DowntimeForecast}); empty without a run. */
    public Optional<String> downtimeForecast(boolean keepData) {
        return Optional.ofNullable(run).map(context -> DowntimeForecast.of(context, keepData));
    }

    /** A finished run as the last screen shows it: its summary, and its Markdown report (masked). */
    public record Finished(RunSummary summary, String markdown) {
    }

    /** Closes the run as succeeded; reads its summary (InfluxDB asked for the "after" side). */
    public Finished finish() {
        RunContext context = run;
        runner.finish(context);
        run = null;
        RunSummary summary = RunSummaries.of(context, runner.journal());
        return new Finished(summary, log.masker().mask(RunReport.markdown(summary)));
    }

    /**
     * Undoes what the current run did, newest first; {@code forceStale} rolls back a stale run too (its
     * live data backed up first). A refused rollback keeps the run, so that it can be looked at or closed.
     */
    public void rollback(boolean forceStale) {
        RunContext context = run;
        if (context != null) {
            try {
                runner.rollback(context, forceStale);
                run = null;
            } catch (ResetException e) {
                if (e.reason() != ResetException.Reason.BAD_INPUT) {
                    run = null;
                }
                throw e;
            }
        }
    }

    /** What a rollback of the current run would do, with every precondition checked now; empty without a run. */
    public Optional<RollbackPlan> rollbackPlan() {
        RunContext context = run;
        return context == null ? Optional.empty() : Optional.of(runner.rollbackPlan(context));
    }

    /** What rollback will do that matters, first (a no-op undo is skipped over): empty when there is nothing to undo. */
    public Optional<String> nextUndo() {
        RunContext context = run;
        if (context == null) {
            return Optional.empty();
        }
        return runner.firstUndoThatMatters(context.runId()).map(Action::describeUndo);
    }

    /** True while this session holds a run (one that failed and was rolled back is let go); reads no file. */
    public boolean hasOpenRun() {
        return run != null;
    }

    /** True while a run is open in the journal (so a rollback is possible). */
    public boolean hasActiveRun() {
        RunContext context = run;
        return context != null && runner.journal().run(context.runId())
                .map(RunRecord::status).map(s -> s.isUnfinished()).orElse(false);
    }

    /** The backup set of the current run, once it has one. */
    public Optional<String> backupId() {
        RunContext context = run;
        return context == null ? Optional.empty() : runner.journal().run(context.runId()).map(RunRecord::backupId);
    }

    /** The findings one step of the current run produced. */
    public List<Finding> findings(Step step) {
        RunContext context = run;
        return context == null ? List.of() : context.findings(step);
    }

    /** The services the current run stopped and has not started again, and for how long; empty when none is down. */
    public Optional<ServicesDown> servicesDown() {
        RunContext context = run;
        return context == null ? Optional.empty() : ServicesDown.of(runner.journal().actions(context.runId()), clock.instant());
    }

    /** What the wizard offers for an interrupted run: the sentence, and what Resume needs. */
    public record Recovery(String text, boolean canResume, boolean needsConfirmation) {
    }

    /** Takes over the journal's interrupted run, if any, and says what can be done with it. */
    public Optional<Recovery> adoptInterruptedRun() {
        return runner.journal().unfinishedRun(profile.name()).map(r -> new Recovery(adopt(r), canResume(), resumeNeedsConfirmation()));
    }

    /** Takes over an interrupted run, so that the wizard can resume it or roll it back. */
    public synchronized String adopt(RunRecord interrupted) {
        plan = runner.planOf(interrupted.id());
        run = scope.context(interrupted.id());
        return InterruptedRun.describe(interrupted, runner, run, nextUndo().orElse("nothing"))
                + servicesDown().map(down -> " " + down.sentence()).orElse("");
    }

    /** True when the adopted run can be resumed (it was interrupted, not partly rolled back). */
    public boolean canResume() {
        RunContext context = run;
        return context != null && runner.journal().run(context.runId()).map(r -> r.status()
                == RunStatus.RUNNING).orElse(false) && !runner.staleness(context).stale();
    }

    /** True when the adopted run was interrupted before the user confirmed the reset. */
    public boolean resumeNeedsConfirmation() {
        return interrupted().map(i -> !i.confirmedBefore()).orElse(false);
    }

    /** Finishes the adopted run; the user has confirmed (now or before the interruption). */
    public void resumeAdopted(Progress progress) {
        RunContext context = run;
        try {
            interrupted().orElseThrow(() -> new IllegalStateException("no interrupted run to resume"))
                    .resume(context, profile.confirmationWord(), progress);
        } finally {
            run = null;
        }
    }

    /** The adopted run as the journal holds it, while it has not ended. */
    private Optional<InterruptedRun> interrupted() {
        RunContext context = run;
        return InterruptedRun.of(profile, runner).filter(i -> context != null && i.record().id().equals(context.runId()));
    }

    /** A move when the mode is one (the profile names the 2.x server), else the reset of the mode. */
    private Plan planFor(ResetMode mode) {
        ResetPlanner planner = new ResetPlanner(clock);
        return mode == ResetMode.MOVE ? planner.planMove(profile, ports).plan() : planner.plan(profile, ports, mode).plan();
    }

    private synchronized RunContext ensureRun(ResetMode mode) {
        if (run == null) {
            plan = planFor(mode);
            run = runner.begin(plan, id -> scope.context(id));
        }
        return run;
    }
}
