package io.github.influxreset.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Secret;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.log.SecretMasker;
import io.github.influxreset.engine.run.ActionStatus;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.PlannedAction;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.testing.RecordingAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteJournalTest {
    @TempDir
    Path dir;

    @Test
    void aRunSurvivesReopeningTheFileWithEveryActionAndItsParams() {
        Path file = dir.resolve("j/journal.db");
        SqliteJournal journal = new SqliteJournal(file, SecretMasker.NONE, Clock.systemUTC());
        Plan plan = new Plan("r1", "HomeIQ", ResetMode.FULL, List.of(
                new PlannedAction(0, Step.RESET, RecordingAction.named("a")),
                new PlannedAction(1, Step.RESET, RecordingAction.named("b"))));
        journal.startRun(plan);
        journal.markAction("r1", 0, ActionStatus.DONE, null);
        journal.recordBackup("r1", "20260101_000000", true);

        SqliteJournal reopened = new SqliteJournal(file, SecretMasker.NONE, Clock.systemUTC());

        var run = reopened.run("r1").orElseThrow();
        assertEquals(RunStatus.RUNNING, run.status());
        assertEquals("20260101_000000", run.backupId());
        var actions = reopened.actions("r1");
        assertEquals(ActionStatus.DONE, actions.get(0).status());
        assertEquals(Map.of("name", "a", "mode", "ok", "destructive", "false"), actions.get(0).params());
        assertEquals("r1", reopened.unfinishedRun().orElseThrow().id());
    }

    @Test
    void secretsNeverReachTheFile() throws Exception {
        Path file = dir.resolve("journal.db");
        SqliteJournal journal = new SqliteJournal(file, new SecretMasker(List.of(Secret.of("hunter2-token"))), Clock.systemUTC());
        Plan plan = new Plan("r2", "HomeIQ", ResetMode.FULL, List.of(
                new PlannedAction(0, Step.RESET, RecordingAction.named("uses hunter2-token"))));
        journal.startRun(plan);
        journal.markAction("r2", 0, ActionStatus.FAILED, "401 for token hunter2-token");
        journal.finishRun("r2", RunStatus.ROLLED_BACK, "token hunter2-token refused");

        String bytes = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains("hunter2-token"));
        assertEquals("Do uses ******", journal.actions("r2").get(0).description());
    }
}
