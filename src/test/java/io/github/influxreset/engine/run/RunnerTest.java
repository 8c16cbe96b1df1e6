package io.github.influxreset.engine.run;

import io.github.influxreset.domain.Progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.actions.VerifyBackup;
import io.github.influxreset.engine.log.Causes;
import io.github.influxreset.engine.log.LogEvent;
import io.github.influxreset.engine.log.LogLevel;
import io.github.influxreset.testing.RecordingAction;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {
    @TempDir
    Path dir;
    TestStack stack;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
        stack.catalog.register(RecordingAction.KIND, RecordingAction::new);
        RecordingAction.LOG.clear();
    }

    private Plan plan(List<PlannedAction> actions) {
        return new Plan("20260101-000000-0001", "test", ResetMode.BUCKETS, actions);
    }

    private RunContext begin(Runner runner, Plan plan) {
        return runner.begin(plan, id -> new RunContext(stack.profile, stack.ports, stack.log, runner.journal(), id));
    }

    @Test
    void journalRecordsEachActionStartedThenDoneInPlanOrder() {
        Runner runner = stack.runner();
        Plan plan = plan(List.of(new PlannedAction(0, Step.RESET, RecordingAction.named("a")),
                new PlannedAction(1, Step.RESET, RecordingAction.named("b"))));
        RunContext run = begin(runner, plan);

        runner.runStep(run, plan, Step.RESET, Progress.NONE);

        List<ActionRecord> actions = runner.journal().actions(run.runId());
        assertEquals(List.of(ActionStatus.DONE, ActionStatus.DONE), actions.stream().map(ActionRecord::status).toList());
        assertTrue(!actions.get(0).started().isAfter(actions.get(1).started()));
        assertEquals(List.of("do a", "do b"), RecordingAction.LOG);
    }

    @Test
    void failureUndoesDoneActionsInReverseOrderAndClosesTheRun() {
        Runner runner = stack.runner();
        Plan plan = plan(List.of(new PlannedAction(0, Step.RESET, RecordingAction.named("a")),
                new PlannedAction(1, Step.RESET, RecordingAction.named("b")),
                new PlannedAction(2, Step.RESET, RecordingAction.failing("c")),
                new PlannedAction(3, Step.RESET, RecordingAction.named("d"))));
        RunContext run = begin(runner, plan);

        ResetException failure = assertThrows(ResetException.class, () -> runner.runStep(run, plan, Step.RESET, Progress.NONE));

        assertEquals(ResetException.Reason.STEP_FAILED, failure.reason());
        assertTrue(failure.getMessage().contains("c broke"), failure.getMessage());
        assertEquals(List.of("do a", "do b", "do c", "undo c", "undo b", "undo a"), RecordingAction.LOG);
        assertEquals(RunStatus.ROLLED_BACK, runner.journal().run(run.runId()).orElseThrow().status());
        assertEquals(List.of(ActionStatus.UNDONE, ActionStatus.UNDONE, ActionStatus.UNDONE, ActionStatus.PLANNED),
                runner.journal().actions(run.runId()).stream().map(ActionRecord::status).toList());
    }

    @Test
    void aFailuresTechnicalCauseIsLoggedOnceAtDebugAndTheUserSeesOneSentence() {
        Runner runner = stack.runner();
        Plan plan = plan(List.of(new PlannedAction(0, Step.RESET, RecordingAction.named("a")),
                new PlannedAction(1, Step.RESET, RecordingAction.failing("c"))));
        RunContext run = begin(runner, plan);

        ResetException failure = assertThrows(ResetException.class, () -> runner.runStep(run, plan, Step.RESET, Progress.NONE));
        io.github.influxreset.engine.log.Causes.logOnce(failure, chain -> stack.log.publish(LogLevel.DEBUG, null, null, chain));

        List<LogEvent> causes = stack.events.stream().filter(e -> e.level() == LogLevel.DEBUG).toList();
        assertEquals(1, causes.size(), "logged once, where it was caught: " + causes);
        assertTrue(causes.get(0).message().startsWith("Technical cause: "), causes.get(0).message());
        assertTrue(!failure.userText().contains("Technical cause"), failure.userText());
    }

    @Test
    void crashBetweenStartedAndDoneLeavesARunANewProcessCanRollBack() {
        Runner runner = stack.runner();
        Plan plan = plan(List.of(new PlannedAction(0, Step.RESET, RecordingAction.named("a")),
                new PlannedAction(1, Step.RESET, RecordingAction.crashing("b"))));
        RunContext run = begin(runner, plan);
        assertThrows(RecordingAction.SimulatedCrash.class, () -> runner.runStep(run, plan, Step.RESET, Progress.NONE));

        Runner restarted = stack.runner();
        RunRecord unfinished = restarted.journal().unfinishedRun().orElseThrow();
        assertEquals(run.runId(), unfinished.id());
        assertEquals(List.of(ActionStatus.DONE, ActionStatus.STARTED),
                restarted.journal().actions(unfinished.id()).stream().map(ActionRecord::status).toList());
        restarted.rollback(new RunContext(stack.profile, stack.ports, stack.log, restarted.journal(), unfinished.id()));

        assertEquals(List.of("do a", "do b", "undo b", "undo a"), RecordingAction.LOG);
        assertTrue(restarted.journal().unfinishedRun().isEmpty());
    }

    @Test
    void runnerRefusesADestructiveActionWhenTheRunHasNoVerifiedBackup() {
        Runner runner = stack.runner();
        Plan plan = plan(List.of(new PlannedAction(0, Step.BACKUP, new VerifyBackup(Map.of())),
                new PlannedAction(1, Step.RESET, RecordingAction.destructive("wipe"))));
        RunContext run = begin(runner, plan);

        ResetException refused = assertThrows(ResetException.class, () -> runner.runStep(run, plan, Step.RESET, Progress.NONE));

        assertTrue(refused.getMessage().contains("no verified backup"), refused.getMessage());
        assertTrue(RecordingAction.LOG.isEmpty(), "the destructive action must not run");
        assertEquals(ActionStatus.PLANNED, runner.journal().actions(run.runId()).get(1).status());
    }

    @Test
    void planRefusesADestructiveActionBeforeTheBackupIsVerified() {
        List<PlannedAction> unsafe = new ArrayList<>();
        unsafe.add(new PlannedAction(0, Step.RESET, RecordingAction.destructive("wipe")));
        unsafe.add(new PlannedAction(1, Step.BACKUP, new VerifyBackup(Map.of())));
        assertThrows(IllegalStateException.class, () -> plan(unsafe));
    }

    @Test
    void anUndoThatFailsDoesNotStopTheOthersAndTheRunNeedsAttention() {
        Runner runner = stack.runner();
        Plan plan = plan(List.of(new PlannedAction(0, Step.RESET, RecordingAction.named("a")),
                new PlannedAction(1, Step.RESET, RecordingAction.undoFailing("b")),
                new PlannedAction(2, Step.RESET, RecordingAction.failing("c"))));
        RunContext run = begin(runner, plan);

        ResetException failure = assertThrows(ResetException.class, () -> runner.runStep(run, plan, Step.RESET, Progress.NONE));

        assertEquals(ResetException.Reason.NEEDS_ATTENTION, failure.reason());
        assertTrue(failure.getMessage().contains("b cannot be undone"), failure.getMessage());
        assertEquals(List.of("do a", "do b", "do c", "undo c", "undo b", "undo a"), RecordingAction.LOG);
        assertEquals(RunStatus.ROLLBACK_FAILED, runner.journal().run(run.runId()).orElseThrow().status());
        assertEquals(run.runId(), runner.journal().unfinishedRun().orElseThrow().id(), "offered again on the next start");
    }

    @Test
    void rollbackButtonDescribesTheNewestUndoFirst() {
        Runner runner = stack.runner();
        Plan plan = plan(List.of(new PlannedAction(0, Step.RESET, RecordingAction.named("a")),
                new PlannedAction(1, Step.RESET, RecordingAction.named("b"))));
        RunContext run = begin(runner, plan);
        runner.runStep(run, plan, Step.RESET, Progress.NONE);

        ActionRecord next = runner.nextUndo(run.runId()).orElseThrow();

        assertEquals(1, next.index());
    }
}
