package io.github.influxreset.faults;

import static io.github.influxreset.testing.DockerRig.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.docker.DockerJavaAdapter;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.engine.plan.ResetPlanner;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.engine.run.Journal;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.RunRecord;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the command line (as a separate process, {@code Runtime.halt}) right after every action of
 * a full reset on the real stack, then relaunches it with {@code rollback} and (2.x) in a second
 * pass with {@code reset --resume}. After each: every original point present (count and SHA-256 of a
 * sorted export; after a resume, in the run's verified backup set), every service running, no
 * helper container or kept volume left, the journal closed.
 */
@ExtendWith(RequiresDocker.class)
abstract class FaultInjectionIT {
    private static final int POINTS = 400;
    @TempDir
    static Path dir;
    static RigStack rig;
    static InfluxPort influx;
    static String baseline;
    static String seed;
    static String volumes;
    static int actions;
    /** The kind of each action of the plan, by index. */
    static List<String> kinds;
    /** The index of the plan's first action of the reset step: what comes before it changes nothing. */
    static int firstReset;

    /** Starts the stack and returns a client of its InfluxDB. */
    static void start(RigStack stack, InfluxPort client) throws Exception {
        rig = stack;
        influx = client;
        BucketSpec events = new BucketSpec("home_assistant_events", Retention.parse("30d").orElseThrow());
        if (influx.buckets().stream().anyMatch(b -> b.name().equals(events.name()))) {
            influx.updateRetention(events);
        } else {
            influx.createBucket(events);
        }
        long now = System.currentTimeMillis() * 1_000_000L;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < POINTS; i++) {
            lines.append("home_assistant_events,entity_id=s").append(i % 5).append(" normalized_value=").append(i)
                    .append(".5,state_value=\"x").append(i).append("\" ").append(now - i * 1_000_000_000L).append('\n');
        }
        seed = lines.toString();
        influx.write("home_assistant_events", seed);
        baseline = exportSha();
        volumes = docker("volume", "ls", "-q");
        try (DockerJavaAdapter docker = new DockerJavaAdapter("unix:///var/run/docker.sock")) {
            var ports = new AppContext(new AppHome(dir.resolve("plan-home")), new ProfileLoader(Map.of(), dir)).ports(rig.profile);
            Plan plan = new ResetPlanner(Clock.systemUTC()).plan(rig.profile, ports, ResetMode.FULL).plan();
            actions = plan.actions().size();
            kinds = plan.actions().stream().map(a -> a.action().kind()).toList();
            firstReset = plan.actions().stream().filter(a -> a.step() == io.github.influxreset.domain.Step.RESET)
                    .mapToInt(a -> a.index()).min().orElse(0);
        }
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    /** The first kill point the rollback loop tries: every one here; a subclass may start later. */
    int firstRollbackKillPoint() {
        return 0;
    }

    /** Whether the loops kill after action {@code k}: after every one here; a subclass may try fewer. */
    boolean tries(int k) {
        return true;
    }

    /** True for the first action of its kind from {@code from} on: a kill point of each kind of action, once. */
    static boolean firstOfItsKind(int k, int from) {
        return kinds.subList(from, k).stream().noneMatch(kinds.get(k)::equals);
    }

    @Test
    void aKilledResetIsRolledBackFromEachKillPointItTriesWithNoPointLost() throws Exception {
        List<Integer> covered = new ArrayList<>();
        for (int k = firstRollbackKillPoint(); k < actions; k++) {
            if (!tries(k)) {
                continue;
            }
            Path home = dir.resolve("rollback-" + k);
            assertEquals(137, cli(home, "after:" + k, "reset", "--mode", "full", "--yes"), "killed after action " + (k + 1));
            assertEquals(0, cli(home, null, "rollback"), "rollback after kill point " + (k + 1));
            assertStackAsBefore("rollback after kill point " + (k + 1));
            assertJournalClosed(home, RunStatus.ROLLED_BACK);
            covered.add(k + 1);
        }
        System.out.println("FAULT INJECTION: rollback recovered from " + covered.size() + " kill points " + covered);
    }

    /**
     * Relaunches with {@code reset --resume} after every kill point from the confirmation on; a
     * subclass runs it as a test (on 1.x the chaos suite covers resume at random moments, so only 2.x
     * runs it at every point; before the reset step nothing is changed yet, and resuming there is the
     * same on both versions, which the chaos suite and the rollback loop cover).
     */
    void resumeFromEveryKillPointAndTheBackupHoldsEveryPoint() throws Exception {
        List<Integer> covered = new ArrayList<>();
        for (int k = Math.max(0, firstReset - 1); k < actions; k++) {
            if (!tries(k)) {
                continue;
            }
            Path home = dir.resolve("resume-" + k);
            assertEquals(137, cli(home, "after:" + k, "reset", "--mode", "full", "--yes"), "killed after action " + (k + 1));
            assertEquals(0, cli(home, null, "reset", "--resume", "--yes"), "resume after kill point " + (k + 1));
            RunRecord run = assertJournalClosed(home, RunStatus.SUCCEEDED);
            assertEquals(Map.of(), influx.countPoints("home_assistant_events"), "the reset finished");
            var backups = new AppContext(new AppHome(home), new ProfileLoader(Map.of(), dir)).ports(rig.profile).backups();
            backups.verify(run.backupId());
            assertEquals(POINTS, backups.info(run.backupId()).totalPoints(), "the run's verified backup holds every point");
            influx.write("home_assistant_events", seed);
            assertStackAsBefore("resume after kill point " + (k + 1));
            covered.add(k + 1);
        }
        System.out.println("FAULT INJECTION: resume recovered from " + covered.size() + " kill points " + covered);
    }

    private static void assertStackAsBefore(String when) throws Exception {
        assertEquals(baseline, exportSha(), "every point, byte for byte, " + when);
        for (String service : RigStack.SERVICES) {
            assertEquals("true", docker("inspect", "--format", "{{.State.Running}}", rig.containerName(service)),
                    service + " running " + when);
        }
        assertEquals("true", docker("inspect", "--format", "{{.State.Running}}", rig.containerName("influxdb")));
        assertEquals("", docker("ps", "-aq", "--filter", "label=io.github.influxreset.helper=true"), "no helpers " + when);
        assertEquals(volumes, docker("volume", "ls", "-q"), "no kept copies " + when);
    }

    private static RunRecord assertJournalClosed(Path home, RunStatus expected) {
        Journal journal = new AppContext(new AppHome(home), new ProfileLoader(Map.of(), dir)).journal(rig.profile);
        assertTrue(journal.unfinishedRun().isEmpty(), "no unfinished run in " + home);
        RunRecord run = journal.runs().get(0);
        assertEquals(expected, run.status());
        return run;
    }

    private static String exportSha() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        influx.export("home_assistant_events", out);
        String sorted = String.join("\n", out.toString(StandardCharsets.UTF_8).lines().sorted().toList());
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sorted.getBytes(StandardCharsets.UTF_8)));
    }

    private static int cli(Path home, String killAt, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--profile", rig.profile.source().orElseThrow().toString()));
        all.addAll(List.of(args));
        return io.github.influxreset.testing.CliProcess.run(home, dir.resolve("cli.log"), killAt, all);
    }
}
