package io.github.influxreset.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.engine.actions.SealBackup;
import io.github.influxreset.engine.actions.StartService;
import io.github.influxreset.engine.actions.StopService;
import io.github.influxreset.engine.plan.ResetPlanner;
import io.github.influxreset.engine.port.BackupStore;
import io.github.influxreset.engine.run.ActionRecord;
import io.github.influxreset.engine.run.ActionStatus;
import io.github.influxreset.engine.run.Journal;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.RunRecord;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.influx.v2.InfluxV2Adapter;
import io.github.influxreset.testing.BlackBox;
import io.github.influxreset.testing.CliProcess;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import io.github.influxreset.testing.RigWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24: a buckets reset on 2.x seals its backup after the restart, from the buckets it renamed
 * aside at the stop. From outside on 2.7.12 with the rig's writer posting every 0.2 s, the CLI is
 * killed right before that seal (the services write again, the set not yet sealed) and right after
 * it. Killed before: {@code rollback} gives back the old points and every acknowledged writer point.
 * Killed after: {@code reset --resume} finishes, and the run's verified set holds the old points and
 * every point the writer had acknowledged before the run stopped it.
 */
@ExtendWith(RequiresDocker.class)
class SealAfterTheRestartKilledIT {
    private static final int POINTS = 20_000;
    private static final String EVENTS = "home_assistant_events";

    @TempDir
    Path dir;

    @Test
    void aKillAroundTheSealAfterTheRestartIsRolledBackOrResumedWithNothingLost() throws Exception {
        try (RigStack rig = RigStack.v2(dir.resolve("rig")).start()) {
            InfluxV2Adapter influx = new InfluxV2Adapter(rig.profile.influx());
            BlackBox.seedEvents(influx, POINTS);
            RigWriter writer = RigWriter.start(rig);
            Path profile = RigWriter.listedIn(rig.profile.source().orElseThrow());
            int seal = sealIndex(new ProfileLoader(Map.of(), rig.dir).load(profile));
            Path log = dir.resolve("cli.log");
            List<String> reset = BlackBox.args(profile, "reset", "--mode", "buckets", "--keep-data", "--yes");

            Path rolledBack = dir.resolve("rolled-back");
            assertEquals(137, CliProcess.run(rolledBack, log, "before:" + seal, reset), "killed before the seal");
            assertSealNotRun(BlackBox.journal(rig, rolledBack));
            assertEquals(0, CliProcess.run(rolledBack, log, null, BlackBox.args(profile, "rollback")));
            writer.awaitWrites(3);
            assertEquals(POINTS, pointsOf(influx), "the old points are back");
            assertEveryAcknowledgedPointIsLive(writer, influx, "after the rollback");

            Path resumed = dir.resolve("resumed");
            assertEquals(137, CliProcess.run(resumed, log, "after:" + seal, reset), "killed after the seal");
            assertEquals(0, CliProcess.run(resumed, log, null, BlackBox.args(profile, "reset", "--resume", "--yes")));
            Journal journal = BlackBox.journal(rig, resumed);
            RunRecord run = journal.runs().get(0);
            assertEquals(RunStatus.SUCCEEDED, run.status());
            Instant stopped = journal.actions(run.id()).stream().filter(a -> a.kind().equals(StopService.KIND))
                    .map(ActionRecord::started).min(Instant::compareTo).orElseThrow();
            BackupStore backups = new AppContext(new AppHome(resumed), new ProfileLoader(Map.of(), rig.dir))
                    .ports(rig.profile).backups();
            backups.verify(run.backupId());
            StringBuilder set = new StringBuilder();
            backups.exportLines(run.backupId(), EVENTS, line -> set.append(line).append('\n'));
            Set<Long> missing = new TreeSet<>(writer.acknowledgedBefore(stopped));
            missing.removeAll(RigWriter.numbersIn(set.toString()));
            assertEquals(Set.of(), missing, "every point acknowledged before the stop is in the run's sealed set");
            assertTrue(set.toString().lines().filter(l -> !l.startsWith(RigWriter.MEASUREMENT + ",")).count() >= POINTS,
                    "the old points are in the set");
            writer.awaitWrites(3);
            assertEveryAcknowledgedPointIsLive(writer, influx, "after the resumed reset kept the data");
            assertTrue(influx.bucketIds().keySet().stream().noneMatch(b -> b.contains(".before-")), "no bucket left aside");
        }
    }

    private int sealIndex(Profile profile) {
        var ports = new AppContext(new AppHome(dir.resolve("plan-home")), new ProfileLoader(Map.of(), dir)).ports(profile);
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(profile, ports, ResetMode.BUCKETS).plan();
        return plan.actions().stream().filter(a -> a.action().kind().equals(SealBackup.KIND)).findFirst()
                .orElseThrow().index();
    }

    private static void assertSealNotRun(Journal journal) {
        RunRecord run = journal.runs().get(0);
        List<ActionRecord> actions = journal.actions(run.id());
        assertTrue(actions.stream().anyMatch(a -> a.kind().equals(StartService.KIND) && a.status() == ActionStatus.DONE),
                "killed once the services were started again");
        assertTrue(actions.stream().noneMatch(a -> a.kind().equals(SealBackup.KIND) && a.status() == ActionStatus.DONE),
                "killed before the seal");
    }

    private static long pointsOf(InfluxV2Adapter influx) {
        return influx.countPoints(EVENTS).getOrDefault(EVENTS, 0L);
    }

    private static void assertEveryAcknowledgedPointIsLive(RigWriter writer, InfluxV2Adapter live, String when) {
        Set<Long> acknowledged = writer.acknowledged();
        assertEquals(Set.of(), RigWriter.missingFrom(acknowledged, live, EVENTS), "every point the writer had acknowledged (" + acknowledged.size() + ") is live " + when);
    }
}
