package io.github.influxreset.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.checks.SchemaValidator;
import io.github.influxreset.engine.plan.ResetPlanner;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 31, item 1: a run fails once the services write again (the last one will not start), and
 * its rollback puts the old buckets back: what the services wrote into the new ones since the
 * restart is carried back into them, counted and said, and the rollback's safety set keeps it too.
 */
class WritesCarriedBackTest {
    private static final String EVENTS = "home_assistant_events";

    @TempDir
    Path dir;
    TestStack stack;
    Runner runner;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
        runner = stack.runner();
        stack.writeDriftedEvents(200, 10, 20);
        stack.writerWritesWhenStarted();
    }

    @ParameterizedTest
    @CsvSource({"BUCKETS,false", "BUCKETS,true", "FULL,false", "FULL,true"})
    void whatTheServicesWroteSinceTheRestartIsInTheRestoredBucket(ResetMode mode, boolean keepData) {
        long before = stack.influx.countPoints(EVENTS).get(EVENTS);
        stack.docker.failNextStartOf("sports-data");
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(stack.profile, stack.ports, mode).plan();
        RunContext run = runner.begin(plan, id -> new RunContext(stack.profile, stack.ports, stack.log, runner.journal(), id));

        assertThrows(ResetException.class, () -> {
            for (Step step : Step.values()) {
                if (step == Step.CONFIRM) {
                    run.confirm("homeiq");
                    run.chooseKeepData(keepData);
                }
                runner.runStep(run, plan, step, Progress.NONE);
                if (step == Step.RESET) {
                    stack.influx.write(EVENTS, EVENTS + ",entity_id=" + SchemaValidator.PROBE_PREFIX + "left-behind "
                            + "state_value=\"probe\" " + System.currentTimeMillis() * 1_000_000L + "\n");
                }
            }
        });

        RunRecord rolledBack = runner.journal().run(run.runId()).orElseThrow();
        assertEquals(RunStatus.ROLLED_BACK, rolledBack.status(), rolledBack.message());
        assertEquals(2, stack.influx.countWhere(EVENTS, EVENTS, "entity_id", "sensor.writer"),
                "the point the writer wrote after the run's restart, carried back, and the one it wrote after the rollback's");
        assertEquals(before + 2, stack.influx.countPoints(EVENTS).get(EVENTS), "the old points once each, and the writer's two");
        assertEquals(0, stack.influx.countWhere(EVENTS, EVENTS, "entity_id", SchemaValidator.PROBE_PREFIX + "left-behind"),
                "a probe a killed validation left is the run's test data, not carried back (found by the chaos suite)");
        assertTrue(rolledBack.message().contains("1 point(s) written to bucket " + EVENTS + " since the restart was carried"
                + " back into it"), rolledBack.message());
        var shelf = new io.github.influxreset.engine.session.ResetSession(stack.profile, stack.ports, runner, stack.log,
                Clock.systemUTC()).shelf();
        assertEquals(java.util.Set.of("reset's backup", "before a rollback"), shelf.list().stream().map(shelf::role)
                .collect(java.util.stream.Collectors.toSet()), "the browser tells the two sets apart (issue 30)");
    }
}
