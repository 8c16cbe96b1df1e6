package io.github.influxreset.cli;

import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.RunRecord;

/** A run is acted on only with the profile it was started with. */
final class RunOwner {
    private RunOwner() {
    }

    static void requireSameProfile(RunRecord run, Profile profile) {
        if (!run.profileName().equals(profile.name())) {
            throw ResetException.badInput("Run " + run.id() + " belongs to profile " + run.profileName() + ", not "
                    + profile.name() + "; nothing was changed.", "Pass that run's profile with --profile.");
        }
    }
}
