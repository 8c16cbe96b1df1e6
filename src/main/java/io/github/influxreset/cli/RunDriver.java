package io.github.influxreset.cli;

import io.github.influxreset.domain.Profile;
import io.github.influxreset.engine.Plan;
import io.github.influxreset.engine.Ports;
import io.github.influxreset.engine.RunContext;
import io.github.influxreset.engine.Runner;
import io.github.influxreset.engine.Step;
import java.util.function.Supplier;

/** Runs a whole plan through the runner, asking for the confirmation just before its step. */
final class RunDriver {
    private RunDriver() {
    }

    static RunContext runAll(RootCommand root, Profile profile, Ports ports, Plan plan, Supplier<String> confirmation) {
        Runner runner = root.context.runner(profile);
        RunContext run = runner.begin(plan, id -> new RunContext(profile, ports, root.context.log(), runner.journal(), id));
        for (Step step : Step.values()) {
            if (plan.actionsOf(step).isEmpty()) {
                continue;
            }
            if (step == Step.CONFIRM) {
                run.confirm(confirmation.get());
            }
            runner.runStep(run, plan, step, (fraction, message) -> { });
        }
        runner.finish(run);
        return run;
    }
}
