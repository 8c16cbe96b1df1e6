package io.github.influxreset.engine;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.checks.SchemaValidator;
import io.github.influxreset.engine.plan.ResetPlanner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.FieldType;
import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.engine.port.Ports;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.engine.run.Runner;
import io.github.influxreset.engine.run.WholeRun;
import io.github.influxreset.testing.FakeInflux;
import io.github.influxreset.testing.MovingStack;
import io.github.influxreset.testing.StepByStep;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1.x stack moved to a 2.x server, on the in-memory stack: the backup's points carried into the
 * profile's schema on the 2.x side, the 1.x side left as it was, the services' settings named, and
 * a rollback that takes the 2.x buckets away again.
 */
class MoveTest {
    private static final int RECENT = 600;
    private static final int UNCONVERTIBLE = 25;
    private static final int OLD = 40;

    @TempDir
    Path dir;
    TestStack stack;
    FakeInflux target;
    Ports ports;
    Runner runner;

    @BeforeEach
    void setUp() throws Exception {
        MovingStack moving = new MovingStack(dir);
        stack = moving.stack;
        target = moving.target;
        ports = moving.ports;
        runner = stack.runner();
        stack.writeDriftedEvents(RECENT, UNCONVERTIBLE, OLD);
    }

    private RunContext move() {
        Plan plan = new ResetPlanner(Clock.systemUTC()).planMove(stack.profile, ports).plan();
        return WholeRun.run(runner, plan, id -> {
            RunContext run = new RunContext(stack.profile, ports, stack.log, runner.journal(), id);
            run.chooseKeepData(true);
            return run;
        }, () -> "home_assistant_events", Progress.NONE);
    }

    @Test
    void theDatabasesBecomeBucketsOfTheNewServerInTheProfilesSchemaAndThe1xDataStays() {
        Map<String, Long> before = stack.influx.countPoints("home_assistant_events");

        RunContext run = move();

        assertEquals(RunStatus.SUCCEEDED, runner.journal().run(run.runId()).orElseThrow().status());
        assertEquals(Map.of("home_assistant_events", (long) RECENT), target.countPoints("home_assistant_events"),
                "every point the profile's retention keeps");
        assertEquals(FieldType.FLOAT, target.fieldKeys("home_assistant_events", "home_assistant_events")
                .get("normalized_value"), "integers carried as the schema's float");
        assertEquals(List.of("home_assistant_events", "sports_data", "system_metrics", "weather_data"),
                target.buckets().stream().map(BucketSpec::name).sorted().toList(), "a bucket per database of the profile");
        assertEquals(Retention.parse("365d").orElseThrow(), target.buckets().stream()
                .filter(b -> b.name().equals("home_assistant_events")).findFirst().orElseThrow().retention(),
                "the profile's retention, not the 1.x database's 30 days");
        assertEquals(before, stack.influx.countPoints("home_assistant_events"), "nothing on the 1.x server is deleted");
        List<Finding> settings = run.findings(Step.RESTART);
        Finding dataApi = settings.stream().filter(f -> f.subject().equals("Service data-api")).findFirst().orElseThrow();
        assertTrue(dataApi.message().contains("set INFLUXDB_URL=http://influxdb2:8086 (inside the compose network; "
                + "http://127.0.0.1:8087 from this host)")
                && dataApi.message().contains("replace INFLUXDB_DB with INFLUXDB_BUCKET=home_assistant_events")
                && dataApi.message().contains("drop INFLUXDB_PASSWORD") && dataApi.message().contains("INFLUXDB_ORG=homeiq"),
                dataApi.message());
        assertFalse(stack.events.stream().anyMatch(e -> e.message().contains(TestStack.PASSWORD)), "no secret in the log");
        assertFalse(run.findings(Step.VALIDATE).stream().anyMatch(f -> f.severity().isProblem()));
    }

    @Test
    void theMoveStopsNoServiceAndSaysSoBeforeTheConfirmation() {
        RunContext run = move();

        assertFalse(stack.docker.calls().stream().anyMatch(c -> c.startsWith("stop ")), stack.docker.calls().toString());
        assertTrue(io.github.influxreset.engine.actions.DowntimeForecast.of(run).startsWith("Downtime: none. No service "
                + "stops: they keep writing to 1.x"), io.github.influxreset.engine.actions.DowntimeForecast.of(run));
    }

