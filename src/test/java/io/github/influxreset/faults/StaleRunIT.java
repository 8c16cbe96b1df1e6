package io.github.influxreset.faults;

import static io.github.influxreset.testing.DockerRig.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.plan.ResetPlanner;
import io.github.influxreset.engine.port.BackupStore;
import io.github.influxreset.engine.run.Journal;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.RunRecord;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.store.FileRunLock;
import io.github.influxreset.testing.CliProcess;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The world moves on after a run was killed: the stack is rebuilt with new data, the run's set is
 * deleted or kept. A later {@code rollback} must never delete a point that is not in a verified set
 * that still exists. Also: two resets started together, one runs and the other is refused.
 * The command line runs as separate processes on the real stack (InfluxDB 1.6.7).
 */
@ExtendWith(RequiresDocker.class)
class StaleRunIT {
    private static final int ORIGINAL = 300;
    private static final int NEW = 2000;
    @TempDir
    static Path dir;
    static RigStack rig;
    static InfluxV1Adapter influx;
    static int lastResetAction;
    Path home;

    @BeforeAll
    static void start() throws Exception {
        rig = new RigStack(dir.resolve("rig")).start();
        influx = new InfluxV1Adapter(rig.profile.influx());
        var ports = new AppContext(new AppHome(dir.resolve("plan-home")), new ProfileLoader(Map.of(), dir)).ports(rig.profile);
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(rig.profile, ports, ResetMode.BUCKETS).plan();
        lastResetAction = plan.actionsOf(Step.RESET).get(plan.actionsOf(Step.RESET).size() - 1).index();
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @BeforeEach
    void freshData(org.junit.jupiter.api.TestInfo test) {
        home = dir.resolve(test.getTestMethod().orElseThrow().getName());
        influx.deleteBucket("home_assistant_events");
        influx.createBucket(new BucketSpec("home_assistant_events", Retention.parse("30d").orElseThrow()));
        influx.write("home_assistant_events", points("old", ORIGINAL, 0));
    }

    private static String points(String tag, int count, long offsetSeconds) {
        long now = System.currentTimeMillis() * 1_000_000L;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append("home_assistant_events,entity_id=").append(tag).append(i % 7).append(" normalized_value=")
                    .append(i).append(" ").append(now - (offsetSeconds + i) * 1_000_000_000L).append('\n');
        }
        return lines.toString();
    }

    private static long points() {
        return influx.countPoints("home_assistant_events").values().stream().mapToLong(Long::longValue).sum();
    }

    /** A reset killed right after its last reset action: the buckets are empty and new, the run open. */
    private RunRecord killedReset() throws Exception {
        assertEquals(137, cli("after:" + lastResetAction, "reset", "--mode", "buckets", "--yes"));
        RunRecord run = journal().unfinishedRun().orElseThrow();
        assertEquals(0, points(), "the reset emptied the bucket");
        return run;
    }

    /** The user went on: services started by hand, new points written, a service rebuilt. */
    private static void userRebuildsTheStack(boolean replaceAService) {
        for (String service : RigStack.SERVICES) {
            docker("start", rig.containerName(service));
        }
        influx.write("home_assistant_events", points("new", NEW, 3600));
        if (replaceAService) {
            String image = docker("inspect", "--format", "{{.Config.Image}}", rig.containerName("sports-data"));
            String labels = docker("inspect", "--format",
                    "{{range $k, $v := .Config.Labels}}--label={{$k}}={{$v}} {{end}}", rig.containerName("sports-data"));
            String cmd = docker("inspect", "--format", "{{join .Config.Cmd \" \"}}", rig.containerName("sports-data"));
            docker("rm", "-f", rig.containerName("sports-data"));
            List<String> run = new ArrayList<>(List.of("run", "-d", "--network", "host", "--init", "--name",
                    rig.containerName("sports-data")));
            run.addAll(List.of(labels.trim().split(" ")));
            run.add(image);
            run.addAll(List.of(cmd.split(" ")));
            docker(run.toArray(String[]::new));
        }
    }

