package io.github.influxreset.engine;

import io.github.influxreset.domain.OnConflict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.BackupInfo;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.plan.RestorePlanBuilder;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.Runner;
import io.github.influxreset.testing.StepByStep;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore stops the services after its own backup set: what they wrote in between is sealed into
 * that set, which its undo puts the buckets back from, so a rollback of the restore loses none of it.
 */
class RestoreSealsTest {
    @TempDir
    Path dir;

    @Test
    void pointsWrittenBetweenARestoresBackupAndItsStopAreInItsSet() throws Exception {
        TestStack stack = new TestStack(dir);
        String source = stack.ports.backups().write(stack.docker.discover("homeiq"), "earlier", Progress.NONE);
        BackupInfo set = stack.ports.backups().info(source);
        Runner runner = stack.runner();
        Plan plan = new RestorePlanBuilder(stack.profile).merge(set, Optional.of("home_assistant_events"),
                OnConflict.OVERWRITE, Plan.newId(java.time.Clock.systemUTC()));
        long now = System.currentTimeMillis() * 1_000_000L;

        RunContext run = StepByStep.run(runner, plan, id -> new RunContext(stack.profile, stack.ports, stack.log,
                runner.journal(), id), "homeiq", step -> {
                    if (step == Step.BACKUP) {
                        stack.influx.write("home_assistant_events", "home_assistant_events,entity_id=sensor.late "
                                + "state_value=\"late\" " + now + "\n");
                    }
                });

        BackupInfo own = stack.ports.backups().info(run.backupId());
        assertTrue(own.sealed().isPresent(), "the restore's own set was sealed at the stop");
        assertEquals(set.totalPoints() + 1, own.totalPoints(), "and holds the point written after it began");
    }
}
