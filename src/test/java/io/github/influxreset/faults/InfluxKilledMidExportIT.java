package io.github.influxreset.faults;

import static io.github.influxreset.testing.DockerRig.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.engine.run.RunRecord;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.testing.BlackBox;
import io.github.influxreset.testing.CliProcess;
import io.github.influxreset.testing.Http;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * InfluxDB's process killed (as the kernel's OOM killer does) while the backup streams a bucket's
 * export: the reset fails with a sentence and changes nothing, its half-written set is never taken
 * for a backup, and {@code rollback} closes the run with every point still there.
 */
@ExtendWith(RequiresDocker.class)
class InfluxKilledMidExportIT {
    private static final int POINTS = 300_000;
    private static final int BATCH = 50_000;
    @TempDir
    Path dir;

    @Test
    void influxKilledWhileTheExportStreamsFailsTheRunAndLosesNothing() throws Exception {
        try (RigStack rig = new RigStack(dir.resolve("rig")).start()) {
            InfluxV1Adapter influx = new InfluxV1Adapter(rig.profile.influx());
            influx.createBucket(new BucketSpec("home_assistant_events", Retention.parse("3650d").orElseThrow()));
            String lines = BlackBox.seed(POINTS);
            String[] all = lines.split("\n");
            for (int from = 0; from < all.length; from += BATCH) {
                influx.write("home_assistant_events", String.join("\n", java.util.Arrays.copyOfRange(all, from,
                        Math.min(all.length, from + BATCH))) + "\n");
            }
            String baseline = BlackBox.exportSha(influx, "home_assistant_events");
            String containers = BlackBox.allContainers();
            String volumes = BlackBox.allVolumes();
            Path home = dir.resolve("home");
            Path log = dir.resolve("cli.log");
            String influxPid = docker("inspect", "--format", "{{.State.Pid}}", rig.containerName("influxdb"));

            Process reset = CliProcess.start(home, log, null, BlackBox.args(rig, "reset", "--mode", "full", "--yes"));
            awaitAnExportBeingWritten(rig.dir.resolve("backups"), reset, log);
            assertEquals(0, new ProcessBuilder("kill", "-9", influxPid).start().waitFor(), "influxd killed");
            assertTrue(reset.waitFor(5, TimeUnit.MINUTES), "the reset ends by itself");
            String output = Files.readString(log);

            assertNotEquals(0, reset.exitValue(), "the run fails: " + output);
            assertFalse(BlackBox.hasStackTrace(output), output);
            BlackBox.printWhatTheUserWasTold(output);
            assertTrue(output.contains("InfluxDB"), "the sentence names InfluxDB: " + output);
            RunRecord run = BlackBox.journal(rig, home).runs().get(0);
            assertFalse(run.backupVerified(), "a set cut off mid-export is never a verified backup");
            for (String service : RigStack.SERVICES) {
                assertEquals("true", docker("inspect", "--format", "{{.State.Running}}", rig.containerName(service)),
                        service + " was never stopped");
            }

            Http.await(rig.url() + "/ping", 60_000);
            BlackBox.rollBackIfUnfinished(rig, home, log, BlackBox.args(rig, "rollback"), run.id());
            assertEquals(baseline, BlackBox.exportSha(influx, "home_assistant_events"), "every point, byte for byte");
            assertEquals(containers, BlackBox.allContainers(), "no container left over or missing");
            assertEquals(volumes, BlackBox.allVolumes(), "no volume left over or missing");
            assertTrue(BlackBox.journal(rig, home).unfinishedRun().isEmpty(), "the journal is closed");
        }
    }

    /** Waits until an export file of the run's set exists and has bytes: the export is streaming. */
    private static void awaitAnExportBeingWritten(Path backups, Process reset, Path log) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline && reset.isAlive()) {
            if (Files.isDirectory(backups)) {
                try (Stream<Path> files = Files.walk(backups)) {
                    if (files.anyMatch(f -> f.toString().endsWith(".lp.zst") && f.toFile().length() > 0)) {
                        return;
                    }
                } catch (java.io.UncheckedIOException movedMeanwhile) {
                    // a folder renamed while it was walked: look again
                }
            }
            LockSupport.parkNanos(5_000_000L);
        }
        throw new IllegalStateException("no export was written (reset alive: " + reset.isAlive() + "); it said:\n" + Files.readString(log));
    }
}
