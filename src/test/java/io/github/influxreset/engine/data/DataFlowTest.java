package io.github.influxreset.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.Severity;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data-flow check: it returns once every bucket has new points, and a silent one is a warning in time. */
class DataFlowTest {
    @TempDir
    Path dir;

    @Test
    void aBucketThatGetsPointsIsOkAndASilentOneAWarningAfterTheBudget() throws Exception {
        TestStack stack = new TestStack(dir);
        Instant since = Instant.now();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> stack.influx.write("home_assistant_events",
                "home_assistant_events,entity_id=sensor.new v=1 " + (System.currentTimeMillis() + 1) * 1_000_000L + "\n"),
                CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));

        List<Finding> findings = new DataFlow(stack.influx).await(List.of("home_assistant_events", "weather_data"), since,
                Duration.ofSeconds(2));

        writer.get(5, TimeUnit.SECONDS);
        assertEquals(Severity.OK, findings.get(0).severity(), findings.toString());
        assertEquals("1 new point since the services were restarted", findings.get(0).message());
        assertEquals(Severity.WARNING, findings.get(1).severity(), findings.toString());
        assertTrue(findings.get(1).message().startsWith("no new point within 2 s of the restart"), findings.get(1).message());
    }

    @Test
    void pointsFromBeforeTheStopDoNotCount() throws Exception {
        TestStack stack = new TestStack(dir);

        List<Finding> findings = new DataFlow(stack.influx).await(List.of("home_assistant_events"), Instant.now(),
                Duration.ZERO);

        assertEquals(Severity.WARNING, findings.get(0).severity(), "the stack's 50 old points are not a flow: " + findings);
    }
}
