package io.github.influxreset.cli;

import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.session.RunOutcome;
import java.util.function.Supplier;

/** Runs a plan (or the interrupted run) through the profile's session, the engine's one implementation. */
final class RunDriver {
    private RunDriver() {
    }

    static RunOutcome runAll(RootCommand root, Profile profile, Plan plan, Supplier<String> confirmation) {
        return runAll(root, profile, plan, false, confirmation);
    }

    /**
     * The caller has the log going to stderr already.
     *
     * @param keepData whether the old points are carried into the new buckets (said before the run starts)
     */
    static RunOutcome runAll(RootCommand root, Profile profile, Plan plan, boolean keepData, Supplier<String> confirmation) {
        return root.context.session(profile).wholeRuns().run(plan, keepData, confirmation, Progress.NONE);
    }

    /**
     * Finishes the profile's interrupted run, asking for the confirmation word first unless the user
     * confirmed the run before it was interrupted (or passed {@code --yes}).
     *
     * @param whatItDoes the rest of "Resuming run ID …" when the user is asked
     */
    static RunOutcome resume(RootCommand root, Profile profile, boolean yes, String whatItDoes) throws Exception {
        try (AutoCloseable logging = BaseCommand.logToStderr(root)) {
            return root.context.session(profile).wholeRuns().resumeInterrupted(interrupted -> Confirmation.ask(root, yes,
                    "Resuming run " + interrupted.record().id() + " " + whatItDoes + ".", profile.confirmationWord()),
                    Progress.NONE);
        }
    }

    /** Prints the live forecast of carrying the old points, for a dry run (the run forecasts again from its backup). */
    static void printLiveForecast(RootCommand root, Profile profile) {
        root.output().line("Forecast of carrying the old points into the new schema (from the live data):");
        root.context.session(profile).inspector().carryForecast().forEach(line -> root.output().line("  " + line));
    }
}
