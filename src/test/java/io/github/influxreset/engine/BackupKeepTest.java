package io.github.influxreset.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.engine.plan.ResetPlanner;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.Runner;
import io.github.influxreset.engine.run.WholeRun;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile's {@code backups.keep} holds after every run that succeeded, not only when 'backups prune' is run. */
class BackupKeepTest {
    @TempDir
    Path dir;

    @Test
    void afterEachSuccessfulRunOnlyTheNewestSetsTheProfileKeepsAreLeftAndTheLogSaysWhichWent() throws Exception {
        TestStack stack = new TestStack(dir, text -> text.replace("keep: 10", "keep: 2"));
        Runner runner = stack.runner();
        List<String> written = new ArrayList<>();

        for (int i = 0; i < 4; i++) {
            Plan plan = new ResetPlanner(Clock.systemUTC()).plan(stack.profile, stack.ports, ResetMode.BUCKETS).plan();
            RunContext run = WholeRun.run(runner, plan, id -> new RunContext(stack.profile, stack.ports, stack.log,
                    runner.journal(), id), () -> "homeiq", Progress.NONE);
            written.add(run.backupId());
            assertTrue(stack.ports.backups().list().size() <= 2, "after run " + (i + 1) + ": " + stack.ports.backups().list());
        }

        assertEquals(List.of(written.get(3), written.get(2)), stack.ports.backups().list(), "the newest two, newest first");
        assertTrue(stack.events.stream().anyMatch(e -> e.message().equals("Deleted 1 older backup set(s), as the profile "
                + "keeps the newest 2 (backups.keep): " + written.get(0) + ".")), "the log names the set deleted");
    }
}
