package io.github.influxreset.faults;

import static io.github.influxreset.testing.DockerRig.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.InfluxSpec;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.domain.Secret;
import io.github.influxreset.engine.actions.CarryData;
import io.github.influxreset.engine.actions.CarryDelta;
import io.github.influxreset.engine.actions.CreateTargetBucket;
import io.github.influxreset.engine.plan.ResetPlanner;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.engine.run.Journal;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.influx.v2.InfluxV2Adapter;
import io.github.influxreset.testing.CliProcess;
import io.github.influxreset.testing.Influxd2Process;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import io.github.influxreset.testing.RigWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A move from the real 1.6.7 to a real 2.7.12, its command line killed as a user's machine fails:
 * right after the first bucket is made, right after the set's points are carried and right after
 * what the services wrote since was carried from the live 1.x ({@code Runtime.halt}), and with {@code kill -9} while the points stream into the 2.x server. Each time
 * {@code rollback} leaves the 2.x server as it was (only the empty bucket its setup made) and the
 * 1.x data and services as they were; twice, {@code move --resume} finishes the move instead. A
 * service writes to 1.x five times a second all the while, as on a live stack: the move carries
 * more than its forecast, and neither the rollback nor the resume may take that for a stranger's.
 */
@ExtendWith(RequiresDocker.class)
class MoveKilledIT {
    private static final int POINTS = 150_000;
    private static final String TOKEN = "move-kill-TOKEN-9";
    private static final String BUCKET = "home_assistant_events";
    @TempDir
    static Path dir;
    static RigStack rig;
    static Influxd2Process v2;
    static Path profile;
    static InfluxPort source;
    static InfluxPort target;
    static List<String> kinds;

    @BeforeAll
    static void start() throws Exception {
        rig = new RigStack(dir.resolve("rig")).start();
        v2 = new Influxd2Process(dir.resolve("v2")).setUp("homeiq", BUCKET, TOKEN);
        source = new InfluxV1Adapter(rig.profile.influx());
        if (source.buckets().stream().noneMatch(b -> b.name().equals(BUCKET))) {
            source.createBucket(new BucketSpec(BUCKET, Retention.parse("0").orElseThrow()));
        }
        StringBuilder lines = new StringBuilder();
        long now = System.currentTimeMillis() * 1_000_000L;
        for (int i = 0; i < POINTS; i++) {
            lines.append("home_assistant_events,entity_id=sensor.k").append(i % 50).append(" normalized_value=").append(i)
                    .append(".5 ").append(now - i * 1_000_000_000L).append('\n');
        }
        source.write(BUCKET, lines.toString());
        RigWriter.start(rig);
        String text = Files.readString(rig.profile.source().orElseThrow());
        Path moveTo = rig.dir.resolve("move.yaml");
        Files.writeString(moveTo, text.replace("\nbuckets:\n", "\nmoveTo: {service: influxdb2, url: '" + v2.url()
                + "', org: homeiq, token: " + TOKEN + "}\nbuckets:\n"));
        profile = RigWriter.listedIn(moveTo);
        target = new InfluxV2Adapter(new InfluxSpec(2, "influxdb2", v2.url(), "homeiq", Secret.of(TOKEN), "", Secret.of(""),
                "admin", Secret.of("")));
        Profile loaded = new ProfileLoader(Map.of(), dir).load(profile);
        var ports = new AppContext(new AppHome(dir.resolve("plan-home")), new ProfileLoader(Map.of(), dir)).ports(loaded);
        Plan plan = new ResetPlanner(Clock.systemUTC()).planMove(loaded, ports).plan();
        kinds = plan.actions().stream().map(a -> a.action().kind()).toList();
    }

    @AfterAll
    static void stop() {
        v2.close();
        rig.close();
    }

    @Test
    void aMoveKilledAfterItsFirstBucketItsCarryingOrItsDeltaIsRolledBackToTheServersAsTheyWere() throws Exception {
        List<Integer> covered = new ArrayList<>();
        for (int k : List.of(kinds.indexOf(CreateTargetBucket.KIND), kinds.indexOf(CarryData.KIND),
                kinds.indexOf(CarryDelta.KIND))) {
            Path home = dir.resolve("rollback-" + k);
            assertEquals(137, cli(home, "after:" + k, "move", "--yes"), "killed after action " + (k + 1));
            assertEquals(0, cli(home, null, "rollback"), "rollback after kill point " + (k + 1));
            assertServersAsBefore("rollback after kill point " + (k + 1));
            assertEquals(RunStatus.ROLLED_BACK, journal(home).runs().get(0).status());
            covered.add(k + 1);
        }
        System.out.println("FAULT INJECTION (move): rollback recovered from kill points " + covered);
    }

