package io.github.influxreset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against the in-memory stack: output, exit codes, --json. */
class CliTest {
    @TempDir
    Path dir;
    TestStack stack;
    String out;
    String err;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
    }

    private int run(String stdin, String... args) {
        var result = io.github.influxreset.testing.CliRun.run(new io.github.influxreset.testing.StackCliContext(stack), stdin, args);
        out = result.out();
        err = result.err();
        return result.code();
    }

    @Test
    void profileShowPrintsTheEffectiveProfileWithSecretsMasked() {
        assertEquals(0, run("", "profile", "show"));
        assertTrue(out.contains("name: HomeIQ"), out);
        assertTrue(out.contains("home_assistant_events"), out);
        assertFalse(out.contains(TestStack.TOKEN), "the token is masked");
        assertTrue(out.contains("******"), out);
    }

    @Test
    void planListsTheVerifiedBackupBeforeTheFirstDestructiveAction() {
        assertEquals(0, run("", "plan", "--mode", "full"));
        int verify = out.indexOf("Verify the backup set");
        int firstDestructive = out.indexOf("  * ");
        assertTrue(verify > 0 && firstDestructive > verify, out);
        assertEquals(List.of(), stack.docker.calls(), "plan changes nothing");
    }

    @Test
    void checkWithoutADockerEngineExitsOneAndSaysSo() {
        stack.docker.setReachable(false);
        assertEquals(1, run("", "check"));
        assertTrue(out.lines().anyMatch(l -> l.startsWith("ERROR") && l.contains("Docker engine") && l.contains("cannot be reached")), out);
    }

    @Test
    void aBrokenProfileExitsTwoNamingTheKey() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "stack: {composeProject: homeiq}\ninflux: {org: o}\nbuckets: [{name: a, retention: soon}]\n");
        assertEquals(2, run("", "--profile", bad.toString(), "check"));
        assertTrue(err.contains("buckets[0].retention"), err);
        assertFalse(err.contains("Exception"), "a sentence, not a stack trace: " + err);
    }

    @Test
    void resetWithYesRunsEveryStepAndTheRunIsInTheHistory() throws Exception {
        assertEquals(0, run("", "--json", "reset", "--mode", "buckets", "--yes"));
        JsonNode result = new ObjectMapper().readTree(out);
        assertEquals("succeeded", result.get("outcome").asText());
        assertEquals(0, stack.pointsInVolume());

        assertEquals(0, run("", "runs", "list"));
        assertTrue(out.contains(result.get("runId").asText()) && out.contains("SUCCEEDED"), out);
    }

    @Test
    void aCatchUpOnAStackThatIsNotMovingSaysWhyAndChangesNothing() throws Exception {
        long before = stack.pointsInVolume();

        assertEquals(2, run("", "move", "--catch-up"));

        assertTrue(err.contains("runs InfluxDB 2.x already; a move takes a 1.x stack to 2.x"), err);
        assertEquals(before, stack.pointsInVolume());
    }

    @Test
    void theDowntimeIsForecastBeforeTheConfirmationAndRunsShowSaysWhatItWas() throws Exception {
        assertEquals(0, run("", "--json", "reset", "--mode", "buckets", "--yes"));
        String stopped = new ObjectMapper().readTree(out).get("runId").asText();
        assertTrue(err.matches("(?s).*Downtime: 4 service\\(s\\) stop \\(sports-data, data-api, enrichment-pipeline, "
                + "websocket-ingestion\\) until they are healthy again, while the run renames the old buckets aside \\(instant "
                + "at any size\\) and creates the new ones; the backup is sealed from the old buckets after the restart.*"), err);
        assertEquals(0, run("", "--json", "reset", "--mode", "online", "--yes"));
        String online = new ObjectMapper().readTree(out).get("runId").asText();
        assertTrue(err.contains("Downtime: none. No service stops; a write to a bucket's name is refused only while that "
                + "bucket is switched (milliseconds)."), err);

        assertEquals(0, run("", "runs", "show", stopped));
        assertTrue(out.matches("(?s).*Downtime: \\d+\\.\\d s \\(the first service stopped → the last healthy again\\).*"), out);
        assertEquals(0, run("", "runs", "show", online));
        assertTrue(out.matches("(?s).*No service was stopped\\. The longest switch of a bucket took \\d+ ms\\..*"), out);
        assertEquals(0, run("", "--json", "runs", "show", online));
        assertEquals(0, new ObjectMapper().readTree(out).get("downtimeMillis").asLong());
    }

    /** A reset of the HomeIQ profile that stopped after its reset step, as a killed process leaves it. */
    private String interruptedRun() {
        var runner = stack.runner();
        var plan = new io.github.influxreset.engine.plan.ResetPlanner(java.time.Clock.systemUTC()).plan(stack.profile, stack.ports,
                io.github.influxreset.domain.ResetMode.BUCKETS).plan();
        var run = runner.begin(plan, id -> new io.github.influxreset.engine.run.RunContext(stack.profile, stack.ports, stack.log,
                runner.journal(), id));
        run.confirm(stack.profile.confirmationWord());
        for (var step : java.util.List.of(io.github.influxreset.domain.Step.PREREQUISITES, io.github.influxreset.domain.Step.BACKUP,
                io.github.influxreset.domain.Step.CONFIRM, io.github.influxreset.domain.Step.RESET)) {
            runner.runStep(run, plan, step, io.github.influxreset.domain.Progress.NONE);
        }
        return run.runId();
    }

    @Test
    void aRunIsActedOnOnlyWithItsOwnProfile() throws Exception {
        String runId = interruptedRun();
        java.nio.file.Path other = dir.resolve("other.yaml");
        java.nio.file.Files.writeString(other, java.nio.file.Files.readString(dir.resolve("homeiq.yaml"))
                .replace("name: HomeIQ", "name: Other"));

        assertEquals(2, run("", "--profile", other.toString(), "rollback"));
        assertTrue(err.contains("Profile Other has no unfinished run") && err.contains(runId + " belongs to profile HomeIQ"), err);
        assertEquals(2, run("", "--profile", other.toString(), "rollback", runId));
        assertTrue(err.contains("belongs to profile HomeIQ, not Other"), err);
        assertEquals(2, run("", "--profile", other.toString(), "reset", "--resume", "--yes"));
        assertTrue(err.contains(runId + " belongs to profile HomeIQ"), err);
        assertEquals(2, run("", "--profile", other.toString(), "runs", "close", runId, "--yes"));
        assertTrue(err.contains("belongs to profile HomeIQ, not Other"), err);
        assertEquals(0, stack.pointsInVolume(), "nothing was undone with the wrong profile");

        assertEquals(0, run("", "rollback", "--dry-run"));
        assertTrue(out.contains("Rollback of run " + runId) && out.contains("ok  backup set") && out.contains("nothing was changed"), out);
        assertEquals(0, run("", "runs", "close", runId, "--yes"));
        assertEquals(2, run("", "rollback"));
        assertTrue(err.contains("Profile HomeIQ has no unfinished run to roll back"), err);
    }

    @Test
    void resetNotConfirmedExitsTwoAndChangesNothing() {
        long before = stack.pointsInVolume();
        assertEquals(2, run("nope\n", "reset", "--mode", "full"));
        assertTrue(err.contains("Type 'homeiq'"), err);
        assertEquals(before, stack.pointsInVolume());
        assertTrue(stack.docker.calls().stream().noneMatch(c -> c.startsWith("stop")), stack.docker.calls().toString());
    }

    @Test
    void anUnknownCommandIsBadUsage() {
        assertEquals(2, run("", "explode"));
    }

    @Test
    void secretsAppearInNoOutputOrLog() {
        run("", "reset", "--yes");
        assertFalse(out.contains(TestStack.TOKEN) || err.contains(TestStack.TOKEN));
        assertFalse(out.contains(TestStack.PASSWORD) || err.contains(TestStack.PASSWORD));
    }
}
