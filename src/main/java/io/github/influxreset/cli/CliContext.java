package io.github.influxreset.cli;

import io.github.influxreset.domain.Profile;
import io.github.influxreset.engine.log.LogBus;
import io.github.influxreset.engine.session.ProfileFiles;
import io.github.influxreset.engine.session.ResetSession;
import io.github.influxreset.engine.session.StackFinder;
import java.nio.file.Path;

/**
 * What the commands need from the application: the profile, and its session (the use cases, the one
 * door below which the command line never reaches). Created lazily so that a command only connects
 * to what it uses. The {@code app} package provides the real one; tests provide fakes.
 */
public interface CliContext {
    /** The effective profile: the file of {@code --profile}, else the embedded HomeIQ profile. */
    Profile profile(Path profileFile);

    /** The use cases of a profile. */
    ResetSession session(Profile profile);

    /** The engine's log, which a command writes to stderr while it runs. */
    LogBus log();

    /** The first run's discovery on this machine's Docker engine: reads it, never changes it. */
    StackFinder stackFinder();

    /** Profiles written out and shown. */
    ProfileFiles profileFiles();

    /** Opens the desktop wizard and blocks until it is closed. */
    void openWizard(Path profileFile);
}
