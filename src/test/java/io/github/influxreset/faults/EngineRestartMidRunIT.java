package io.github.influxreset.faults;

import static io.github.influxreset.testing.DockerRig.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.engine.run.ActionRecord;
import io.github.influxreset.engine.run.ActionStatus;
import io.github.influxreset.engine.run.Journal;
import io.github.influxreset.engine.run.RunRecord;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.testing.BlackBox;
import io.github.influxreset.testing.CliProcess;
import io.github.influxreset.testing.DockerDaemon;
import io.github.influxreset.testing.Http;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker engine stopped and started again (a package upgrade, a crash) while a full reset has
 * the stack down: the run ends with a sentence, not a stack trace and not a hang, and
 * {@code rollback}, once the engine is back, returns every point, every service, and nothing extra.
 * From outside: the reset is a separate process, the engine a real dockerd.
 */
@ExtendWith(RequiresDocker.class)
class EngineRestartMidRunIT {
    private static final int POINTS = 400;
    @TempDir
    Path dir;

    @Test
    void anEngineRestartWhileTheStackIsDownIsRecoveredByRollback() throws Exception {
        Optional<String> unavailable = DockerDaemon.restartUnavailableReason();
        if (unavailable.isPresent()) {
            System.out.println("SKIPPED " + getClass().getSimpleName() + ": " + unavailable.get());
        }
        Assumptions.assumeTrue(unavailable.isEmpty(), unavailable.orElse(""));
        try (RigStack rig = new RigStack(dir.resolve("rig")).start()) {
            InfluxV1Adapter influx = new InfluxV1Adapter(rig.profile.influx());
            influx.createBucket(new BucketSpec("home_assistant_events", Retention.parse("30d").orElseThrow()));
            influx.write("home_assistant_events", BlackBox.seed(POINTS));
            String baseline = BlackBox.exportSha(influx, "home_assistant_events");
            String containers = BlackBox.allContainers();
            String volumes = BlackBox.allVolumes();
            Path home = dir.resolve("home");
            Path log = dir.resolve("cli.log");

            Process reset = CliProcess.start(home, log, null, BlackBox.args(rig, "reset", "--mode", "full", "--yes"));
            String stoppedAt = awaitTheStackDown(rig, home, reset);
            List<String> dockerd = DockerDaemon.stop();
            DockerDaemon.start(dockerd, dir.resolve("dockerd.log"));
            assertTrue(reset.waitFor(5, TimeUnit.MINUTES), "the reset ends by itself after the engine went away");
            String output = Files.readString(log);
            System.out.println("ENGINE RESTART after '" + stoppedAt + "': reset exited " + reset.exitValue());

            assertFalse(BlackBox.hasStackTrace(output), output);
            BlackBox.printWhatTheUserWasTold(output);
            RunRecord run = BlackBox.journal(rig, home).runs().get(0);
            if (reset.exitValue() != 0) {
                assertTrue(output.contains("Docker engine"), "the sentence names the engine: " + output);
                BlackBox.rollBackIfUnfinished(rig, home, log, BlackBox.args(rig, "rollback"), run.id());
            } else {
                // the engine came back before the run needed it: the run finished, its set holds every point
                assertEquals(RunStatus.SUCCEEDED, run.status());
                influx.write("home_assistant_events", BlackBox.seed(POINTS));
            }
            Http.await(rig.url() + "/ping", 60_000);
            assertEquals(baseline, BlackBox.exportSha(influx, "home_assistant_events"), "every point, byte for byte");
            for (String service : RigStack.SERVICES) {
                assertEquals("true", docker("inspect", "--format", "{{.State.Running}}", rig.containerName(service)),
                        service + " running");
            }
            assertEquals(containers, BlackBox.allContainers(), "no container left over or missing");
            assertEquals(volumes, BlackBox.allVolumes(), "no volume left over or missing");
            assertTrue(BlackBox.journal(rig, home).unfinishedRun().isEmpty(), "the journal is closed");
        }
    }

    /** Waits until the run has stopped a service (the stack is down) and returns that action. */
    private static String awaitTheStackDown(RigStack rig, Path home, Process reset) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline && reset.isAlive()) {
            Journal journal = BlackBox.journal(rig, home);
            Optional<ActionRecord> stopped = journal.runs().stream().findFirst().stream()
                    .flatMap(r -> journal.actions(r.id()).stream())
                    .filter(a -> a.kind().equals("stop-service") && a.status() == ActionStatus.DONE).findFirst();
            if (stopped.isPresent()) {
                return stopped.get().description();
            }
            LockSupport.parkNanos(20_000_000L);
        }
        throw new IllegalStateException("the reset never stopped a service (alive: " + reset.isAlive() + ")");
    }
}
