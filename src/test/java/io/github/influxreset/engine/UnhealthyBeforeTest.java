package io.github.influxreset.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.testing.CliRun;
import io.github.influxreset.testing.StackCliContext;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service that answers its health URL with 200 and {@code "status": "unhealthy"} before anything
 * changes (issue 27, item 5): the checks name it, the reset does not fail at the restart because of
 * it, and a rollback's goal for it is the health it had before (said, not a failed rollback).
 */
class UnhealthyBeforeTest {
    private static final String WHY = "http://127.0.0.1:8006/health answered HTTP 200 but its reply says status unhealthy";

    @TempDir
    Path dir;
    TestStack stack;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
        stack.docker.makeUnhealthy("data-api", WHY);
    }

    private CliRun run(String... args) {
        return CliRun.run(new StackCliContext(stack), "", args);
    }

    @Test
    void theChecksNameTheUnhealthyServiceAndWhyBeforeAnythingChanges() {
        CliRun check = run("check");

        String line = check.out().lines().filter(l -> l.contains("Service data-api")).findFirst().orElse("");
        assertTrue(line.startsWith("WARNING") && line.contains(WHY) && line.contains("wait only until it runs"), check.out());
        assertTrue(check.out().lines().anyMatch(l -> l.startsWith("OK") && l.contains("Service websocket-ingestion")
                && l.contains("answers healthy")), check.out());
        assertFalse(stack.docker.calls().stream().anyMatch(c -> c.startsWith("stop") || c.startsWith("start")),
                "the checks change nothing: " + stack.docker.calls());
    }

    @Test
    void theResetDoesNotFailAtTheRestartBecauseOfAnOldTroubleAndSaysIt() {
        CliRun plan = run("plan", "--mode", "buckets");
        CliRun reset = run("reset", "--mode", "buckets", "--yes");

        assertTrue(plan.out().contains("Start service data-api and wait until it runs (it was not healthy before the run: "
                + WHY + ")"), plan.out());
        assertEquals(0, reset.code(), reset.out() + reset.err());
        assertTrue(stack.events.stream().anyMatch(e -> e.message().startsWith("Service data-api: runs but is not healthy: " + WHY
                + ". It was not healthy before the run either")), "the run says how it stands");
        assertTrue(stack.docker.calls().contains("start data-api"), stack.docker.calls().toString());
    }

    @Test
    void aServiceThatHealedDuringTheRunIsSaidHealthy() {
        stack.docker.whenStarted("data-api", () -> stack.docker.heal("data-api"));

        CliRun reset = run("reset", "--mode", "buckets", "--yes");

        assertEquals(0, reset.code(), reset.out() + reset.err());
        assertTrue(stack.events.stream().anyMatch(e -> e.message().equals("Service data-api: runs and is healthy (it was not "
                + "before the run: " + WHY + ")")), "said, with what it was before");
    }

    @Test
    void theRollbackStartsItAgainWithoutFailingOnItsOldTrouble() {
        stack.docker.failNextStartOf("websocket-ingestion");

        CliRun reset = run("reset", "--mode", "buckets", "--yes");

        assertEquals(3, reset.code(), "a failed step rolled back, not a failed rollback (4): " + reset.out() + reset.err());
        assertTrue(stack.docker.running("data-api").isPresent(), "started again by the rollback");
        assertTrue(stack.events.stream().anyMatch(e -> e.message().startsWith("Service data-api: runs but is not healthy")),
                "the rollback says how it stands");
    }

    /** A restore stops and starts the services too: the same old trouble fails neither it nor its undo. */
    @Test
    void aRestoreDoesNotFailAtTheRestartBecauseOfAnOldTroubleEither() {
        CliRun backup = run("--json", "backup");
        assertEquals(0, backup.code(), backup.out() + backup.err());
        String setId = backup.out().replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");

        CliRun restore = run("restore", setId, "--yes");

        assertEquals(0, restore.code(), restore.out() + restore.err());
        assertTrue(stack.events.stream().anyMatch(e -> e.message().startsWith("Service data-api: runs but is not healthy: " + WHY
                + ". It was not healthy before the run either")), "the restore says how it stands");
        assertTrue(stack.docker.running("data-api").isPresent(), "started again by the restore");
    }
}
