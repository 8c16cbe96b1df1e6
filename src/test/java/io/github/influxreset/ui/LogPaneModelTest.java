package io.github.influxreset.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.engine.log.LogEvent;
import io.github.influxreset.engine.log.LogLevel;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LogPaneModelTest {
    private static LogEvent event(String producer, int n, LogLevel level) {
        return new LogEvent(Instant.EPOCH, level, null, null, producer + "-" + n);
    }

    @Test
    void twoProducersPushAHundredThousandLinesWithoutWaitingForTheUiAndTheNewestAreKept() throws Exception {
        LogPaneModel model = new LogPaneModel(1_000);
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(2);
        for (String producer : new String[] {"a", "b"}) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 50_000; i++) {
                    model.offer(event(producer, i, LogLevel.INFO));
                }
                finished.countDown();
            });
            thread.start();
        }
        start.countDown();

        assertTrue(finished.await(30, TimeUnit.SECONDS), "producers finished without anyone draining");
        while (model.drain() > 0) {
            // the UI thread's pulses
        }

        assertEquals(1_000, model.lines().size(), "bounded");
        for (String producer : new String[] {"a", "b"}) {
            java.util.List<Integer> kept = model.lines().stream().map(LogEvent::message)
                    .filter(m -> m.startsWith(producer + "-")).map(m -> Integer.parseInt(m.substring(2))).toList();
            for (int i = 0; i < kept.size(); i++) {
                assertEquals(50_000 - kept.size() + i, kept.get(i), "producer " + producer + " keeps its newest lines, in order");
            }
        }
    }

    @Test
    void drainingWhileProducingKeepsTheListBoundedAndInArrivalOrder() throws Exception {
        LogPaneModel model = new LogPaneModel(500);
        AtomicBoolean done = new AtomicBoolean();
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 100_000; i++) {
                model.offer(event("p", i, LogLevel.INFO));
            }
            done.set(true);
        });
        producer.start();
        while (!done.get()) {
            model.drain();
            assertTrue(model.lines().size() <= 500);
        }
        producer.join();
        while (model.drain() > 0) {
            assertTrue(model.lines().size() <= 500);
        }
        assertEquals("p-99999", model.lines().get(model.lines().size() - 1).message());
    }

    @Test
    void levelFilterHidesLowerLevelsAndCopyShowsWhatIsVisible() {
        LogPaneModel model = new LogPaneModel(100);
        model.offer(event("x", 1, LogLevel.DEBUG));
        model.offer(event("x", 2, LogLevel.INFO));
        model.offer(event("x", 3, LogLevel.ERROR));
        model.drain();

        model.minimumLevelProperty().set(LogLevel.WARN);

        assertEquals(1, model.visibleLines().size());
        assertTrue(model.visibleText().contains("x-3") && !model.visibleText().contains("x-2"));
    }
}
