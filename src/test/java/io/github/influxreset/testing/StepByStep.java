package io.github.influxreset.testing;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.Runner;
import java.util.function.Consumer;

/**
 * A whole run driven step by step as the wizard drives it, with the world changing between steps
 * (a service writing after the backup, after the switch): confirmed with the word, the old points
 * carried, {@code between} called after each step.
 */
public final class StepByStep {
    private StepByStep() {
    }

    public static RunContext run(Runner runner, Plan plan, RunContext.Factory context, String word, Consumer<Step> between) {
        RunContext run = runner.begin(plan, context);
        for (Step step : Step.values()) {
            if (step == Step.CONFIRM) {
                run.confirm(word);
                run.chooseKeepData(true);
            }
            runner.runStep(run, plan, step, Progress.NONE);
            between.accept(step);
        }
        runner.finish(run);
        return run;
    }
}
