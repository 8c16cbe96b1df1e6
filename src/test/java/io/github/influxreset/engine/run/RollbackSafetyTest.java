package io.github.influxreset.engine.run;

import io.github.influxreset.domain.DockerEngine;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.plan.ResetPlanner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.testing.FakeDocker;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A rollback checks every undo's preconditions and the run's staleness before it changes anything,
 * and backs up live data it would replace (the in-memory stack, the real journal and backup store).
 * Each test leaves a run "interrupted" as a killed process would: steps done, the run never ended.
 */
class RollbackSafetyTest {
    private static final int NEW_POINTS = 2000;
    @TempDir
    Path dir;
    TestStack stack;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
    }

    /** Runs the steps up to and including the reset, then "dies": the run stays open in the journal. */
    private String interruptedRun(ResetMode mode) {
        Runner runner = stack.runner();
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(stack.profile, stack.ports, mode).plan();
        RunContext run = runner.begin(plan, id -> new RunContext(stack.profile, stack.ports, stack.log, runner.journal(), id));
        run.confirm(stack.profile.confirmationWord());
        for (Step step : EnumSet.of(Step.PREREQUISITES, Step.BACKUP, Step.CONFIRM, Step.RESET)) {
            runner.runStep(run, plan, step, Progress.NONE);
        }
        return run.runId();
    }

    private RunContext context(Runner runner, String runId) {
        return new RunContext(stack.profile, stack.ports, stack.log, runner.journal(), runId);
    }

    /** The user kept using the stack: new points in the buckets the run had emptied. */
    private void writeNewPoints() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < NEW_POINTS; i++) {
            lines.append("home_assistant_events,entity_id=sensor.new state_value=\"n").append(i).append("\" ")
                    .append(1_800_000_000_000_000_000L + i).append('\n');
        }
        stack.influx.write("home_assistant_events", lines.toString());
    }

    /** The user rebuilt a service: its container is another one now. */
    private void replaceContainerOf(String service) {
        FakeDocker.Container old = stack.docker.containers().stream().filter(c -> c.service.equals(service)).findFirst().orElseThrow();
        stack.docker.removeContainer(old.id);
        stack.docker.addContainer("homeiq", service, old.image, old.volumes, true);
    }

    @ParameterizedTest
    @EnumSource(value = ResetMode.class, names = {"BUCKETS", "FULL"})
    void aRunWhoseBackupSetIsGoneIsNotRolledBackAndTheNewPointsStay(ResetMode mode) {
        String runId = interruptedRun(mode);
        writeNewPoints();
        String setId = stack.runner().journal().run(runId).orElseThrow().backupId();
        stack.ports.backups().delete(setId);
        List<String> callsBefore = stack.docker.calls();

        Runner runner = stack.runner();
        ResetException refused = assertThrows(ResetException.class, () -> runner.rollback(context(runner, runId)));

        assertEquals(ResetException.Reason.BAD_INPUT, refused.reason(), refused.getMessage());
        assertTrue(refused.getMessage().contains("backup set " + setId + " no longer exists"), refused.getMessage());
        assertTrue(refused.hint().contains("runs close " + runId), refused.hint());
        assertEquals(NEW_POINTS, stack.pointsInVolume(), "every new point is still there");
        assertEquals(callsBefore, stack.docker.calls().subList(0, callsBefore.size()));
        assertTrue(stack.docker.calls().subList(callsBefore.size(), stack.docker.calls().size()).stream()
                .noneMatch(c -> c.startsWith("stop") || c.startsWith("start") || c.startsWith("remove") || c.startsWith("create")),
                "no Docker call changed anything: " + stack.docker.calls());
        assertEquals(RunStatus.RUNNING, runner.journal().run(runId).orElseThrow().status(), "the run stays open");
    }

    @Test
    void aRunOnAStackRebuiltSinceIsStaleAndRefusedWithoutForce() {
        String runId = interruptedRun(ResetMode.BUCKETS);
        writeNewPoints();
        replaceContainerOf("data-api");

        Runner runner = stack.runner();
        RollbackPlan plan = runner.rollbackPlan(context(runner, runId));
        assertTrue(plan.stale(), plan.lines().toString());
        assertTrue(plan.staleReasons().stream().anyMatch(r -> r.contains("data-api") && r.contains("replaced")), plan.staleReasons().toString());
        assertEquals(NEW_POINTS, plan.liveBucketsAtRisk().get("home_assistant_events"));
        ResetException refused = assertThrows(ResetException.class, () -> runner.rollback(context(runner, runId)));

        assertEquals(ResetException.Reason.BAD_INPUT, refused.reason());
        assertTrue(refused.getMessage().contains("is stale"), refused.getMessage());
        assertTrue(refused.hint().contains("--force-stale"), refused.hint());
        assertEquals(NEW_POINTS, stack.pointsInVolume());
        assertEquals(1, stack.ports.backups().list().size(), "no set written by a refused rollback");
    }

    @Test
    void aRollbackOrResumeOnAnotherEngineThanTheRunsIsRefusedEvenForcedAndChangesNothing() {
        String runId = interruptedRun(ResetMode.BUCKETS);
        String stoppedOn = stack.profile.dockerHost();
        Profile p = stack.profile;
        Profile elsewhere = new Profile(p.name(), p.source(), p.stack(), DockerEngine.plain("unix:///run/user/1000/docker.sock",
                "DOCKER_HOST"), p.influx(), p.moveTo(), p.buckets(), p.schema(), p.services(), p.sqlite(), p.backups(),
                p.queryBudget(), p.warnings());
        List<String> callsBefore = stack.docker.calls();
        Runner runner = stack.runner();

        RollbackPlan plan = runner.rollbackPlan(new RunContext(elsewhere, stack.ports, stack.log, runner.journal(), runId));
        ResetException refused = assertThrows(ResetException.class, () -> runner.rollback(new RunContext(elsewhere, stack.ports,
                stack.log, runner.journal(), runId), true));

        assertTrue(plan.lines().stream().anyMatch(l -> l.strip().startsWith("NO ") && l.contains("the run stopped it on " + stoppedOn)
                && l.contains("DOCKER_HOST=" + stoppedOn)), plan.lines().toString());
        assertTrue(refused.userText().contains("stopped it on " + stoppedOn), refused.userText());
        assertEquals(callsBefore, stack.docker.calls().subList(0, callsBefore.size()));
        assertTrue(stack.docker.calls().subList(callsBefore.size(), stack.docker.calls().size()).stream()
                .noneMatch(c -> c.startsWith("stop") || c.startsWith("start") || c.startsWith("remove") || c.startsWith("create")),
                "no Docker call changed anything: " + stack.docker.calls());
        assertEquals(RunStatus.RUNNING, runner.journal().run(runId).orElseThrow().status(), "the run stays open");

        RunContext resumed = new RunContext(elsewhere, stack.ports, stack.log, runner.journal(), runId);
        resumed.confirm(elsewhere.confirmationWord());
        ResetException notResumed = assertThrows(ResetException.class, () -> runner.resume(resumed, runner.planOf(runId),
                Progress.NONE));
        assertTrue(notResumed.userText().contains("changed the stack on the Docker engine " + stoppedOn)
                && notResumed.userText().contains("Nothing was changed"), notResumed.userText());
        assertTrue(stack.docker.calls().subList(callsBefore.size(), stack.docker.calls().size()).stream()
                .noneMatch(c -> c.startsWith("stop") || c.startsWith("start") || c.startsWith("remove") || c.startsWith("create")),
                "the refused resume changed nothing either: " + stack.docker.calls());
    }

    @Test
    void aForcedRollbackOfAStaleRunBacksUpTheLiveDataFirst() {
        long original = stack.pointsInVolume();
        String runId = interruptedRun(ResetMode.BUCKETS);
        writeNewPoints();
        replaceContainerOf("data-api");

        Runner runner = stack.runner();
        List<String> lastLines = runner.rollback(context(runner, runId), true);

        assertEquals(original + NEW_POINTS, stack.pointsInVolume(), "the run's own backup is back, and the points written "
                + "to the new bucket since the stop are carried back into it (issue 31)");
        assertTrue(lastLines.stream().anyMatch(l -> l.startsWith(NEW_POINTS + " point(s) written to bucket "
                + "home_assistant_events since the restart were carried back")), lastLines.toString());
        String runSet = runner.journal().run(runId).orElseThrow().backupId();
        List<String> sets = stack.ports.backups().list();
        assertEquals(2, sets.size(), sets.toString());
        String safety = sets.stream().filter(s -> !s.equals(runSet)).findFirst().orElseThrow();
        stack.ports.backups().verify(safety);
        assertEquals(NEW_POINTS, stack.ports.backups().info(safety).buckets().stream()
                .filter(b -> b.name().equals("home_assistant_events")).findFirst().orElseThrow().totalPoints(),
                "the live points are in a verified set (beside the old bucket the run had set aside)");
        assertEquals(RunStatus.ROLLED_BACK, runner.journal().run(runId).orElseThrow().status());
    }

    @Test
    void aRunIdleForMoreThanADayIsStaleAndCannotBeResumed() {
        String runId = interruptedRun(ResetMode.BUCKETS);
        Clock dayLater = Clock.fixed(Instant.now().plus(RollbackPlanner.STALE_AFTER).plus(Duration.ofHours(1)), ZoneOffset.UTC);
        Runner later = new Runner(stack.journal(), stack.catalog, FaultInjector.NONE, ctx -> { }, dayLater);

        RollbackPlan plan = later.rollbackPlan(context(later, runId));
        assertTrue(plan.staleReasons().stream().anyMatch(r -> r.contains("25 h ago")), plan.staleReasons().toString());
        RunContext resumed = context(later, runId);
        resumed.confirm(stack.profile.confirmationWord());
        ResetException refused = assertThrows(ResetException.class, () -> later.resume(resumed, later.planOf(runId), Progress.NONE));
        assertTrue(refused.getMessage().contains("is stale, so it was not resumed"), refused.getMessage());
        assertEquals(ResetException.Reason.BAD_INPUT, refused.reason());
    }

    @Test
    void aRefusedResumeGivesTheStacksLockBack() {
        String runId = interruptedRun(ResetMode.BUCKETS);
        int[] held = {0};
        io.github.influxreset.engine.port.RunLock counting = (stack, id) -> {
            held[0]++;
            return () -> held[0]--;
        };
        Clock dayLater = Clock.fixed(Instant.now().plus(RollbackPlanner.STALE_AFTER).plus(Duration.ofHours(1)), ZoneOffset.UTC);
        Runner later = new Runner(stack.journal(), stack.catalog, FaultInjector.NONE, ctx -> { }, dayLater, counting);
        RunContext resumed = context(later, runId);
        resumed.confirm(stack.profile.confirmationWord());

        assertThrows(ResetException.class, () -> later.resume(resumed, later.planOf(runId), Progress.NONE));

        assertEquals(0, held[0], "the lock is given back when the resume is refused");
    }

    @ParameterizedTest
    @EnumSource(value = ResetMode.class, names = {"BUCKETS", "FULL"})
    void aFreshlyInterruptedRunIsNotStaleAndRollsBackEveryPoint(ResetMode mode) {
        long original = stack.pointsInVolume();
        String runId = interruptedRun(mode);

        Runner runner = stack.runner();
        RollbackPlan plan = runner.rollbackPlan(context(runner, runId));
        assertFalse(plan.stale(), plan.lines().toString());
        assertTrue(plan.failed().isEmpty(), plan.lines().toString());
        assertTrue(plan.lines().stream().anyMatch(l -> l.contains("ok  backup set")), plan.lines().toString());
        runner.rollback(context(runner, runId));

        assertEquals(original, stack.pointsInVolume());
        assertEquals(1, stack.ports.backups().list().size(), "nothing live was at risk, so no extra set");
    }

    @Test
    void aNewRunIsRefusedWhileOneOfTheSameProfileIsOpen() {
        String open = interruptedRun(ResetMode.BUCKETS);
        Runner runner = stack.runner();
        Plan next = new ResetPlanner(Clock.systemUTC()).plan(stack.profile, stack.ports, ResetMode.BUCKETS).plan();

        ResetException refused = assertThrows(ResetException.class, () -> runner.begin(next, id -> context(runner, id)));

        assertEquals(ResetException.Reason.BAD_INPUT, refused.reason());
        assertTrue(refused.getMessage().contains("Run " + open), refused.getMessage());
        assertTrue(runner.journal().run(next.id()).isEmpty(), "no second run recorded");
    }

    @Test
    void anEndedRunIsNotRolledBackAgain() {
        String runId = interruptedRun(ResetMode.BUCKETS);
        Runner runner = stack.runner();
        runner.rollback(context(runner, runId));

        ResetException again = assertThrows(ResetException.class, () -> runner.rollback(context(runner, runId)));

        assertTrue(again.getMessage().contains("has already ended (rolled back)"), again.getMessage());
    }
}
