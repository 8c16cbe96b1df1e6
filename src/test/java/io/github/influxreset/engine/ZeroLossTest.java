package io.github.influxreset.engine;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.plan.ResetPlanner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.Runner;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Points written while the backup is made, before the writers stop, are never lost; and a backup
 * is complete (every value counted from its own files), not only intact. In-memory stack, real
 * runner, journal and backup store.
 */
class ZeroLossTest {
    @TempDir
    Path dir;
    TestStack stack;
    Runner runner;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
        runner = stack.runner();
    }

    private RunContext begin(Plan plan) {
        RunContext run = runner.begin(plan, id -> new RunContext(stack.profile, stack.ports, stack.log, runner.journal(), id));
        run.confirm(stack.profile.confirmationWord());
        return run;
    }

    @ParameterizedTest
    @EnumSource(value = ResetMode.class, names = {"BUCKETS", "FULL"})
    void pointsWrittenAfterTheBackupAndBeforeTheStopAreInTheRunsBackup(ResetMode mode) {
        stack.writerWritesWhenStarted();
        long before = stack.pointsInVolume();
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(stack.profile, stack.ports, mode).plan();
        RunContext run = begin(plan);
        runner.runStep(run, plan, Step.PREREQUISITES, Progress.NONE);
        runner.runStep(run, plan, Step.BACKUP, Progress.NONE);
        String first = run.backupId();
        stack.influx.write("home_assistant_events", "home_assistant_events,entity_id=late state_value=\"w\" 1700000009000000000\n"
                + "home_assistant_events,entity_id=late state_value=\"x\" 1700000010000000000\n");
        runner.runStep(run, plan, Step.CONFIRM, Progress.NONE);

        runner.runStep(run, plan, Step.RESET, Progress.NONE);
        runner.runStep(run, plan, Step.VALIDATE, Progress.NONE);
        runner.runStep(run, plan, Step.RESTART, Progress.NONE);

        String sealed = run.backupId();
        assertEquals(first, sealed, "the run's set was sealed, not written again");
        assertEquals(1, stack.ports.backups().list().size());
        assertTrue(stack.ports.backups().info(sealed).sealed().isPresent());
        assertEquals(before + 2, stack.ports.backups().info(sealed).totalPoints(), "the late points are in the run's backup");
        stack.ports.backups().verify(sealed);
        assertTrue(stack.events.stream().anyMatch(e -> e.message().contains("Points were written after the backup set was made")));
        runner.rollback(run);
        assertEquals(before + 2 + 2, stack.pointsInVolume(), "a rollback brings the late points back too (with the "
                + "writer's point of the run's restart, carried back, and the one of the rollback's restart)");
    }

    @Test
    void withNothingWrittenSinceTheBackupNoSecondSetIsWritten() {
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(stack.profile, stack.ports, ResetMode.BUCKETS).plan();
        RunContext run = begin(plan);
        for (Step step : new Step[] {Step.PREREQUISITES, Step.BACKUP, Step.CONFIRM, Step.RESET, Step.VALIDATE, Step.RESTART}) {
            runner.runStep(run, plan, step, Progress.NONE);
        }

        assertEquals(1, stack.ports.backups().list().size());
        assertTrue(stack.events.stream().anyMatch(e -> e.message().startsWith("The backup set holds every point")));
    }

    @Test
    void anExportThatMissesValuesFailsTheBackupAndNothingIsDeleted() {
        stack.influx.dropExportedLinesMatching("entity_id=sensor.t3");
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(stack.profile, stack.ports, ResetMode.BUCKETS).plan();
        RunContext run = begin(plan);
        runner.runStep(run, plan, Step.PREREQUISITES, Progress.NONE);
        long before = stack.pointsInVolume();

        ResetException failed = assertThrows(ResetException.class, () -> runner.runStep(run, plan, Step.BACKUP, Progress.NONE));

        assertTrue(failed.getMessage().contains("The export of bucket home_assistant_events is incomplete"), failed.getMessage());
        assertEquals(before, stack.pointsInVolume());
        assertTrue(stack.ports.backups().list().isEmpty(), "no complete set was written");
    }

    @Test
    void anExportLineThatIsNotLineProtocolFailsTheBackupNamingTheLine() {
        stack.influx.appendToExports("this is not line protocol\n");
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(stack.profile, stack.ports, ResetMode.BUCKETS).plan();
        RunContext run = begin(plan);
        runner.runStep(run, plan, Step.PREREQUISITES, Progress.NONE);

        ResetException failed = assertThrows(ResetException.class, () -> runner.runStep(run, plan, Step.BACKUP, Progress.NONE));

        assertTrue(failed.getMessage().contains("is not line protocol"), failed.getMessage());
        assertTrue(failed.getMessage().contains("Line 51 of export/home_assistant_events.lp.zst"), failed.getMessage());
    }
}
