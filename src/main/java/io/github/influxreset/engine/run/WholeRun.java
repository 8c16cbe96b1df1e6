package io.github.influxreset.engine.run;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.Step;
import java.util.function.Supplier;

/**
 * Runs every step of a plan through the runner in one go (the command line, the backup browser's
 * restore), asking for the confirmation just before its step.
 */
public final class WholeRun {
    private WholeRun() {
    }

    public static RunContext run(Runner runner, Plan plan, RunContext.Factory contexts, Supplier<String> confirmation,
                                 Progress progress) {
        RunContext run = runner.begin(plan, contexts);
        for (Step step : Step.values()) {
            if (plan.actionsOf(step).isEmpty()) {
                continue;
            }
            if (step == Step.CONFIRM) {
                run.confirm(confirmation.get());
            }
            runner.runStep(run, plan, step, progress);
        }
        runner.finish(run);
        return run;
    }
}