    @Test
    void aMoveKilledWhileThePointsStreamIntoThe2xServerIsRolledBack() throws Exception {
        Path home = dir.resolve("mid-stream");
        Path log = dir.resolve("mid-stream.log");
        Files.createDirectories(home);
        Files.writeString(log, "");
        Process move = CliProcess.start(home, log, null, List.of("--profile", profile.toString(), "move", "--yes"));
        awaitLine(log, "Carrying bucket " + BUCKET + ":", move);
        long written = target.countPoints(BUCKET).values().stream().mapToLong(Long::longValue).sum();
        move.destroyForcibly().waitFor();
        assertTrue(written < POINTS, "killed while the carrying streamed (" + written + " of " + POINTS + " written)");

        assertEquals(0, cli(home, null, "rollback"), "rollback after the kill");

        assertServersAsBefore("rollback after a kill mid-stream");
    }

    @Test
    void aMoveKilledWhileThePointsStreamIsFinishedByMoveResumeAndThenRolledBack() throws Exception {
        Path home = dir.resolve("mid-stream-resume");
        Path log = dir.resolve("mid-stream-resume.log");
        Files.createDirectories(home);
        Files.writeString(log, "");
        Process move = CliProcess.start(home, log, null, List.of("--profile", profile.toString(), "move", "--yes"));
        awaitLine(log, "Carrying bucket " + BUCKET + ":", move);
        move.destroyForcibly().waitFor();

        assertEquals(0, cli(home, null, "move", "--resume", "--yes"), "move --resume after a kill mid-stream");

        assertEquals(RunStatus.SUCCEEDED, journal(home).runs().get(0).status());
        assertEquals((long) POINTS, target.countPoints(BUCKET).get(BUCKET), "every point carried");
        assertEquals(0, cli(home, null, "rollback", journal(home).runs().get(0).id()), "and taken off again");
        assertServersAsBefore("rollback of the move resumed after a kill mid-stream");
    }

    @Test
    void aMoveKilledAfterItsFirstBucketIsFinishedByMoveResume() throws Exception {
        Path home = dir.resolve("resume");
        int k = kinds.indexOf(CreateTargetBucket.KIND);
        assertEquals(137, cli(home, "after:" + k, "move", "--yes"));

        assertEquals(0, cli(home, null, "move", "--resume", "--yes"));

        assertEquals(RunStatus.SUCCEEDED, journal(home).runs().get(0).status());
        assertEquals((long) POINTS, target.countPoints(BUCKET).get(BUCKET), "every point carried");
        assertEquals(0, cli(home, null, "rollback", journal(home).runs().get(0).id()), "and taken off again");
        assertServersAsBefore("rollback of the resumed move");
    }

    private static void assertServersAsBefore(String when) {
        assertEquals(List.of(BUCKET), target.buckets().stream().map(BucketSpec::name).filter(b -> !b.startsWith("_")).toList(),
                "only the bucket the 2.x setup made, " + when);
        assertEquals(Map.of(), target.countPoints(BUCKET), "and it is empty, " + when);
        assertEquals((long) POINTS, source.countPoints(BUCKET).get(BUCKET), "the 1.x data, " + when);
        for (String service : RigWriter.STACK) {
            assertEquals("true", docker("inspect", "--format", "{{.State.Running}}", rig.containerName(service)),
                    service + " running " + when);
        }
        assertEquals("", docker("ps", "-aq", "--filter", "label=io.github.influxreset.helper=true"), "no helpers " + when);
    }

    /** Waits (polling the log, at most two minutes) until the command logged the line; fails if it ended first. */
    private static void awaitLine(Path log, String text, Process process) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!Files.readString(log).contains(text)) {
            assertTrue(process.isAlive(), "the move ended before it carried: " + Files.readString(log));
            assertTrue(Instant.now().isBefore(deadline), "no carrying logged: " + Files.readString(log));
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
    }

    private static Journal journal(Path home) {
        return new AppContext(new AppHome(home), new ProfileLoader(Map.of(), dir)).journal(rig.profile);
    }

    private static int cli(Path home, String killAt, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--profile", profile.toString()));
        all.addAll(List.of(args));
        return CliProcess.run(home, dir.resolve("cli.log"), killAt, all);
    }
}
