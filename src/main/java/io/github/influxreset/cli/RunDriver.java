package io.github.influxreset.cli;

import io.github.influxreset.domain.Profile;
import io.github.influxreset.engine.Plan;
import io.github.influxreset.engine.Ports;
import io.github.influxreset.engine.Progress;
import io.github.influxreset.engine.RunContext;
import io.github.influxreset.engine.Runner;
import io.github.influxreset.engine.WholeRun;
import java.util.function.Supplier;

/** Runs a whole plan for a command, its log going where the command's log goes. */
final class RunDriver {
    private RunDriver() {
    }

    static RunContext runAll(RootCommand root, Profile profile, Ports ports, Plan plan, Supplier<String> confirmation) {
        return runAll(root, profile, ports, plan, false, confirmation);
    }

    /** @param keepData whether the old points are carried into the new buckets (said before the run starts) */
    static RunContext runAll(RootCommand root, Profile profile, Ports ports, Plan plan, boolean keepData,
                             Supplier<String> confirmation) {
        Runner runner = root.context.runner(profile);
        return WholeRun.run(runner, plan, id -> {
            RunContext run = new RunContext(profile, ports, root.context.log(), runner.journal(), id);
            run.chooseKeepData(keepData);
            return run;
        }, confirmation, Progress.NONE);
    }
}
