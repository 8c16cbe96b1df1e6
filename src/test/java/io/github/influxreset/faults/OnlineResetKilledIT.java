package io.github.influxreset.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.engine.actions.SwitchBucket;
import io.github.influxreset.engine.plan.ResetPlanner;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.engine.run.Journal;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.influx.v2.InfluxV2Adapter;
import io.github.influxreset.testing.CliProcess;
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
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An online reset on the real 2.7.12, its command line killed as a user's machine fails, while a
 * service writes five points a second: {@code kill -9} while the history streams into the new
 * bucket, then {@code rollback} or {@code reset --resume}; and killed right after the first switch
 * ({@code Runtime.halt}), then {@code rollback}. Each time exit 0, the writer never stopped, every
 * point it had acknowledged in the live bucket, and no bucket of the run left but the one a
 * finished run keeps for its rollback.
 */
@ExtendWith(RequiresDocker.class)
class OnlineResetKilledIT {
    private static final int POINTS = 150_000;
    private static final String EVENTS = "home_assistant_events";
    @TempDir
    static Path dir;
    static RigStack rig;
    static RigWriter writer;
    static Instant writerStarted;
    static InfluxPort influx;
    static Path profile;
    static String originalId;

    @BeforeAll
    static void start() throws Exception {
        rig = RigStack.v2(dir.resolve("rig")).start();
        influx = new InfluxV2Adapter(rig.profile.influx());
        if (!influx.bucketIds().containsKey(EVENTS)) {
            influx.createBucket(new BucketSpec(EVENTS, Retention.parse("0").orElseThrow()));
        }
        StringBuilder lines = new StringBuilder();
        long now = System.currentTimeMillis() * 1_000_000L;
        for (int i = 0; i < POINTS; i++) {
            lines.append(EVENTS).append(",entity_id=sensor.k").append(i % 50).append(" normalized_value=").append(i)
                    .append(".5 ").append(now - (i + 1) * 1_000_000_000L).append('\n');
        }
        influx.write(EVENTS, lines.toString());
        originalId = influx.bucketIds().get(EVENTS);
        writer = RigWriter.start(rig);
        writerStarted = writer.lastStart();
        profile = RigWriter.listedIn(rig.profile.source().orElseThrow());
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    void killedWhileTheHistoryStreamsIntoTheNewBucketThenRolledBack() throws Exception {
        Path home = dir.resolve("stream-rollback");
        killWhileCarrying(home);

        assertEquals(0, cli(home, null, "rollback"), "rollback after the kill");

        assertEquals(RunStatus.ROLLED_BACK, journal(home).runs().get(0).status());
        assertEquals(originalId, influx.bucketIds().get(EVENTS), "the old bucket is the live one, as before");
        assertNoBucketOfTheRunLeft(journal(home).runs().get(0).id(), "");
        assertEveryAcknowledgedPointLive("a rollback after a kill mid-stream");
    }

    @Test
    void killedWhileTheHistoryStreamsIntoTheNewBucketThenResumed() throws Exception {
        Path home = dir.resolve("stream-resume");
        killWhileCarrying(home);

        assertEquals(0, cli(home, null, "reset", "--resume", "--yes"), "reset --resume after the kill");

        String run = journal(home).runs().get(0).id();
        assertEquals(RunStatus.SUCCEEDED, journal(home).runs().get(0).status());
        assertEquals((long) POINTS, influx.countPoints(EVENTS).get(EVENTS), "every old point in the new bucket");
        assertEveryAcknowledgedPointLive("a resumed run");
        assertEquals(0, cli(home, null, "rollback", run), "and the finished run rolled back");
        assertEquals(originalId, influx.bucketIds().get(EVENTS));
        assertNoBucketOfTheRunLeft(run, ".undone-");
        assertEveryAcknowledgedPointLive("the rollback of the resumed run");
    }

    @Test
    void killedRightAfterTheFirstSwitchThenRolledBack() throws Exception {
        Path home = dir.resolve("after-switch");
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(new ProfileLoader(Map.of(), dir).load(profile),
                new AppContext(new AppHome(dir.resolve("plan-home")), new ProfileLoader(Map.of(), dir)).ports(rig.profile),
                ResetMode.ONLINE).plan();
        int switchIndex = plan.actions().stream().filter(a -> a.action().kind().equals(SwitchBucket.KIND)).findFirst()
                .orElseThrow().index();

        assertEquals(137, cli(home, "after:" + switchIndex, "reset", "--mode", "online", "--keep-data", "--yes"));
        writer.awaitWrites(5);
        assertEquals(0, cli(home, null, "rollback"), "rollback after the kill");

        assertEquals(originalId, influx.bucketIds().get(EVENTS), "switched back");
        assertNoBucketOfTheRunLeft(journal(home).runs().get(0).id(), ".undone-");
        assertEveryAcknowledgedPointLive("a rollback after a kill right after the switch");
    }

    private static void killWhileCarrying(Path home) throws Exception {
        Path log = home.resolveSibling(home.getFileName() + ".log");
        Files.createDirectories(home);
        Files.writeString(log, "");
        Process reset = CliProcess.start(home, log, null, List.of("--profile", profile.toString(), "reset", "--mode",
                "online", "--keep-data", "--yes"));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!Files.readString(log).contains("Carrying bucket " + EVENTS + ":")) {
            assertTrue(reset.isAlive(), "the reset ended before it carried: " + Files.readString(log));
            assertTrue(Instant.now().isBefore(deadline), "no carrying logged: " + Files.readString(log));
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
        reset.destroyForcibly().waitFor();
        writer.awaitWrites(3);
    }

    /** Only {@code kept} (the undone bucket a finished run's rollback keeps) may be left of the run's buckets. */
    private static void assertNoBucketOfTheRunLeft(String run, String kept) {
        List<String> left = influx.bucketIds().keySet().stream().filter(b -> b.contains(run))
                .filter(b -> kept.isEmpty() || !b.contains(kept)).toList();
        assertEquals(List.of(), left, "no .next or .before bucket of run " + run + " left");
    }

    private static void assertEveryAcknowledgedPointLive(String when) {
        writer.awaitWrites(3);
        assertEquals(writerStarted, writer.lastStart(), "the writer was never stopped, " + when);
        assertEquals(Set.of(), RigWriter.missingFrom(writer.acknowledged(), influx, EVENTS), "every acknowledged point is in the live bucket after " + when);
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
