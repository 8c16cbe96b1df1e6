package io.github.influxreset.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.Progress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The desktop's task runner on the real JavaFX thread (headless): the work runs off it, and its
 * progress, result and failure come back on it, progress in order and all before the end.
 */
@ExtendWith(ApplicationExtension.class)
class FxTaskRunnerTest {
    private final FxTaskRunner runner = new FxTaskRunner();

    @Test
    void theWorkRunsOffTheFxThreadAndItsProgressAndResultComeBackOnItInOrder() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<String> result = new CompletableFuture<>();
        boolean[] workOnFxThread = {true};
        Platform.runLater(() -> runner.run("copy", progress -> {
            workOnFxThread[0] = Platform.isFxApplicationThread();
            progress.update(0.25, "copying");
            progress.update(0.5, "copying");
            progress.update(1.0, "copied");
            return "done";
        }, (fraction, message) -> seen.add((Platform.isFxApplicationThread() ? "fx " : "worker ") + fraction + " " + message),
                value -> {
                    seen.add((Platform.isFxApplicationThread() ? "fx " : "worker ") + "success " + value);
                    result.complete(value);
                }, result::completeExceptionally));

        assertEquals("done", result.get(30, TimeUnit.SECONDS));
        assertFalse(workOnFxThread[0], "the blocking work never runs on the FX thread");
        assertTrue(seen.stream().allMatch(s -> s.startsWith("fx ")), seen.toString());
        assertEquals("fx success done", seen.get(seen.size() - 1), "the result comes after all progress");
        assertTrue(seen.contains("fx 1.0 copied"), "the last progress is delivered: " + seen);
        List<Double> fractions = seen.stream().filter(s -> !s.contains("success")).map(s -> Double.parseDouble(s.split(" ")[1]))
                .toList();
        assertEquals(fractions.stream().sorted().toList(), fractions, "never reordered: " + seen);
    }

    @Test
    void aFractionThatMovesUnderTheSameMessageStillReachesTheProgressBar() throws Exception {
        List<Double> fractions = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        Platform.runLater(() -> runner.run("carry", progress -> {
            progress.update(0.1, "Carrying bucket b");
            waitUntilDelivered(fractions, 1);
            progress.update(0.9, "Carrying bucket b");
            return null;
        }, (fraction, message) -> fractions.add(fraction), ignored -> ended.complete(null), ended::completeExceptionally));

        ended.get(30, TimeUnit.SECONDS);
        assertEquals(0.9, fractions.get(fractions.size() - 1), "the second fraction, with an unchanged message: " + fractions);
    }

    @Test
    void everyServiceEventArrivesOnTheFxThreadInOrderAndBeforeTheResult() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        Progress onProgress = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public void serviceStarting(String service) {
                seen.add((Platform.isFxApplicationThread() ? "fx " : "worker ") + "starting " + service);
            }

            @Override
            public void serviceUp(String service) {
                seen.add((Platform.isFxApplicationThread() ? "fx " : "worker ") + "up " + service);
            }
        };
        Platform.runLater(() -> runner.run("restart", progress -> {
            for (String service : List.of("influxdb", "websocket-ingestion", "enrichment-pipeline")) {
                progress.serviceStarting(service);
                progress.update(0.5, "Start service " + service);
                progress.serviceUp(service);
            }
            return null;
        }, onProgress, ignored -> {
            seen.add("fx end");
            ended.complete(null);
        }, ended::completeExceptionally));

        ended.get(30, TimeUnit.SECONDS);
        assertEquals(List.of("fx starting influxdb", "fx up influxdb", "fx starting websocket-ingestion",
                "fx up websocket-ingestion", "fx starting enrichment-pipeline", "fx up enrichment-pipeline", "fx end"), seen,
                "none coalesced, none reordered, all before the end");
    }

    @Test
    void aFailureComesBackOnTheFxThreadAndNoResultDoes() throws Exception {
        CompletableFuture<String> failure = new CompletableFuture<>();
        boolean[] succeeded = {false};
        Platform.runLater(() -> runner.run("fail", progress -> {
            throw new IllegalStateException("the engine does not answer");
        }, (fraction, message) -> { }, value -> succeeded[0] = true,
                error -> failure.complete((Platform.isFxApplicationThread() ? "fx " : "worker ") + error.getMessage())));

        assertEquals("fx the engine does not answer", failure.get(30, TimeUnit.SECONDS));
        assertFalse(succeeded[0]);
    }

    /** Waits (parking, at most ten seconds) until the FX thread delivered that many updates. */
    private static void waitUntilDelivered(List<Double> delivered, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (delivered.size() < count && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
        }
    }
}