    /** The services still write to 1.x after the move; once switched, the catch-up carries what 1.x took since. */
    @Test
    void theCatchUpCarriesWhatThe1xServerTookAfterTheMoveReadIt() {
        RunContext run = move();
        stack.influx.write("home_assistant_events", TestStack.lateEvents(9));
        assertEquals(Map.of("home_assistant_events", (long) RECENT), target.countPoints("home_assistant_events"));

        Plan catchUp = new ResetPlanner(Clock.systemUTC()).planCatchUp(stack.profile, ports,
                java.time.Instant.parse(runner.journal().actions(run.runId()).stream()
                        .filter(a -> a.kind().equals(io.github.influxreset.engine.actions.CarryDelta.KIND)).findFirst()
                        .orElseThrow().facts().get(io.github.influxreset.engine.actions.CarryDelta.READ_FROM))).plan();
        assertEquals(-1, catchUp.firstDestructiveIndex(), "it only adds points");
        WholeRun.run(runner, catchUp, id -> new RunContext(stack.profile, ports, stack.log, runner.journal(), id),
                () -> "", Progress.NONE);

        assertEquals(Map.of("home_assistant_events", RECENT + 9L), target.countPoints("home_assistant_events"));
    }

    @Test
    void aRollbackTakesTheNewBucketsOffThe2xServerAndLeavesThe1xAsItWas() {
        Map<String, Long> before = stack.influx.countPoints("home_assistant_events");
        RunContext run = move();

        runner.rollback(run);

        assertEquals(List.of(), target.buckets(), "the 2.x server as before the move");
        assertEquals(before, stack.influx.countPoints("home_assistant_events"));
    }

    @Test
    void aRollbackRefusesWhenSomethingWroteIntoTheNewBucketsSince() {
        RunContext run = move();
        target.write("home_assistant_events", "home_assistant_events,entity_id=sensor.moved normalized_value=1.5 "
                + System.currentTimeMillis() * 1_000_000L + "\n");

        assertThrows(ResetException.class, () -> runner.rollback(run));

        assertEquals(Map.of("home_assistant_events", RECENT + 1L), target.countPoints("home_assistant_events"),
                "the point written after the move is still there");
    }

    /** The move step by step, the services writing to 1.x between the backup and the stop. */
    private RunContext moveWithLatePoints(int late) {
        Plan plan = new ResetPlanner(Clock.systemUTC()).planMove(stack.profile, ports).plan();
        return StepByStep.run(runner, plan, id -> new RunContext(stack.profile, ports, stack.log, runner.journal(), id),
                "home_assistant_events", step -> {
                    if (step == Step.BACKUP) {
                        stack.influx.write("home_assistant_events", TestStack.lateEvents(late));
                    }
                });
    }

    @Test
    void pointsWrittenTo1xAfterTheBackupAreMovedTooAndTheRollbackTakesThemOffAgain() {
        RunContext run = moveWithLatePoints(7);

        assertEquals(RunStatus.SUCCEEDED, runner.journal().run(run.runId()).orElseThrow().status());
        assertEquals(Map.of("home_assistant_events", RECENT + 7L), target.countPoints("home_assistant_events"),
                "the forecast's points and the late ones");

        runner.rollback(run);

        assertEquals(List.of(), target.buckets(), "the move's own points, the late ones too, are taken off again");
        assertEquals(RunStatus.ROLLED_BACK, runner.journal().run(run.runId()).orElseThrow().status());
    }

    /**
     * The carrying broke off after the server took points the forecast did not count (the late
     * ones), before it could journal what it wrote: the rollback goes by the most it could have
     * written, journalled before it began, and removes them.
     */
    @Test
    void aCarryingCutOffAfterItWroteMoreThanForecastIsRolledBackWithoutHelp() {
        target.failAfterWritesOf("sensor.late");

        ResetException failed = assertThrows(ResetException.class, () -> moveWithLatePoints(7));

        assertEquals(ResetException.Reason.STEP_FAILED, failed.reason(), failed.getMessage());
        assertEquals(RunStatus.ROLLED_BACK, runner.journal().runs().get(0).status());
        assertEquals(List.of(), target.buckets(), "the 2.x server as before the move");
    }

    /** The validation's probe point stored, its answer lost: the rollback removes it with the move's buckets. */
    @Test
    void aProbePointLeftByABrokenConnectionDoesNotBlockTheRollback() {
        target.failAfterWritesOf(SchemaValidator.PROBE_PREFIX);

        ResetException failed = assertThrows(ResetException.class, () -> moveWithLatePoints(0));

        assertEquals(ResetException.Reason.STEP_FAILED, failed.reason(), failed.getMessage());
        assertEquals(List.of(), target.buckets(), "the 2.x server as before the move");
    }

