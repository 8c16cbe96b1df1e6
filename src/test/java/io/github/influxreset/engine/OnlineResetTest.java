package io.github.influxreset.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.FieldType;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Step;
import io.github.influxreset.domain.SwitchNames;
import io.github.influxreset.engine.actions.SwitchBucket;
import io.github.influxreset.engine.plan.ResetPlanner;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.engine.run.Runner;
import io.github.influxreset.testing.MovingStack;
import io.github.influxreset.testing.StepByStep;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The online reset on the in-memory 2.x stack: new buckets filled beside the live ones while the
 * services write, switched to by name, the delta carried after; no service is stopped, nothing is
 * deleted, and a rollback switches back with what the services wrote in between.
 */
class OnlineResetTest {
    private static final int RECENT = 600;
    private static final int UNCONVERTIBLE = 25;
    private static final int OLD = 40;
    private static final String EVENTS = "home_assistant_events";

    @TempDir
    Path dir;
    TestStack stack;
    Runner runner;
    String originalId;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
        runner = stack.runner();
        stack.writeDriftedEvents(RECENT, UNCONVERTIBLE, OLD);
        originalId = stack.influx.bucketIds().get(EVENTS);
    }

    /** The whole online reset; the services write {@code late} points after the backup, {@code after} after the switch. */
    private RunContext online(int late, int after) {
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(stack.profile, stack.ports, ResetMode.ONLINE).plan();
        return StepByStep.run(runner, plan, id -> new RunContext(stack.profile, stack.ports, stack.log, runner.journal(), id),
                "homeiq", step -> {
                    if (step == Step.BACKUP) {
                        stack.influx.write(EVENTS, TestStack.lateEvents(late));
                    } else if (step == Step.RESET) {
                        stack.influx.write(EVENTS, afterTheSwitch(after));
                    }
                });
    }

    @Test
    void noServiceStopsAndTheNewBucketHoldsTheHistoryTheDeltaAndWhatWasWrittenAfterTheSwitch() {
        RunContext run = online(7, 5);

        assertEquals(RunStatus.SUCCEEDED, runner.journal().run(run.runId()).orElseThrow().status());
        assertFalse(stack.docker.calls().stream().anyMatch(c -> c.startsWith("stop ")), "no service stopped: "
                + stack.docker.calls());
        assertEquals(Map.of(EVENTS, RECENT + 7L + 5L), stack.influx.countPoints(EVENTS),
                "the carried history, the 7 written before the switch (the delta) and the 5 written after it");
        assertEquals(FieldType.FLOAT, stack.influx.fieldKeys(EVENTS, EVENTS).get("normalized_value"), "the new schema");
        SwitchNames names = new SwitchNames(EVENTS, run.runId());
        assertEquals(originalId, stack.influx.bucketIds().get(names.before()), "the old bucket kept, under the run's name");
        assertEquals(Map.of(EVENTS, RECENT + OLD + 7L), stack.influx.countPoints(names.before()), "with every old point");
        assertFalse(stack.influx.bucketIds().containsKey(names.next()));
        assertTrue(stack.events.stream().anyMatch(e -> e.message().startsWith("Bucket " + EVENTS + " is the new one now "
                + "(the switch took ")), "the switch's length is said");
        assertTrue(run.findings(Step.RESTART).stream().anyMatch(f -> f.message().equals("5 new points since the switch")),
                "the services' points flow into the new bucket: " + run.findings(Step.RESTART));
        assertFalse(run.findings(Step.VALIDATE).stream().anyMatch(f -> f.severity().isProblem()), run.findings().toString());
        String report = io.github.influxreset.engine.report.RunReport.markdown(
                io.github.influxreset.engine.report.RunSummaries.of(run, runner.journal()));
        assertTrue(report.contains("No service was stopped.") && report.matches("(?s).*the longest switch, while a name "
                + "had no bucket, took \\*\\*\\d+ ms\\*\\*.*"), report);
    }

    @Test
    void aRollbackOfTheFinishedRunSwitchesBackWithWhatTheServicesWroteToTheNewBucket() {
        RunContext run = online(7, 5);

        runner.rollback(run);

        assertEquals(RunStatus.ROLLED_BACK, runner.journal().run(run.runId()).orElseThrow().status());
        assertEquals(originalId, stack.influx.bucketIds().get(EVENTS), "the old bucket has its name again");
        assertEquals(Map.of(EVENTS, RECENT + OLD + 7L + 5L), stack.influx.countPoints(EVENTS),
                "its own points and the 5 written to the new bucket after the switch");
        SwitchNames names = new SwitchNames(EVENTS, run.runId());
        assertEquals(Map.of(EVENTS, RECENT + 7L + 5L), stack.influx.countPoints(names.undone()),
                "the new bucket is kept, never deleted");
    }

    @Test
    void aSwitchCutOffBetweenItsTwoRenamesIsFinishedByResumingOrUndoneByTheRollback() {
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(stack.profile, stack.ports, ResetMode.ONLINE).plan();
        RunContext run = runner.begin(plan, id -> new RunContext(stack.profile, stack.ports, stack.log, runner.journal(), id));
        SwitchNames names = new SwitchNames(EVENTS, run.runId());
        stack.influx.createBucket(new io.github.influxreset.domain.BucketSpec(names.next(),
                io.github.influxreset.domain.Retention.parse("365d").orElseThrow()));
        String newId = stack.influx.bucketIds().get(names.next());
        stack.influx.renameBucket(originalId, names.before());
        SwitchBucket cutOff = SwitchBucket.of(EVENTS, run.runId(), true);

        cutOff.undo(run);

        assertEquals(originalId, stack.influx.bucketIds().get(EVENTS), "undone: the old bucket has its name again");
        assertEquals(newId, stack.influx.bucketIds().get(names.next()), "and the new one was never switched to");
        stack.influx.renameBucket(originalId, names.before());

        cutOff.execute(run);
        cutOff.execute(run);

        assertEquals(newId, stack.influx.bucketIds().get(EVENTS), "resumed (twice): the new bucket has the name");
        assertEquals(originalId, stack.influx.bucketIds().get(names.before()));
    }

    @Test
    void onInfluxDb1xTheOnlineResetIsRefusedWithASentenceAndNothingChanges() throws Exception {
        MovingStack oneX = new MovingStack(dir.resolve("1x"));

        ResetException refused = assertThrows(ResetException.class, () -> new ResetPlanner(Clock.systemUTC())
                .plan(oneX.stack.profile, oneX.stack.ports, ResetMode.ONLINE));

        assertEquals(ResetException.Reason.BAD_INPUT, refused.reason());
        assertTrue(refused.getMessage().contains("InfluxDB 1.x cannot"), refused.getMessage());
        assertEquals(List.of(), oneX.stack.docker.calls().stream().filter(c -> !c.startsWith("discover")).toList());
    }

    /** Points of the new schema's types, written to the bucket's name after the switch. */
    private static String afterTheSwitch(int count) {
        long now = System.currentTimeMillis() * 1_000_000L;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append(EVENTS).append(",entity_id=sensor.after state_value=\"").append(i).append("\" ")
                    .append(now + 1_000_000L + i).append('\n');
        }
        return lines.toString();
    }
}
