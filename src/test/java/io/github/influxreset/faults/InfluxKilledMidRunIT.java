package io.github.influxreset.faults;

import static io.github.influxreset.testing.DockerRig.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.plan.ResetPlanner;
import io.github.influxreset.engine.port.Ports;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.engine.run.Runner;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** InfluxDB killed in the middle of a run: the next step fails and everything is rolled back. */
@ExtendWith(RequiresDocker.class)
class InfluxKilledMidRunIT {
    @TempDir
    Path dir;

    @Test
    void influxKilledAfterTheResetFailsValidationAndTheOldDataComesBack() throws Exception {
        try (RigStack rig = new RigStack(dir.resolve("rig")).start()) {
            InfluxV1Adapter influx = new InfluxV1Adapter(rig.profile.influx());
            influx.createBucket(new BucketSpec("home_assistant_events", Retention.parse("30d").orElseThrow()));
            long now = System.currentTimeMillis() * 1_000_000L;
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 250; i++) {
                lines.append("home_assistant_events,entity_id=s").append(i % 4).append(" normalized_value=").append(i)
                        .append(".5 ").append(now - i * 1_000_000_000L).append('\n');
            }
            influx.write("home_assistant_events", lines.toString());
            AppContext app = new AppContext(new AppHome(dir.resolve("home")), new ProfileLoader(Map.of(), dir));
            Ports ports = app.ports(rig.profile);
            Runner runner = app.runner(rig.profile);
            Plan plan = new ResetPlanner(Clock.systemUTC()).plan(rig.profile, ports, ResetMode.FULL).plan();
            RunContext run = runner.begin(plan, id -> new RunContext(rig.profile, ports, app.log(), runner.journal(), id));
            run.confirm(rig.profile.confirmationWord());
            for (Step step : List.of(Step.PREREQUISITES, Step.BACKUP, Step.CONFIRM, Step.RESET)) {
                runner.runStep(run, plan, step, Progress.NONE);
            }

            docker("kill", rig.containerName("influxdb"));
            ResetException failure = assertThrows(ResetException.class,
                    () -> runner.runStep(run, plan, Step.VALIDATE, Progress.NONE));

            assertEquals(ResetException.Reason.STEP_FAILED, failure.reason(), failure.getMessage());
            assertTrue(failure.getMessage().contains("rolled back"), failure.getMessage());
            assertEquals(RunStatus.ROLLED_BACK, runner.journal().run(run.runId()).orElseThrow().status());
            assertEquals(Map.of("home_assistant_events", 250L), influx.countPoints("home_assistant_events"));
            for (String service : RigStack.SERVICES) {
                assertEquals("true", docker("inspect", "--format", "{{.State.Running}}", rig.containerName(service)), service);
            }
        }
    }
}
