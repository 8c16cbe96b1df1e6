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
        Runner runner = root.context.runner(profile);
        return WholeRun.run(runner, plan, id -> new RunContext(profile, ports, root.context.log(), runner.journal(), id),
                confirmation, Progress.NONE);
    }
}
