package io.github.influxreset.cli;

import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.engine.Plan;
import io.github.influxreset.engine.Ports;
import io.github.influxreset.engine.RunContext;
import io.github.influxreset.engine.Runner;
import io.github.influxreset.engine.WholeRun;
import io.github.influxreset.engine.session.InterruptedRun;
import java.util.function.Supplier;

/** Runs a whole plan for a command, its log going where the command's log goes. */
final class RunDriver {
    private RunDriver() {
    }

    static RunContext runAll(RootCommand root, Profile profile, Ports ports, Plan plan, Supplier<String> confirmation) {
        return runAll(root, profile, ports, plan, false, confirmation);
    }

    /**
     * Finishes the profile's interrupted run, asking for the confirmation word first unless the user
     * confirmed the run before it was interrupted (or passed {@code --yes}).
     *
     * @param whatItDoes the rest of "Resuming run ID …" when the user is asked
     */
    static RunContext resume(RootCommand root, Profile profile, Ports ports, boolean yes, String whatItDoes)
            throws Exception {
        Runner runner = root.context.runner(profile);
        InterruptedRun interrupted = InterruptedRun.of(profile, runner).filter(InterruptedRun::wasRunning)
                .orElseThrow(() -> RunOwner.noneOf(profile, runner.journal(), "interrupted run to resume"));
        RunContext run = interrupted.context(ports, root.context.log());
        String typed = interrupted.confirmedBefore() ? "" : Confirmation.ask(root, yes, "Resuming run "
                + interrupted.record().id() + " " + whatItDoes + ".", profile.confirmationWord());
        try (AutoCloseable logging = BaseCommand.logToStderr(root)) {
            interrupted.resume(run, typed, Progress.NONE);
        }
        return run;
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
