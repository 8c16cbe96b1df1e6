package io.github.influxreset.faults;

import static io.github.influxreset.testing.DockerRig.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.engine.run.Journal;
import io.github.influxreset.engine.run.RunRecord;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.testing.BlackBox;
import io.github.influxreset.testing.CliProcess;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import io.github.influxreset.testing.RigWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box chaos: a full reset runs as a separate process and is {@code kill -9}ed at random moments
 * spread over the whole run (not between actions: inside copies, helpers, HTTP calls, the restart),
 * while a service of the stack posts a numbered point every 0.2 s; then {@code rollback} (every
 * other offset: {@code reset --resume}) recovers it. Each time: exit 0, every original point back
 * (SHA-256 of a sorted export, the writer's points aside), every point the writer had acknowledged
 * since the kill's run began in the live bucket when it was rolled back (or when the reset kept the
 * data), every service running, and the engine's whole list of containers and volumes as before.
 * The seed is printed; replay a failure with {@code -Dchaos.seed=N}.
 */
@ExtendWith(RequiresDocker.class)
class ChaosIT {
    private static final int OFFSETS = 20;
    private static final int POINTS = 400;
    @TempDir
    static Path dir;
    static RigStack rig;
    static InfluxV1Adapter influx;
    static String seed;
    static String baseline;
    static RigWriter writer;
    static Path profile;

    @BeforeAll
    static void start() throws Exception {
        rig = new RigStack(dir.resolve("rig")).start();
        influx = new InfluxV1Adapter(rig.profile.influx());
        influx.createBucket(new BucketSpec("home_assistant_events", Retention.parse("30d").orElseThrow()));
        seed = BlackBox.seed(POINTS);
        influx.write("home_assistant_events", seed);
        baseline = exportSha();
        writer = RigWriter.start(rig);
        profile = RigWriter.listedIn(rig.profile.source().orElseThrow());
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    void aResetKilledAtRandomMomentsIsRecoveredWithNothingLostOrLeftOver() throws Exception {
        chaos(OFFSETS, "reset", "--mode", "full", "--yes");
    }

    /**
     * A full reset that keeps the data: its set-aside, its restart and its carrying of the history
     * while the services write again are killed at random moments too.
     */
    @Test
    void aResetThatKeepsTheDataKilledAtRandomMomentsIsRecoveredWithNothingLostOrLeftOver() throws Exception {
        chaos(OFFSETS / 2, "reset", "--mode", "full", "--keep-data", "--yes");
    }

    private void chaos(int offsets, String... reset) throws Exception {
        long chaosSeed = Long.getLong("chaos.seed", System.nanoTime());
        Random random = new Random(chaosSeed);
        String containers = BlackBox.allContainers();
        String volumes = BlackBox.allVolumes();
        long[] timing = timeAWholeReset(reset);
        long begins = timing[0];
        long ends = timing[1];
        System.out.println("CHAOS seed=" + chaosSeed + " (replay with -Dchaos.seed=" + chaosSeed + "): the run begins "
                + begins + " ms after the process starts and ends at " + ends + " ms");
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < offsets; i++) {
            long offset = begins + (long) ((i + random.nextDouble()) / offsets * (ends - begins));
            boolean resume = i % 2 == 1;
            Path home = dir.resolve("chaos-" + reset.length + "-" + i);
            String what = "kill at " + offset + " ms of '" + String.join(" ", reset) + "' then " + (resume ? "resume"
                    : "rollback") + " (seed " + chaosSeed + ")";
            java.time.Instant began = java.time.Instant.now();
            killResetAfter(home, offset, reset);
            String outcome = recover(home, resume, what);
            outcomes.add(offset + "ms:" + outcome);
            assertEquals(baseline, exportSha(), "every point, byte for byte, after " + what);
            if (outcome.equals("rolled back") || List.of(reset).contains("--keep-data")) {
                assertEveryAcknowledgedPointSince(began, what);
            }
            for (String service : RigWriter.STACK) {
                assertEquals("true", docker("inspect", "--format", "{{.State.Running}}", rig.containerName(service)),
                        service + " running after " + what);
            }
            assertEquals(containers, BlackBox.allContainers(), "no container left over or missing after " + what);
            assertEquals(volumes, BlackBox.allVolumes(), "no volume left over or missing after " + what);
            assertTrue(journal(home).unfinishedRun().isEmpty(), "the journal is closed after " + what);
        }
        System.out.println("CHAOS recovered from " + offsets + " kills of '" + String.join(" ", reset) + "': " + outcomes);
    }

