package io.github.influxreset.engine.session;

import io.github.influxreset.domain.Profile;
import io.github.influxreset.engine.log.LogBus;
import io.github.influxreset.engine.port.Ports;
import io.github.influxreset.engine.run.Journal;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.Runner;
import java.time.Clock;

/** What every use case of one profile's session works with; handed by {@link ResetSession} to the classes beside it. */
record SessionScope(Profile profile, Ports ports, Runner runner, LogBus log, Clock clock) {
    Journal journal() {
        return runner.journal();
    }

    /** The context a run of this profile (new, or from the journal) shares among its actions. */
    RunContext context(String runId) {
        return new RunContext(profile, ports, log, runner.journal(), runId);
    }
}
