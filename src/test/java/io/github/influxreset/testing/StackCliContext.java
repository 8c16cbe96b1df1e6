package io.github.influxreset.testing;

import io.github.influxreset.cli.CliContext;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.engine.Journal;
import io.github.influxreset.engine.LogBus;
import io.github.influxreset.engine.Ports;
import io.github.influxreset.engine.Runner;
import java.nio.file.Path;
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
    public Ports ports(Profile profile) {
        return stack.ports;
    }

    @Override
    public Runner runner(Profile profile) {
        return stack.runner();
    }

    @Override
    public io.github.influxreset.firstrun.StackFinder stackFinder() {
        return stack.finder(stack.dir.resolve("app-home"));
    }

    @Override
    public Journal journal(Profile profile) {
        return stack.journal();
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
