package io.github.influxreset.testing;

import io.github.influxreset.app.ProfileFilesOnDisk;
import io.github.influxreset.cli.CliContext;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.docker.KnownHostsFile;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.engine.log.LogBus;
import io.github.influxreset.engine.session.ProfileFiles;
import io.github.influxreset.engine.session.ResetSession;
import io.github.influxreset.engine.session.StackFinder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The command line's view of the in-memory stack; {@code --profile FILE} loads that file instead. */
public final class StackCliContext implements CliContext {
    private final TestStack stack;

    public StackCliContext(TestStack stack) {
        this.stack = stack;
    }

    @Override
    public Profile profile(Path profileFile) {
        return profileFile == null ? stack.profile : new ProfileLoader(Map.of(), stack.dir).load(profileFile);
    }

    @Override
    public ResetSession session(Profile profile) {
        return new ResetSession(profile, stack.ports, stack.runner(), stack.log, Clock.systemUTC(), new KnownHostsFile());
    }

    @Override
    public StackFinder stackFinder() {
        return stack.finder(stack.dir.resolve("app-home"));
    }

    @Override
    public ProfileFiles profileFiles() {
        return new ProfileFilesOnDisk();
    }

    @Override
    public LogBus log() {
        return stack.log;
    }

    @Override
    public void openWizard(Path profileFile) {
        throw new AssertionError("the wizard is not part of command-line tests");
    }
}
