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
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk of the backup folder fills up (another program writes to it) while the set is being
 * written: the reset fails with a sentence that says so, the stack is never touched, the
 * half-written set gives its space back and is never taken for a backup, and {@code rollback}
 * closes the run. The folder is a small tmpfs of its own (needs root to mount).
 */
@ExtendWith(RequiresDocker.class)
class BackupFolderFullIT {
    private static final int POINTS = 50_000;
    @TempDir
    Path dir;

    @Test
    void theBackupDiskFillingUpMidSetFailsTheRunAndChangesNothing() throws Exception {
        boolean root = "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).strip());
        if (!root) {
            System.out.println("SKIPPED " + getClass().getSimpleName() + ": mounting a small tmpfs for the backup folder needs root");
        }
        Assumptions.assumeTrue(root, "needs root to mount a tmpfs");
        Path small = Files.createDirectories(dir.resolve("small-disk"));
        mount(small);
        try (RigStack rig = new RigStack(dir.resolve("rig")).start()) {
            InfluxV1Adapter influx = new InfluxV1Adapter(rig.profile.influx());
            influx.createBucket(new BucketSpec("home_assistant_events", Retention.parse("3650d").orElseThrow()));
            influx.write("home_assistant_events", BlackBox.seed(POINTS));
            String baseline = BlackBox.exportSha(influx, "home_assistant_events");
            String containers = BlackBox.allContainers();
            String volumes = BlackBox.allVolumes();
            Path profile = rig.dir.resolve("small-disk.yaml");
            Files.writeString(profile, Files.readString(rig.profile.source().orElseThrow())
                    .replace("backups: {dir: " + rig.dir.resolve("backups") + "}", "backups: {dir: " + small.resolve("sets") + "}"));
            Path home = dir.resolve("home");
            Path log = dir.resolve("cli.log");

            Process reset = CliProcess.start(home, log, null, BlackBox.args(profile, "reset", "--mode", "full", "--yes"));
            awaitTheSetBegun(small.resolve("sets"), reset, log);
            Path filler = fillUp(small);
            assertTrue(reset.waitFor(5, TimeUnit.MINUTES), "the reset ends by itself");
            String output = Files.readString(log);

            assertNotEquals(0, reset.exitValue(), "the run fails: " + output);
            assertFalse(BlackBox.hasStackTrace(output), output);
            BlackBox.printWhatTheUserWasTold(output);
            assertTrue(output.toLowerCase(java.util.Locale.ROOT).contains("space"), "the sentence says the disk is full: " + output);
            RunRecord run = BlackBox.journal(rig, home).runs().get(0);
            assertFalse(run.backupVerified(), "a set cut off by a full disk is never a verified backup");
            for (String service : RigStack.SERVICES) {
                assertEquals("true", docker("inspect", "--format", "{{.State.Running}}", rig.containerName(service)),
                        service + " was never stopped");
            }
            assertEquals(baseline, BlackBox.exportSha(influx, "home_assistant_events"), "nothing changed");

            Files.delete(filler);
            BlackBox.rollBackIfUnfinished(rig, home, log, BlackBox.args(profile, "rollback"), run.id());
            assertEquals(baseline, BlackBox.exportSha(influx, "home_assistant_events"), "every point, byte for byte");
            assertEquals(containers, BlackBox.allContainers(), "no container left over or missing");
            assertEquals(volumes, BlackBox.allVolumes(), "no volume left over or missing");
            try (Stream<Path> left = Files.walk(small.resolve("sets"))) {
                assertTrue(left.noneMatch(Files::isRegularFile), "the half-written set is gone, its space given back");
            }
        } finally {
            new ProcessBuilder("umount", "-l", small.toString()).inheritIO().start().waitFor();
        }
    }

    private static void mount(Path folder) throws IOException, InterruptedException {
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256m", "tmpfs", folder.toString())
                .redirectErrorStream(true).start();
        String said = new String(mount.getInputStream().readAllBytes());
        Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount a tmpfs here: " + said);
    }

    /** Waits until the run's set folder holds its first file. */
    private static void awaitTheSetBegun(Path sets, Process reset, Path log) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline && reset.isAlive()) {
            if (Files.isDirectory(sets)) {
                try (Stream<Path> files = Files.walk(sets)) {
                    if (files.anyMatch(f -> f.getFileName().toString().equals("export"))) {
                        return;
                    }
                } catch (java.io.UncheckedIOException movedMeanwhile) {
                    // a folder renamed while it was walked: look again
                }
            }
            LockSupport.parkNanos(2_000_000L);
        }
        throw new IllegalStateException("the set was never begun (reset alive: " + reset.isAlive() + "); it said:\n" + Files.readString(log));
    }

    /** Writes a file until the disk refuses another byte. */
    private static Path fillUp(Path disk) throws IOException {
        Path filler = disk.resolve("filler");
        byte[] block = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("space")) {
                throw full;
            }
        }
        return filler;
    }
}