    @Test
    void aRunWhoseSetWasDeletedIsNotRolledBackAndEveryNewPointStays() throws Exception {
        RunRecord run = killedReset();
        userRebuildsTheStack(false);
        deleteFolder(rig.profile.backups().dir().resolve(run.backupId()));

        assertEquals(1, cli(null, "rollback", "--dry-run"), "the dry run shows a refusal");
        assertTrue(log().contains("backup set " + run.backupId() + " no longer exists"), "the dry run names the missing set");
        assertEquals(2, cli(null, "rollback"), "refused, nothing changed");
        assertEquals(NEW, points(), "every new point is still there");
        assertEquals(RunStatus.RUNNING, journal().run(run.id()).orElseThrow().status());

        assertEquals(0, cli(null, "runs", "close", run.id(), "--yes"));
        assertEquals(RunStatus.CLOSED, journal().run(run.id()).orElseThrow().status());
        assertEquals(NEW, points());
    }

    @Test
    void aRunOnARebuiltStackIsRefusedAndForcedOnlyAfterTheLiveDataIsBackedUp() throws Exception {
        RunRecord run = killedReset();
        userRebuildsTheStack(true);

        assertEquals(2, cli(null, "rollback"), "a stale run is refused");
        assertTrue(log().contains("is stale"), "the refusal says why");
        assertEquals(NEW, points(), "nothing was replaced");
        List<String> setsBefore = backups().list();

        assertEquals(0, cli(null, "rollback", "--force-stale"));
        assertEquals(ORIGINAL, points(), "the run's backup is back");
        List<String> safety = backups().list().stream().filter(s -> !setsBefore.contains(s)).toList();
        assertEquals(1, safety.size(), "one new set: the live data before the rollback");
        backups().verify(safety.get(0));
        assertEquals(NEW, backups().info(safety.get(0)).totalPoints(), "every new point is in a verified set");
        assertEquals(RunStatus.ROLLED_BACK, journal().run(run.id()).orElseThrow().status());
    }

    @Test
    void aResetIsRefusedWhileAnotherProcessHoldsTheStack() throws Exception {
        try (var held = new FileRunLock(home.resolve("locks"), Clock.systemUTC()).acquire(rig.profile.name(), "20261201-000000-test")) {
            assertEquals(2, cli(null, "reset", "--mode", "buckets", "--yes"));
        }
        assertTrue(log().contains("Another run of " + rig.profile.name() + " is going on (run 20261201-000000-test, process "),
                "the refusal names the holder: " + log());
        assertTrue(journal().runs().isEmpty(), "no run was recorded");
        assertEquals(ORIGINAL, points(), "nothing changed");
    }

    @Test
    void twoResetsStartedTogetherNeverRunAtTheSameTime() throws Exception {
        Files.writeString(dir.resolve("cli.log"), "");
        List<String> args = List.of("--profile", rig.profile.source().orElseThrow().toString(), "reset", "--mode", "buckets", "--yes");
        Process first = CliProcess.start(home, dir.resolve("cli.log"), null, args);
        Process second = CliProcess.start(home, dir.resolve("cli.log"), null, args);
        List<Integer> codes = new ArrayList<>(List.of(CliProcess.waitFor(first), CliProcess.waitFor(second)));
        codes.sort(Integer::compare);

        List<RunRecord> runs = journal().runs();
        System.out.println("TWO RESETS AT ONCE: exit codes " + codes);
        if (codes.equals(List.of(0, 2))) {
            assertTrue(log().contains("is going on"), "the refusal names the other run: " + log());
            assertEquals(1, runs.size(), "only one run was recorded");
        } else {
            assertEquals(List.of(0, 0), codes, log());
            assertEquals(2, runs.size());
            assertTrue(runs.get(0).started().isAfter(runs.get(1).ended()), "the second began after the first ended");
        }
        runs.forEach(r -> assertEquals(RunStatus.SUCCEEDED, r.status()));
        for (String service : RigStack.SERVICES) {
            assertEquals("true", docker("inspect", "--format", "{{.State.Running}}", rig.containerName(service)), service);
        }
    }

    private Journal journal() {
        return new AppContext(new AppHome(home), new ProfileLoader(Map.of(), dir)).journal(rig.profile);
    }

    private BackupStore backups() {
        return new AppContext(new AppHome(home), new ProfileLoader(Map.of(), dir)).ports(rig.profile).backups();
    }

    private static String log() throws Exception {
        return Files.readString(dir.resolve("cli.log"));
    }

    private static void deleteFolder(Path folder) throws Exception {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private int cli(String killAt, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--profile", rig.profile.source().orElseThrow().toString()));
        all.addAll(List.of(args));
        Files.writeString(dir.resolve("cli.log"), "");
        return CliProcess.run(home, dir.resolve("cli.log"), killAt, all);
    }
}
