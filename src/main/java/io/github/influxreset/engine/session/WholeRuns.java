package io.github.influxreset.engine.session;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.actions.DowntimeForecast;
import io.github.influxreset.engine.actions.NoteUnknownBucket;
import io.github.influxreset.engine.plan.ResetPlanner;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.WholeRun;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A profile's runs from start to end in one call, as the command line runs them: every step in
 * order, the confirmation asked for when the run reaches it, rolled back on failure (a {@code
 * ResetException} says how it ended). Plain blocking Java.
 */
public final class WholeRuns {
    private final SessionScope scope;

    WholeRuns(SessionScope scope) {
        this.scope = scope;
    }

    /**
     * Runs a plan; the forecast downtime is said in the log just before the confirmation is asked for.
     *
     * @param keepData whether the old points are carried into the new buckets (said before the run starts)
     */
    public RunOutcome run(Plan whole, boolean keepData, Supplier<String> confirmation, Progress progress) {
        RunContext[] made = new RunContext[1];
        return new RunOutcome(WholeRun.run(scope.runner(), whole, id -> {
            made[0] = scope.context(id);
            made[0].chooseKeepData(keepData);
            return made[0];
        }, () -> {
            made[0].info(DowntimeForecast.of(made[0]));
            return confirmation.get();
        }, progress));
    }

    /**
     * Finishes the profile's interrupted run. {@code ask} is called for the confirmation word only
     * when the run was not confirmed before it was interrupted.
     *
     * @throws ResetException (bad input) when the profile has no interrupted run to resume
     */
    public RunOutcome resumeInterrupted(Function<InterruptedRun, String> ask, Progress progress) {
        InterruptedRun interrupted = InterruptedRun.of(scope.profile(), scope.runner()).filter(InterruptedRun::wasRunning)
                .orElseThrow(() -> InterruptedRun.noneToResume(scope.profile(), scope.runner()));
        RunContext context = interrupted.context(scope.ports(), scope.log());
        interrupted.resume(context, interrupted.confirmedBefore() ? "" : ask.apply(interrupted), progress);
        return new RunOutcome(context);
    }

    /** What the user should read of a plan before confirming it: the buckets on the server the profile does not know. */
    public List<String> notesBeforeConfirming(Plan plan) {
        return plan.actions().stream().filter(a -> a.action().kind().equals(NoteUnknownBucket.KIND))
                .map(a -> a.describe()).toList();
    }

    /** A move's catch-up (see {@code PlanBuilder#catchUp}); bad input when no move of the profile finished. */
    public Plan catchUpPlan() {
        return new ResetPlanner(scope.clock()).planCatchUp(scope.profile(), scope.ports(),
                CatchUp.since(scope.journal(), scope.profile())).plan();
    }
}
