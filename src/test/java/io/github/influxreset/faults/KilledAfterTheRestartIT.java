package io.github.influxreset.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BackupInfo;
import io.github.influxreset.engine.actions.StartService;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.engine.run.ActionRecord;
import io.github.influxreset.engine.run.ActionStatus;
import io.github.influxreset.engine.run.Journal;
import io.github.influxreset.engine.run.RunRecord;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.influx.v2.InfluxV2Adapter;
import io.github.influxreset.testing.BlackBox;
import io.github.influxreset.testing.CliProcess;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import io.github.influxreset.testing.RigWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 31, item 4, from outside on the real servers: a reset that keeps the data is {@code kill -9}ed
 * in its restart phase, once the writer (a service of the stack posting a numbered point every 0.2 s)
 * has written into the new bucket again. {@code rollback}: exit 0, the old points back, and every
 * point the writer had acknowledged, before the stop and after the restart, in the live bucket. Then
 * the set the rollback wrote first is merged back by {@code restore --into-existing}: exit 0, nothing lost.
 */
@ExtendWith(RequiresDocker.class)
class KilledAfterTheRestartIT {
    private static final int POINTS = 20_000;
    private static final String EVENTS = "home_assistant_events";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "InfluxDB {0}.x, --mode {1}")
    @CsvSource({"1, full", "2, full", "2, buckets"})
    void aRollbackAfterAKillInTheRestartKeepsWhatTheServicesWroteSince(int version, String mode) throws Exception {
        RigStack made = version == 1 ? new RigStack(dir.resolve("rig")) : RigStack.v2(dir.resolve("rig"));
        try (RigStack rig = made.start()) {
            InfluxPort influx = influx(rig);
            BlackBox.seedEvents(influx, POINTS);
            RigWriter writer = RigWriter.start(rig);
            Path profile = RigWriter.listedIn(rig.profile.source().orElseThrow());
            Path home = dir.resolve("home");
            Path log = dir.resolve("cli.log");

            Process reset = CliProcess.start(home, log, null, BlackBox.args(profile, "reset", "--mode", mode, "--keep-data",
                    "--yes"));
            killOnceTheWriterWroteAgain(reset, journal(rig, home), writer);

            RunRecord killed = journal(rig, home).runs().get(0);
            assertTrue(killed.status().isUnfinished(), "killed in its restart phase, not after it: " + killed.status());
            assertEquals(0, CliProcess.run(home, log, null, BlackBox.args(profile, "rollback")), "rollback after the kill");
            assertEquals(RunStatus.ROLLED_BACK, journal(rig, home).run(killed.id()).orElseThrow().status());
            writer.awaitWrites(3);
            InfluxPort live = influx(rig);
            assertEquals(POINTS, live.countPoints(EVENTS).get(EVENTS), "the old points are back");
            assertEveryAcknowledgedPointIsLive(writer, live, "after the rollback");

            String safetySet = newestSetBesides(rig, home, killed.backupId());
            assertEquals(0, CliProcess.run(home, log, null, BlackBox.args(profile, "restore", safetySet, "--into-existing",
                    "--yes")), "the rollback's own set merged back");
            writer.awaitWrites(3);
            assertEquals(POINTS, influx(rig).countPoints(EVENTS).get(EVENTS), "nothing doubled");
            assertEveryAcknowledgedPointIsLive(writer, influx(rig), "after the merge");
        }
    }

    /** Polls the journal until the run started the writer again and the writer had one more point acknowledged, then kills. */
    private static void killOnceTheWriterWroteAgain(Process reset, Journal journal, RigWriter writer) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        int acknowledgedAtRestart = -1;
        while (reset.isAlive() && System.nanoTime() < deadline) {
            if (acknowledgedAtRestart < 0 && writerStartedAgain(journal)) {
                acknowledgedAtRestart = writer.acknowledged().size();
            } else if (acknowledgedAtRestart >= 0 && writer.acknowledged().size() > acknowledgedAtRestart) {
                reset.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                return;
            }
            LockSupport.parkNanos(20_000_000L);
        }
        throw new AssertionError("the reset ended (or hung) before the writer wrote again after its restart; exit "
                + (reset.isAlive() ? "none" : reset.exitValue()));
    }

    private static boolean writerStartedAgain(Journal journal) {
        return journal.runs().stream().findFirst().map(run -> journal.actions(run.id()).stream()
                .anyMatch(KilledAfterTheRestartIT::isTheWriterStarted)).orElse(false);
    }

    private static boolean isTheWriterStarted(ActionRecord action) {
        return action.kind().equals(StartService.KIND) && action.status() == ActionStatus.DONE
                && RigWriter.SERVICE.equals(action.params().get("service"));
    }

    private static void assertEveryAcknowledgedPointIsLive(RigWriter writer, InfluxPort live, String when) {
        Set<Long> acknowledged = writer.acknowledged();
        assertEquals(Set.of(), RigWriter.missingFrom(acknowledged, live, EVENTS), "every point the writer had acknowledged (" + acknowledged.size() + ") is live " + when);
    }

    private static String newestSetBesides(RigStack rig, Path home, String runSet) {
        var backups = new AppContext(new AppHome(home), new ProfileLoader(Map.of(), rig.dir)).ports(rig.profile).backups();
        return backups.list().stream().filter(id -> !id.equals(runSet)).map(backups::info)
                .max(Comparator.comparing(BackupInfo::created)).map(BackupInfo::id).orElseThrow();
    }

    private static Journal journal(RigStack rig, Path home) {
        return BlackBox.journal(rig, home);
    }

    private static InfluxPort influx(RigStack rig) {
        return rig.version == 1 ? new InfluxV1Adapter(rig.profile.influx()) : new InfluxV2Adapter(rig.profile.influx());
    }
}
