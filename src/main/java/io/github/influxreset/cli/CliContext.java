package io.github.influxreset.cli;

import io.github.influxreset.domain.Profile;
import io.github.influxreset.engine.Journal;
import io.github.influxreset.engine.LogBus;
import io.github.influxreset.engine.session.ResetSession;
import io.github.influxreset.engine.Ports;
import io.github.influxreset.engine.Runner;
import io.github.influxreset.firstrun.StackFinder;
import java.nio.file.Path;

/**
 * What the commands need from the application, created lazily so that a command only connects to
 * what it uses. The {@code app} package provides the real one; tests provide fakes.
 */
public interface CliContext {
    /** The effective profile: the file of {@code --profile}, else the embedded HomeIQ profile. */
    Profile profile(Path profileFile);

    Ports ports(Profile profile);

    Runner runner(Profile profile);

    Journal journal(Profile profile);

    LogBus log();

    /** The use cases of a profile, over its ports and runner. */
    default ResetSession session(Profile profile) {
        return new ResetSession(profile, ports(profile), runner(profile), log(), java.time.Clock.systemUTC());
    }

    /** The first run's discovery on this machine's Docker engine: reads it, never changes it. */
    StackFinder stackFinder();

    /** Opens the desktop wizard and blocks until it is closed. */
    void openWizard(Path profileFile);
}
