package io.github.influxreset.engine;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.plan.ResetPlanner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.domain.Severity;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.PlannedAction;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.engine.run.Runner;
import io.github.influxreset.testing.InfluxData;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --mode repair} on the in-memory stack, whose buckets keep 30 days where the profile asks
 * for 365, 90 and 180: what HomeIQ's own team did by hand (retention updated, missing buckets
 * created), nothing deleted, no service stopped, undoable.
 */
class RepairTest {
    @TempDir
    Path dir;
    TestStack stack;
    Runner runner;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
        runner = stack.runner();
    }

    private Plan plan() {
        return new ResetPlanner(Clock.systemUTC()).plan(stack.profile, stack.ports, ResetMode.REPAIR).plan();
    }

    private RunContext run(Plan plan, EnumSet<Step> steps) {
        RunContext run = runner.begin(plan, id -> new RunContext(stack.profile, stack.ports, stack.log, runner.journal(), id));
        run.confirm("homeiq");
        steps.forEach(step -> runner.runStep(run, plan, step, Progress.NONE));
        return run;
    }

    @Test
    void theRetentionIsFixedInPlaceWithEveryPointKeptAndNoServiceStopped() {
        long before = stack.pointsInVolume();
        stack.ports.influx().deleteBucket("system_metrics");

        RunContext run = run(plan(), EnumSet.allOf(Step.class));
        runner.finish(run);

        InfluxData data = stack.docker.volume(TestStack.INFLUX_VOLUME);
        stack.profile.buckets().forEach(b -> assertEquals(b.retention(), data.buckets.get(b.name()).retention, b.name()));
        assertEquals(before, stack.pointsInVolume(), "not one point deleted");
        assertTrue(stack.docker.calls().stream().noneMatch(c -> c.startsWith("stop") || c.startsWith("remove")),
                stack.docker.calls().toString());
        assertTrue(run.backupId() != null, "the verified backup came first");
        assertEquals(RunStatus.SUCCEEDED, runner.journal().run(run.runId()).orElseThrow().status());
    }

    @Test
    void thePlanDoesOnlyWhatCanBeFixedInPlace() {
        stack.ports.influx().deleteBucket("system_metrics");

        List<String> kinds = plan().actions().stream().filter(a -> a.step() == Step.RESET).map(a -> a.action().describe())
                .toList();

        assertEquals(List.of(
                "Change the retention of bucket home_assistant_events from 30d to 365d in place (no point is deleted)",
                "Change the retention of bucket sports_data from 30d to 90d in place (no point is deleted)",
                "Change the retention of bucket weather_data from 30d to 180d in place (no point is deleted)",
                "Create bucket system_metrics with retention 30d"), kinds);
        assertTrue(plan().actions().stream().noneMatch(a -> a.step() == Step.RESTART), "nothing was stopped");
    }

    @Test
    void aShorterRetentionIsSaidBeforeTheUserConfirms() {
        stack.docker.volume(TestStack.INFLUX_VOLUME).buckets.get("system_metrics").retention = Retention.parse("90d").orElseThrow();

        PlannedAction shorter = plan().actions().stream().filter(a -> a.action().describe().contains("system_metrics"))
                .findFirst().orElseThrow();

        assertEquals("Change the retention of bucket system_metrics from 90d to 30d: SHORTER, so InfluxDB will delete the "
                + "points older than 30d (they stay in the backup set)", shorter.action().describe());
        assertTrue(shorter.action().destructive(), "so the verified backup must come before it");
    }

    @Test
    void whatOnlyAResetCanFixIsAWarningNamingTheModeThatCan() {
        stack.ports.influx().write("home_assistant_events", "home_assistant_events,entity_id=a,stray=x confidence=\"high\" 1\n");

        RunContext run = run(plan(), EnumSet.allOf(Step.class));
        runner.finish(run);

        List<Finding> validation = run.findings(Step.VALIDATE);
        Finding type = validation.stream().filter(f -> f.message().contains("field confidence is string")).findFirst()
                .orElseThrow(() -> new AssertionError(validation.toString()));
        assertEquals(Severity.WARNING, type.severity());
        assertTrue(type.message().endsWith("not fixable in place; a reset (--mode buckets or full) recreates the structure, "
                + "with the points left in the backup set"), type.message());
        assertFalse(validation.stream().anyMatch(f -> f.severity().isProblem()), validation.toString());
    }

    @Test
    void rollbackPutsTheOldRetentionBackAndDeletesOnlyTheBucketItCreated() {
        long before = stack.pointsInVolume();
        stack.ports.influx().deleteBucket("system_metrics");
        RunContext run = run(plan(), EnumSet.of(Step.PREREQUISITES, Step.BACKUP, Step.CONFIRM, Step.RESET));

        runner.rollback(run);

        InfluxData data = stack.docker.volume(TestStack.INFLUX_VOLUME);
        assertEquals(Retention.parse("30d").orElseThrow(), data.buckets.get("home_assistant_events").retention);
        assertFalse(data.buckets.containsKey("system_metrics"), "the bucket the repair created is gone again");
        assertEquals(before, stack.pointsInVolume());
    }
}
