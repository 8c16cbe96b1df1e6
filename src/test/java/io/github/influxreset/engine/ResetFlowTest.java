package io.github.influxreset.engine;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.plan.ResetPlanner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.engine.run.ActionRecord;
import io.github.influxreset.engine.run.ActionStatus;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.engine.run.Runner;
import io.github.influxreset.testing.InfluxData;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole flow through the real runner, journal and backup store, on the in-memory stack. */
class ResetFlowTest {
    @TempDir
    Path dir;
    TestStack stack;
    Runner runner;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
        runner = stack.runner();
    }

    private RunContext run(ResetMode mode, EnumSet<Step> steps, Plan[] planOut) {
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(stack.profile, stack.ports, mode).plan();
        planOut[0] = plan;
        RunContext run = runner.begin(plan, id -> new RunContext(stack.profile, stack.ports, stack.log, runner.journal(), id));
        run.confirm("homeiq");
        for (Step step : steps) {
            runner.runStep(run, plan, step, Progress.NONE);
        }
        return run;
    }

    @ParameterizedTest
    @EnumSource(value = ResetMode.class, mode = EnumSource.Mode.EXCLUDE, names = {"REPAIR", "ONLINE"})
    void aResetLeavesEmptyBucketsWithTheProfilesRetentionAndAVerifiedBackup(ResetMode mode) {
        Plan[] plan = new Plan[1];
        RunContext run = run(mode, EnumSet.allOf(Step.class), plan);
        runner.finish(run);

        InfluxData data = stack.docker.volume(TestStack.INFLUX_VOLUME);
        assertEquals(0, data.totalPoints(), "old points and the probe are gone");
        stack.profile.buckets().forEach(b -> assertEquals(b.retention(), data.buckets.get(b.name()).retention));
        String backupId = run.backupId();
        stack.ports.backups().verify(backupId);
        assertTrue(Files.isRegularFile(stack.profile.backups().dir().resolve(backupId).resolve("sqlite/metadata.db")));
        stack.profile.services().forEach(s -> assertTrue(stack.docker.running(s.name()).isPresent(), s.name()));
        assertTrue(stack.docker.volumes().keySet().stream().noneMatch(v -> v.contains("-keep-")), "kept copies removed");
        assertEquals(RunStatus.SUCCEEDED, runner.journal().run(run.runId()).orElseThrow().status());
    }

    /**
     * Issue 30, item 4: the report of a rolled-back run told each action's time until its undo (the
     * checks "127925 ms"), every bar running to the end. The undo keeps the time the action ended.
     */
    @Test
    void aRolledBackRunKeepsTheTimeEachActionTookAndWhenItWasUndone() {
        RunContext run = run(ResetMode.FULL, EnumSet.of(Step.PREREQUISITES, Step.BACKUP, Step.CONFIRM, Step.RESET), new Plan[1]);
        stack.journalClock.advance(java.time.Duration.ofMinutes(2));

        runner.rollback(run);

        io.github.influxreset.engine.run.ActionRecord checks = runner.journal().actions(run.runId()).get(0);
        assertEquals(io.github.influxreset.engine.run.ActionStatus.UNDONE, checks.status());
        assertTrue(java.time.Duration.between(checks.started(), checks.ended()).toSeconds() < 60,
                "the checks took what they took, not the time until the undo: " + checks);
        assertTrue(checks.undone().isAfter(checks.ended().plusSeconds(100)), "and when they were undone: " + checks);
    }

    /** Issue 30, item 4: a service without a health check is said to be running, not healthy. */
    @Test
    void aServiceWithoutAHealthCheckIsSaidToRunNotToBeHealthy() throws Exception {
        stack = new TestStack(dir.resolve("without-health"), text -> text.replace(
                "{name: sports-data, health: http://127.0.0.1:8005/health}", "{name: sports-data}"));
        runner = stack.runner();
        runner.finish(run(ResetMode.FULL, EnumSet.allOf(Step.class), new Plan[1]));

        List<String> said = stack.events.stream().map(e -> e.message()).toList();
        assertTrue(said.contains("Service sports-data is running (it has no health check: no health URL in the profile, none "
                + "in its image)."), said.toString());
        assertTrue(said.contains("Service data-api is healthy (http://127.0.0.1:8006/health answers)."), said.toString());
    }

    @ParameterizedTest
    @EnumSource(value = ResetMode.class, mode = EnumSource.Mode.EXCLUDE, names = {"REPAIR", "ONLINE"})
    void rollbackAfterTheResetBringsBackEveryPointAndEveryService(ResetMode mode) {
        long before = stack.pointsInVolume();
        Plan[] plan = new Plan[1];
        RunContext run = run(mode, EnumSet.of(Step.PREREQUISITES, Step.BACKUP, Step.CONFIRM, Step.RESET), plan);
        assertEquals(0, stack.pointsInVolume() == before ? -1 : 0, "the reset removed the data");

        runner.rollback(run);

        assertEquals(before, stack.pointsInVolume());
        InfluxData data = stack.docker.volume(TestStack.INFLUX_VOLUME);
        assertEquals(Retention.parse("30d").orElseThrow(), data.buckets.get("home_assistant_events").retention);
        stack.profile.services().forEach(s -> assertTrue(stack.docker.running(s.name()).isPresent(), s.name()));
        assertTrue(stack.docker.running("influxdb").isPresent());
        assertEquals(1, stack.docker.containers().stream().filter(c -> c.service.equals("influxdb")).count());
        assertTrue(stack.docker.volumes().keySet().stream().noneMatch(v -> v.contains("-keep-")), "no copies left");
        assertEquals(List.of(), stack.bucketsSetAside(), "no bucket left aside");
        assertEquals(RunStatus.ROLLED_BACK, runner.journal().run(run.runId()).orElseThrow().status());
    }

    /** On 2.x the buckets reset renames the old buckets aside while the services wait, and deletes them last. */
    @Test
    void aBucketsResetSetsTheOldBucketsAsideAndDeletesThemOnceTheServicesWriteAgain() {
        Plan[] plan = new Plan[1];
        RunContext interrupted = run(ResetMode.BUCKETS, EnumSet.of(Step.PREREQUISITES, Step.BACKUP, Step.CONFIRM, Step.RESET),
                plan);
        assertTrue(stack.bucketsSetAside().contains("home_assistant_events.before-" + interrupted.runId()),
                stack.bucketsSetAside().toString());
        runner.rollback(interrupted);

        run(ResetMode.BUCKETS, EnumSet.allOf(Step.class), plan);

        assertEquals(List.of(), stack.bucketsSetAside(), "deleted once the services wrote again");
        assertTrue(stack.docker.calls().stream().noneMatch(c -> c.startsWith("remove volume")));
    }

    @Test
    void aRunInterruptedAfterItsCleanUpIsRolledBackFromTheBackupSnapshot() {
        long before = stack.pointsInVolume();
        Plan[] plan = new Plan[1];
        RunContext run = run(ResetMode.FULL, EnumSet.allOf(Step.class), plan);
        assertTrue(stack.docker.volumes().keySet().stream().noneMatch(v -> v.contains("-keep-")), "the copy is gone");

        runner.rollback(run);

        assertEquals(before, stack.pointsInVolume(), "every point, from the set's volume snapshot");
        assertEquals(RunStatus.ROLLED_BACK, runner.journal().run(run.runId()).orElseThrow().status());
    }

    @Test
    void servicesComeBackInProfileOrderAfterTheyStoppedInReverse() {
        Plan[] plan = new Plan[1];
        RunContext run = run(ResetMode.BUCKETS, EnumSet.of(Step.PREREQUISITES, Step.BACKUP, Step.CONFIRM, Step.RESET), plan);
        runner.rollback(run);

        List<String> calls = stack.docker.calls();
        assertEquals(List.of("stop sports-data", "stop data-api", "stop enrichment-pipeline", "stop websocket-ingestion",
                "start websocket-ingestion", "start enrichment-pipeline", "start data-api", "start sports-data"),
                calls.stream().filter(c -> c.startsWith("stop ") || c.startsWith("start ")).toList());
    }

    @Test
    void aServiceThatFailsToStartOnceFailsTheRestartAndEverythingIsRolledBack() {
        long before = stack.pointsInVolume();
        stack.docker.failNextStartOf("data-api");
        Plan[] plan = new Plan[1];
        RunContext run = run(ResetMode.FULL, EnumSet.of(Step.PREREQUISITES, Step.BACKUP, Step.CONFIRM, Step.RESET,
                Step.VALIDATE), plan);

        ResetException failure = assertThrows(ResetException.class,
                () -> runner.runStep(run, plan[0], Step.RESTART, Progress.NONE));

        assertEquals(ResetException.Reason.STEP_FAILED, failure.reason());
        assertEquals(before, stack.pointsInVolume());
        stack.profile.services().forEach(s -> assertTrue(stack.docker.running(s.name()).isPresent(), s.name()));
        assertEquals(RunStatus.ROLLED_BACK, runner.journal().run(run.runId()).orElseThrow().status());
    }

    @Test
    void aServiceThatNeverBecomesHealthyGetsTheDataBackAndTheRunNeedsAttention() {
        long before = stack.pointsInVolume();
        stack.docker.failStartOf("sports-data");
        Plan[] plan = new Plan[1];
        RunContext run = run(ResetMode.FULL, EnumSet.of(Step.PREREQUISITES, Step.BACKUP, Step.CONFIRM, Step.RESET,
                Step.VALIDATE), plan);

        ResetException failure = assertThrows(ResetException.class,
                () -> runner.runStep(run, plan[0], Step.RESTART, Progress.NONE));

        assertEquals(ResetException.Reason.NEEDS_ATTENTION, failure.reason());
        assertTrue(failure.getMessage().contains("could not start service sports-data again"), failure.getMessage());
        assertEquals(before, stack.pointsInVolume(), "every point is back");
        assertEquals(RunStatus.ROLLBACK_FAILED, runner.journal().run(run.runId()).orElseThrow().status());
        assertFalse(stack.docker.running("sports-data").isPresent(), "sports-data was stopped by the reset and stays stopped");
        assertTrue(stack.docker.running("data-api").isPresent());
    }

    @Test
    void resetWithoutConfirmationStopsBeforeAnythingIsChanged() {
        long before = stack.pointsInVolume();
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(stack.profile, stack.ports, ResetMode.FULL).plan();
        RunContext run = runner.begin(plan, id -> new RunContext(stack.profile, stack.ports, stack.log, runner.journal(), id));
        runner.runStep(run, plan, Step.PREREQUISITES, Progress.NONE);
        runner.runStep(run, plan, Step.BACKUP, Progress.NONE);
        run.confirm("wrong");

        ResetException refused = assertThrows(ResetException.class, () -> runner.runStep(run, plan, Step.CONFIRM, Progress.NONE));

        assertEquals(ResetException.Reason.BAD_INPUT, refused.reason());
        assertEquals(before, stack.pointsInVolume());
        assertTrue(stack.docker.calls().stream().noneMatch(c -> c.startsWith("stop")));
    }
}
