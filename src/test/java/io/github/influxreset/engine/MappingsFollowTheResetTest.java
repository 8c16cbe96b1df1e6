package io.github.influxreset.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.V1Mapping;
import io.github.influxreset.engine.plan.ResetPlanner;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.RunRecord;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.engine.run.Runner;
import io.github.influxreset.testing.FakeMappings;
import io.github.influxreset.testing.StepByStep;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A 1.x-API writer reaches a 2.x bucket through a DBRP mapping, by the bucket's id. The resets that
 * give a bucket's name to a new bucket (buckets: renamed aside; online: switched) point the mapping
 * at the new one (a full reset, whose new InfluxDB starts without mappings, makes it again there), and a rollback points it back, also when the server refused to make it again
 * after deleting it (the server keeps one mapping per database and policy: moving one is a delete
 * and a make). In memory; the real server in {@code OnlineResetOnRealServerIT}.
 */
class MappingsFollowTheResetTest {
    private static final String EVENTS = "home_assistant_events";
    private static final V1Mapping HOME_ASSISTANT = new V1Mapping("home_assistant", "autogen", true);
    @TempDir
    Path dir;
    TestStack stack;
    FakeMappings mappings;
    String oldId;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
        stack.writerWritesWhenStarted();
        mappings = stack.influx.mappings;
        oldId = stack.influx.bucketIds().get(EVENTS);
        mappings.make(HOME_ASSISTANT, oldId);
    }

    @ParameterizedTest
    @EnumSource(value = ResetMode.class, names = {"BUCKETS", "ONLINE", "FULL"})
    void theMappingLeadsToTheNewBucketAfterTheReset(ResetMode mode) {
        RunContext run = reset(mode);

        assertEquals(RunStatus.SUCCEEDED, stack.runner().journal().run(run.runId()).orElseThrow().status());
        String newId = stack.influx.bucketIds().get(EVENTS);
        assertNotEquals(oldId, newId);
        assertEquals(newId, mappings.bucketOf("home_assistant", "autogen"), "the mapping follows the name");
        assertTrue(stack.events.stream().anyMatch(e -> e.message().startsWith("The 1.x mappings home_assistant/autogen "
                + "(default) lead to the new bucket " + EVENTS)), "and the log says so");
    }

    @ParameterizedTest
    @EnumSource(value = ResetMode.class, names = {"BUCKETS", "ONLINE"})
    void aMappingTheServerDeletedButRefusedToMakeAgainIsMadeBackByTheRollback(ResetMode mode) {
        mappings.refuseMakes(1);

        ResetException failed = assertThrows(ResetException.class, () -> reset(mode));

        assertTrue(failed.getMessage().contains("could not make mapping home_assistant/autogen"), failed.getMessage());
        Runner runner = stack.runner();
        RunRecord run = runner.journal().runs().get(0);
        if (run.status().isUnfinished()) {
            runner.rollback(new RunContext(stack.profile, stack.ports, stack.log, runner.journal(), run.id()));
        }
        assertEquals(oldId, stack.influx.bucketIds().get(EVENTS), "the old bucket has its name again");
        assertEquals(oldId, mappings.bucketOf("home_assistant", "autogen"), "and the mapping, made again, leads to it");
    }

    private RunContext reset(ResetMode mode) {
        Runner runner = stack.runner();
        var plan = new ResetPlanner(Clock.systemUTC()).plan(stack.profile, stack.ports, mode).plan();
        return StepByStep.run(runner, plan, id -> new RunContext(stack.profile, stack.ports, stack.log, runner.journal(), id),
                stack.profile.confirmationWord(), step -> { });
    }
}
