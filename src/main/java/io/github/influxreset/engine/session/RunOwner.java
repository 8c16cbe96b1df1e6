package io.github.influxreset.engine.session;

import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.run.Journal;
import io.github.influxreset.engine.run.RunRecord;

/** A run is acted on only with the profile it was started with. */
final class RunOwner {
    private RunOwner() {
    }

    /**
     * Says there is nothing of this profile to act on; names the unfinished run of another profile,
     * if there is one, and how to reach it.
     */
    static ResetException noneOf(Profile profile, Journal journal, String what) {
        return journal.unfinishedRun().map(other -> ResetException.badInput("Profile " + profile.name() + " has no "
                        + what + "; the unfinished run " + other.id() + " belongs to profile " + other.profileName() + ".",
                        "Pass that run's profile with --profile."))
                .orElseGet(() -> ResetException.badInput("Profile " + profile.name() + " has no " + what + ".",
                        "List the runs with 'runs list'."));
    }

    static void requireSameProfile(RunRecord run, Profile profile) {
        if (!run.profileName().equals(profile.name())) {
            throw ResetException.badInput("Run " + run.id() + " belongs to profile " + run.profileName() + ", not "
                    + profile.name() + "; nothing was changed.", "Pass that run's profile with --profile.");
        }
    }

    static ResetException noSuchRun(String id) {
        return ResetException.badInput("There is no run " + id + " in the journal.", "List the runs with 'runs list'.");
    }
}
