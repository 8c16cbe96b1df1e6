package io.github.influxreset.engine;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.plan.ResetPlanner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.Runner;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bucket the profile does not list (one restored earlier under a new name) is named by the plan
 * with what the reset does with it, exported into the set, and brought back by a restore.
 */
class UnknownBucketTest {
    @TempDir
    Path dir;
    TestStack stack;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
        stack.influx.createBucket(new BucketSpec("hae_restored", Retention.INFINITE));
        stack.influx.write("hae_restored", "home_assistant_events,entity_id=old state_value=\"kept\" 1600000000000000000\n"
                + "home_assistant_events,entity_id=old state_value=\"kept2\" 1600000001000000000\n");
    }

    private RunContext run(ResetMode mode) {
        Runner runner = stack.runner();
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(stack.profile, stack.ports, mode).plan();
        RunContext run = runner.begin(plan, id -> new RunContext(stack.profile, stack.ports, stack.log, runner.journal(), id));
        run.confirm(stack.profile.confirmationWord());
        for (Step step : EnumSet.allOf(Step.class)) {
            runner.runStep(run, plan, step, Progress.NONE);
        }
        runner.finish(run);
        return run;
    }

    @Test
    void aFullResetSaysItDropsTheBucketAndItsSetHoldsIt() {
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(stack.profile, stack.ports, ResetMode.FULL).plan();
        assertTrue(plan.actions().stream().anyMatch(a -> a.describe().startsWith("Drop bucket hae_restored, which the profile "
                + "does not list")), plan.actions().toString());

        RunContext run = run(ResetMode.FULL);

        assertTrue(stack.influx.buckets().stream().noneMatch(b -> b.name().equals("hae_restored")), "dropped, as the plan said");
        var set = stack.ports.backups().info(run.backupId());
        assertEquals(2L, set.buckets().stream().filter(b -> b.name().equals("hae_restored")).findFirst().orElseThrow()
                .totalPoints(), "the set holds the bucket the profile does not know");
        stack.ports.backups().restoreBucket(run.backupId(), "hae_restored", "hae_restored", Progress.NONE);
        assertEquals(2L, stack.influx.countPoints("hae_restored").get("home_assistant_events"), "and brings it back");
    }

    @Test
    void aBucketsResetSaysItLeavesTheBucketAndDoes() {
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(stack.profile, stack.ports, ResetMode.BUCKETS).plan();
        assertTrue(plan.actions().stream().anyMatch(a -> a.describe().equals(
                "Leave bucket hae_restored as it is (the profile does not list it)")), plan.actions().toString());

        run(ResetMode.BUCKETS);

        assertEquals(2L, stack.influx.countPoints("hae_restored").get("home_assistant_events"));
    }
}