    /** Every point the writer had acknowledged since {@code began} is in the live bucket (waiting for two more first). */
    private static void assertEveryAcknowledgedPointSince(java.time.Instant began, String what) {
        writer.awaitWrites(2);
        java.util.Set<Long> since = new java.util.TreeSet<>(writer.acknowledged());
        since.removeAll(writer.acknowledgedBefore(began));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        influx.export("home_assistant_events", out);
        java.util.Set<Long> missing = new java.util.TreeSet<>(since);
        missing.removeAll(RigWriter.numbersIn(out.toString(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(java.util.Set.of(), missing, "every point the writer had acknowledged (" + since.size() + ") after " + what);
    }

    /**
     * Runs one reset to its end and returns when, after the process started, its run appeared in the
     * journal and when the process ended (ms); then puts the data back.
     */
    private static long[] timeAWholeReset(String... command) throws Exception {
        Path home = dir.resolve("timing-" + command.length);
        long start = System.nanoTime();
        Process reset = CliProcess.start(home, dir.resolve("cli.log"), null, args(command));
        long begins = -1;
        while (reset.isAlive()) {
            if (begins < 0 && !journal(home).runs().isEmpty()) {
                begins = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
        long ends = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(0, reset.exitValue());
        influx.write("home_assistant_events", seed);
        assertEquals(baseline, exportSha());
        return new long[] {Math.max(0, begins), ends};
    }

    private static void killResetAfter(Path home, long millis, String... command) throws Exception {
        Process reset = CliProcess.start(home, dir.resolve("cli.log"), null, args(command));
        if (!reset.waitFor(millis, TimeUnit.MILLISECONDS)) {
            reset.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Recovers as a user would and returns what happened: the run rolled back or resumed, or it had
     * not begun or had already finished when it was killed (then the data is put back by hand).
     */
    private static String recover(Path home, boolean resume, String what) throws Exception {
        Optional<RunRecord> run = journal(home).runs().stream().findFirst();
        if (run.isEmpty()) {
            return "not begun";
        }
        if (run.get().status() == RunStatus.SUCCEEDED) {
            putTheDataBack(home, run.get());
            return "had finished";
        }
        if (resume) {
            assertEquals(0, cli(home, "reset", "--resume", "--yes"), "resume after " + what);
            putTheDataBack(home, journal(home).run(run.get().id()).orElseThrow());
            return "resumed";
        }
        assertEquals(0, cli(home, "rollback"), "rollback after " + what);
        assertEquals(RunStatus.ROLLED_BACK, journal(home).run(run.get().id()).orElseThrow().status());
        return "rolled back";
    }

    /** After a reset that finished: its verified set holds every point; the seed is written back. */
    private static void putTheDataBack(Path home, RunRecord run) {
        assertEquals(RunStatus.SUCCEEDED, run.status());
        var backups = new AppContext(new AppHome(home), new ProfileLoader(Map.of(), dir)).ports(rig.profile).backups();
        backups.verify(run.backupId());
        var values = backups.fieldValues(run.backupId(), "home_assistant_events").orElseThrow().get("home_assistant_events");
        assertEquals(POINTS, values.values().stream().mapToLong(Long::longValue).max().orElse(0),
                "the finished run's set holds every point (the writer's aside)");
        influx.write("home_assistant_events", seed);
    }

    private static Journal journal(Path home) {
        return BlackBox.journal(rig, home);
    }

    private static String exportSha() {
        return BlackBox.exportSha(influx, "home_assistant_events");
    }

    private static List<String> args(String... args) {
        return BlackBox.args(profile, args);
    }

    private static int cli(Path home, String... args) throws Exception {
        return CliProcess.run(home, dir.resolve("cli.log"), null, args(args));
    }
}
