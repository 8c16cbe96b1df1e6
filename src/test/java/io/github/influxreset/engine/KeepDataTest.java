package io.github.influxreset.engine;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.plan.ResetPlanner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.CarryTally;
import io.github.influxreset.domain.FieldType;
import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.engine.actions.CarryData;
import io.github.influxreset.engine.actions.ForecastCarry;
import io.github.influxreset.engine.report.RunReport;
import io.github.influxreset.engine.report.RunSummaries;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.PlannedAction;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.engine.run.Runner;
import io.github.influxreset.testing.StepByStep;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A reset that keeps the data, on the in-memory stack: the old points of home_assistant_events
 * (normalized_value written as integers where the schema says float, a tag the schema does not
 * list, a field value no float can hold, points older than the new 365-day retention) carried into
 * the new bucket as forecast before the confirmation.
 */
class KeepDataTest {
    private static final int RECENT = 600;
    private static final int UNCONVERTIBLE = 25;
    private static final int OLD = 40;
    private static final int LATE = 3;

    @TempDir
    Path dir;
    TestStack stack;
    Runner runner;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
        runner = stack.runner();
        stack.writeDriftedEvents(RECENT, UNCONVERTIBLE, OLD);
    }

    private RunContext run(ResetMode mode, boolean keepData, EnumSet<Step> steps) {
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(stack.profile, stack.ports, mode).plan();
        RunContext run = runner.begin(plan, id -> new RunContext(stack.profile, stack.ports, stack.log, runner.journal(), id));
        steps.forEach(step -> {
            if (step == Step.CONFIRM) {
                run.confirm("homeiq");
                run.chooseKeepData(keepData);
            }
            runner.runStep(run, plan, step, Progress.NONE);
        });
        return run;
    }

    /**
     * The command line chooses before the run: a run killed before its confirmation is resumed in
     * another process with that choice (found by the chaos suite with a writer: a resumed keep-data
     * reset left every point written since the backup in the set only, saying "not chosen").
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void aRunInterruptedBeforeItsConfirmationIsResumedWithTheChoiceItWasStartedWith(boolean keepData) {
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(stack.profile, stack.ports, ResetMode.FULL).plan();
        RunContext started = runner.begin(plan, id -> {
            RunContext context = new RunContext(stack.profile, stack.ports, stack.log, runner.journal(), id);
            context.chooseKeepData(keepData);
            return context;
        });
        runner.runStep(started, plan, Step.PREREQUISITES, Progress.NONE);

        RunContext resumed = new RunContext(stack.profile, stack.ports, stack.log, stack.runner().journal(), started.runId());
        assertEquals(keepData, resumed.keepData(), "the choice the run was started with");
        assertEquals(!keepData, resumed.keepDataDeclined());
    }

    @ParameterizedTest
    @EnumSource(value = ResetMode.class, names = {"BUCKETS", "FULL"})
    void theOldPointsAreCarriedIntoTheNewSchemaAsForecast(ResetMode mode) {
        RunContext run = run(mode, true, EnumSet.allOf(Step.class));
        runner.finish(run);

        CarryTally forecast = CarryTally.allFromFacts(run.action(ForecastCarry.KIND).orElseThrow().facts())
                .get("home_assistant_events");
        CarryTally.Counts counts = forecast.measurements().get("home_assistant_events");
        assertEquals(RECENT + OLD, counts.read());
        assertEquals(RECENT, counts.carried(), "every point the new retention keeps");
        assertEquals(OLD, counts.tooOld(), "older than 365d: skipped, not written to be deleted");
        assertEquals(Map.of("confidence", (long) UNCONVERTIBLE), counts.leftOutFields());
        assertEquals(Map.of("home_assistant_events", (long) RECENT), stack.influx.countPoints("home_assistant_events"),
                "the bucket holds what was forecast");
        assertEquals(FieldType.FLOAT, stack.influx.fieldKeys("home_assistant_events", "home_assistant_events")
                .get("normalized_value"), "the field is float now");
        assertTrue(stack.influx.tagKeys("home_assistant_events", "home_assistant_events").contains("stray"),
                "the profile keeps tags it does not list (extraTags: keep, the default)");
        List<Finding> validation = new java.util.ArrayList<>(run.findings(Step.VALIDATE));
        validation.addAll(run.findings(Step.RESTART));
        assertFalse(validation.stream().anyMatch(f -> f.severity().isProblem()), validation.toString());
        assertTrue(validation.stream().anyMatch(f -> f.message().contains("extra tag stray")), "what the profile chose to keep");
        assertEquals(RunStatus.SUCCEEDED, runner.journal().run(run.runId()).orElseThrow().status());
    }

    @org.junit.jupiter.api.Test
    void theCarryingMovesTheProgressBarWithinItsShareOfTheStepAsPointsAreWritten() {
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(stack.profile, stack.ports, ResetMode.BUCKETS).plan();
        RunContext run = runner.begin(plan, id -> new RunContext(stack.profile, stack.ports, stack.log, runner.journal(), id));
        List<String> validate = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (Step step : Step.values()) {
            if (step == Step.CONFIRM) {
                run.confirm("homeiq");
                run.chooseKeepData(true);
            }
            runner.runStep(run, plan, step, step == Step.RESTART ? (f, m) -> validate.add(f + " " + m) : Progress.NONE);
        }

        List<PlannedAction> actions = plan.actionsOf(Step.RESTART);
        int carry = actions.stream().map(a -> a.action().kind()).toList().indexOf(CarryData.KIND);
        double from = (double) carry / actions.size();
        double to = (carry + 1.0) / actions.size();
        assertTrue(validate.stream().anyMatch(line -> line.contains("Carrying bucket home_assistant_events")
                && Double.parseDouble(line.split(" ")[0]) > from && Double.parseDouble(line.split(" ")[0]) <= to),
                "the bar moves inside the carrying's share (" + from + " to " + to + "): " + validate);
    }

    /**
     * The carrying fails after the restart, with the services writing again: the rollback stops them
     * before it backs up the live data, so that backup holds every point they wrote.
     */
    @org.junit.jupiter.api.Test
    void aRollbackAfterTheRestartStopsTheServicesBeforeItBacksUpTheirPoints() {
        stack.writerWritesWhenStarted();
        stack.influx.dropWrittenLinesMatching("entity_id=sensor\\.t3.* normalized_value=[0-9]+,");
        int before = stack.docker.calls().size();

        org.junit.jupiter.api.Assertions.assertThrows(io.github.influxreset.domain.ResetException.class,
                () -> run(ResetMode.BUCKETS, true, EnumSet.allOf(Step.class)));

        List<String> calls = stack.docker.calls().subList(before, stack.docker.calls().size());
        int lastStop = stopSaid("websocket-ingestion");
        int safetySet = safetySetSaid();
        assertTrue(lastStop >= 0 && safetySet > lastStop, "the writer stopped, then the live data backed up: " + calls);
        assertEquals(2, stack.ports.backups().list().size(), "the run's set and the rollback's safety set");
        String runSet = runner.journal().runs().get(0).backupId();
        String safety = stack.ports.backups().list().stream().filter(id -> !id.equals(runSet)).findFirst().orElseThrow();
        assertEquals(List.of("home_assistant_events"), stack.ports.backups().info(safety).buckets().stream()
                .map(b -> b.name()).toList(), "the safety set holds the bucket the rollback replaces, not the old one "
                + "set aside (renamed back, untouched), whose export would grow the downtime with the data");
        assertFalse(stack.ports.backups().holdsVolume(safety, TestStack.INFLUX_VOLUME), "nor a snapshot of the whole volume");
    }

    /**
     * Killed after every action of the restart, before the run was closed: the schema check after the
     * carrying has an undo of its own (a probe point), and it used to back up the live data before the
     * services were stopped, so the points they wrote after that backup were lost (found by the chaos
     * suite with a writer). Every service the run started is stopped before the backup now.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void aRollbackOfARunThatRestartedEverythingStopsEveryServiceBeforeItBacksUp(boolean keepData) {
        stack.writerWritesWhenStarted();
        RunContext run = run(ResetMode.FULL, keepData, EnumSet.allOf(Step.class));
        int before = stack.docker.calls().size();

        runner.rollback(run);

        List<String> calls = stack.docker.calls().subList(before, stack.docker.calls().size());
        int safetySet = safetySetSaid();
        assertTrue(safetySet > 0, "the live data was backed up: " + calls);
        stack.profile.services().forEach(s -> {
            int stopped = stopSaid(s.name());
            assertTrue(stopped >= 0 && stopped < safetySet, s.name() + " stopped before the live data's backup: " + calls);
        });
    }

    /** Where in the run's log the rollback began writing its safety set (-1: it did not). */
    private int safetySetSaid() {
        List<String> said = stack.events.stream().map(e -> e.message()).toList();
        return java.util.stream.IntStream.range(0, said.size())
                .filter(i -> said.get(i).startsWith("The rollback would replace live data")).findFirst().orElse(-1);
    }

    /** Where in the run's log the rollback stopped {@code service} (undoing its start; -1: it did not). */
    private int stopSaid(String service) {
        return stack.events.stream().map(e -> e.message()).toList().lastIndexOf("Undo: Stop service " + service);
    }

    @org.junit.jupiter.api.Test
    void aServerThatLosesCarriedPointsFailsTheRunWhichIsRolledBack() {
        long before = stack.pointsInVolume();
        stack.influx.dropWrittenLinesMatching("entity_id=sensor\\.t3.* normalized_value=[0-9]+,");

        org.junit.jupiter.api.Assertions.assertThrows(io.github.influxreset.domain.ResetException.class,
                () -> run(ResetMode.BUCKETS, true, EnumSet.allOf(Step.class)));

        assertEquals(RunStatus.ROLLED_BACK, runner.journal().runs().get(0).status());
        assertEquals(before, stack.pointsInVolume(), "the bucket came back from the backup (its integers pass the faulty server)");
        assertTrue(stack.events.stream().anyMatch(e -> e.message().contains("does not hold what was forecast")
                && e.message().contains("normalized_value: InfluxDB counts " + (RECENT - RECENT / 4) + " values, " + RECENT
                + " were carried")), "the sentence names what is missing");
    }

    @org.junit.jupiter.api.Test
    void aWriterOutsideTheStackDuringTheCarryingIsNamedAndLosesNothing() {
        RunContext[] run = new RunContext[1];
        stack.influx.writeAlongsideEveryWrite("home_assistant_events,entity_id=sensor.outside normalized_value=1.5");

        run[0] = run(ResetMode.BUCKETS, true, EnumSet.allOf(Step.class));
        runner.finish(run[0]);

        assertEquals(RunStatus.SUCCEEDED, runner.journal().run(run[0].runId()).orElseThrow().status());
        assertTrue(stack.events.stream().anyMatch(e -> e.message().contains("holds more values than were carried")
                && e.message().contains("something outside the stack's stopped services writes to InfluxDB")));
    }

    /**
     * The services wrote after the backup set was made and before they stopped (a live stack always
     * does): the seal writes a second set, which is carried, so the run carries more than the user
     * was shown. That is no failure; the log and the report say where the extra points came from.
     */
    @ParameterizedTest
    @EnumSource(value = ResetMode.class, names = {"BUCKETS", "FULL"})
    void pointsTheServicesWroteAfterTheBackupAreCarriedTooAndNamedApartFromTheForecast(ResetMode mode) {
        stack.writerWritesWhenStarted();
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(stack.profile, stack.ports, mode).plan();
        RunContext run = StepByStep.run(runner, plan, id -> new RunContext(stack.profile, stack.ports, stack.log,
                runner.journal(), id), "homeiq", step -> {
                    if (step == Step.BACKUP) {
                        stack.influx.write("home_assistant_events", TestStack.lateEvents(LATE));
                    }
                });

        assertEquals(RunStatus.SUCCEEDED, runner.journal().run(run.runId()).orElseThrow().status());
        assertEquals(RECENT + LATE + 1, stack.influx.countPoints("home_assistant_events").get("home_assistant_events"),
                "the forecast's points and the late ones, all in the new bucket (and the writer's after the restart)");
        CarryTally forecast = CarryTally.allFromFacts(run.action(ForecastCarry.KIND).orElseThrow().facts())
                .get("home_assistant_events");
        assertEquals(RECENT, forecast.carried(), "the forecast the user agreed to stays as it was shown");
        assertTrue(stack.events.stream().anyMatch(e -> e.message().contains((RECENT + LATE) + " old points carried into the "
                + "new schema: the " + RECENT + " forecast plus " + LATE + " written by the services before they stopped")),
                "the log says where the extra points came from");
        String report = RunReport.markdown(RunSummaries.of(run, runner.journal()));
        assertTrue(report.contains("home_assistant_events: " + RECENT + " points forecast, " + (RECENT + LATE)
                + " carried: the forecast plus " + LATE + " written by the services before they stopped"), report);
    }

    /**
     * Fewer is still a failure: a point the forecast counted that is not in the set carried (deleted
     * on the server after the first set) fails the carrying, and the run is rolled back.
     */
    @org.junit.jupiter.api.Test
    void aForecastPointMissingFromTheCarriedSetFailsTheRunWhichIsRolledBack() {
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(stack.profile, stack.ports, ResetMode.BUCKETS).plan();
        RunContext run = runner.begin(plan, id -> new RunContext(stack.profile, stack.ports, stack.log, runner.journal(), id));
        for (Step step : List.of(Step.PREREQUISITES, Step.BACKUP, Step.CONFIRM, Step.RESET, Step.VALIDATE)) {
            if (step == Step.CONFIRM) {
                run.confirm("homeiq");
                run.chooseKeepData(true);
            }
            runner.runStep(run, plan, step, Progress.NONE);
            if (step == Step.BACKUP) {
                stack.influx.deleteWhere("home_assistant_events", "home_assistant_events", "entity_id", "sensor.t1");
            }
        }

        org.junit.jupiter.api.Assertions.assertThrows(io.github.influxreset.domain.ResetException.class,
                () -> runner.runStep(run, plan, Step.RESTART, Progress.NONE));

        assertEquals(RunStatus.ROLLED_BACK, runner.journal().run(run.runId()).orElseThrow().status());
        assertTrue(stack.events.stream().anyMatch(e -> e.message().contains("does not hold what was forecast")
                && e.message().contains("home_assistant_events: " + (RECENT - RECENT / 4) + " written, " + RECENT
                + " forecast")), "the sentence names what is short");
    }

    @ParameterizedTest
    @EnumSource(value = ResetMode.class, names = {"BUCKETS", "FULL"})
    void notChosenTheNewBucketsStayEmptyAndNothingIsForecastTwice(ResetMode mode) {
        RunContext run = run(mode, false, EnumSet.allOf(Step.class));
        runner.finish(run);

        assertEquals(Map.of(), stack.influx.countPoints("home_assistant_events"));
        assertTrue(stack.events.stream().anyMatch(e -> e.message().contains("The old points were not carried (not chosen)")));
    }

    @ParameterizedTest
    @EnumSource(value = ResetMode.class, names = {"BUCKETS", "FULL"})
    void rollbackAfterCarryingPutsTheOldBucketBackAsItWas(ResetMode mode) {
        long before = stack.pointsInVolume();
        RunContext run = run(mode, true, EnumSet.of(Step.PREREQUISITES, Step.BACKUP, Step.CONFIRM, Step.RESET, Step.VALIDATE));

        runner.rollback(run);

        assertEquals(before, stack.pointsInVolume());
        assertEquals(FieldType.INTEGER, stack.influx.fieldKeys("home_assistant_events", "home_assistant_events")
                .get("normalized_value"), "the old structure, as it was");
        assertEquals(RunStatus.ROLLED_BACK, runner.journal().run(run.runId()).orElseThrow().status());
    }
}