    @Test
    void aDatabaseTheProfileDoesNotListIsNamedInThePlanAndTheFindingsAsNotMoved() {
        stack.influx.createBucket(new BucketSpec("extra_db", Retention.parse("0").orElseThrow()));
        stack.influx.write("extra_db", "things,id=1 value=1i 1700000000000000000\n");
        Plan plan = new ResetPlanner(Clock.systemUTC()).planMove(stack.profile, ports).plan();
        assertTrue(plan.actions().stream().anyMatch(a -> a.describe().equals("Leave database extra_db on the 1.x server, "
                + "not moved: the profile does not list it (add it to the profile's buckets to move it too)")),
                "the plan says it before anything runs");

        RunContext run = move();

        assertTrue(run.findings(Step.RESET).stream().anyMatch(f -> f.subject().equals("Database extra_db")
                && f.severity() == io.github.influxreset.domain.Severity.WARNING && f.message().startsWith("not moved")),
                run.findings(Step.RESET).toString());
        assertFalse(target.buckets().stream().anyMatch(b -> b.name().equals("extra_db")));
        assertEquals(Map.of("things", 1L), stack.influx.countPoints("extra_db"), "and it stays on 1.x");
    }

    @Test
    void aBucketOfThe2xServerThatHoldsPointsStopsTheMoveBeforeAnythingChanges() {
        target.createBucket(new BucketSpec("sports_data", Retention.parse("0").orElseThrow()));
        target.write("sports_data", "games,team=x score=1i 1700000000000000000\n");

        ResetException refused = assertThrows(ResetException.class, this::move);

        assertTrue(refused.getMessage().contains("Bucket sports_data already holds 1 point(s)"), refused.getMessage());
        assertEquals(List.of("sports_data"), target.buckets().stream().map(BucketSpec::name).toList());
        assertTrue(stack.docker.running("data-api").isPresent(), "no service was stopped");
    }

    @Test
    void anEmptyBucketThe2xImageMadeIsFilledAndAfterARollbackIsThereAgainEmpty() {
        target.createBucket(new BucketSpec("home_assistant_events", Retention.parse("0").orElseThrow()));
        RunContext run = move();
        assertEquals(Map.of("home_assistant_events", (long) RECENT), target.countPoints("home_assistant_events"));

        runner.rollback(run);

        assertEquals(List.of(new BucketSpec("home_assistant_events", Retention.parse("0").orElseThrow())), target.buckets());
        assertEquals(Map.of(), target.countPoints("home_assistant_events"));
    }

    @Test
    void aProfileThatMovesA2xStackOrOntoItsOwnServerIsRefusedWithASentence() throws Exception {
        Path twoX = dir.resolve("2x.yaml");
        Files.writeString(twoX, ProfileLoader.embeddedText().replace("\nbuckets:\n", "\n" + MovingStack.MOVE_TO + "buckets:\n"));
        ResetException on2x = assertThrows(ResetException.class, () -> new ProfileLoader(Map.of(), dir).load(twoX));
        assertTrue(on2x.getMessage().contains("moveTo") && on2x.getMessage().contains("influx.version is 2"), on2x.getMessage());

        Path same = dir.resolve("same.yaml");
        Files.writeString(same, ProfileLoader.embeddedText().replace("  version: 2\n", "  version: 1\n")
                .replace("\nbuckets:\n", "\n" + MovingStack.MOVE_TO.replace("8087", "8086") + "buckets:\n"));
        ResetException onItself = assertThrows(ResetException.class, () -> new ProfileLoader(Map.of(), dir).load(same));
        assertTrue(onItself.getMessage().contains("is the URL of the 1.x server"), onItself.getMessage());
        assertEquals(ResetMode.MOVE.describe(), "move to InfluxDB 2.x");
        TestStack on2xStack = new TestStack(dir.resolve("2x-stack"));
        ResetException already2x = assertThrows(ResetException.class,
                () -> new ResetPlanner(Clock.systemUTC()).planMove(on2xStack.profile, on2xStack.ports));
        assertTrue(already2x.getMessage().contains("runs InfluxDB 2.x already"), already2x.getMessage());
    }
}
