package io.github.influxreset.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.ResetException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Writes on their own thread, in order, at most two waiting, the first failure ending the writing. */
class InOrderWriterTest {
    @Test
    void writesRunInTheOrderGiven() {
        List<Integer> written = new CopyOnWriteArrayList<>();
        try (InOrderWriter writer = new InOrderWriter("test-writer")) {
            for (int i = 0; i < 50; i++) {
                int batch = i;
                writer.submit(() -> written.add(batch));
            }
            writer.awaitAll();
        }
        assertEquals(IntStream.range(0, 50).boxed().toList(), written);
    }

    @Test
    void theCallerWaitsWhileTwoWritesWaitSoMemoryStaysBounded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger submitted = new AtomicInteger();
        try (InOrderWriter writer = new InOrderWriter("test-writer")) {
            Thread caller = new Thread(() -> {
                for (int i = 0; i < 5; i++) {
                    writer.submit(() -> await(release));
                    submitted.incrementAndGet();
                }
            });
            caller.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (caller.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(Thread.State.WAITING, caller.getState(), "the caller waits for the first write");
            assertEquals(2, submitted.get(), "the third submit waits while two are queued");
            release.countDown();
            caller.join(5_000);
            assertEquals(5, submitted.get());
            writer.awaitAll();
        }
    }

    @Test
    void theFirstFailureIsThrownAndNothingAfterItIsWritten() {
        ResetException refused = ResetException.problem("InfluxDB refused batch 3.", "", null);
        List<Integer> written = new CopyOnWriteArrayList<>();
        try (InOrderWriter writer = new InOrderWriter("test-writer")) {
            ResetException thrown = assertThrows(ResetException.class, () -> {
                for (int i = 0; i < 10; i++) {
                    int batch = i;
                    writer.submit(() -> {
                        if (batch == 3) {
                            throw refused;
                        }
                        written.add(batch);
                    });
                }
                writer.awaitAll();
            });
            assertSame(refused, thrown);
        }
        assertEquals(List.of(0, 1, 2), written.subList(0, 3));
        assertTrue(written.size() <= 5, "at most the two queued behind the failure ran: " + written);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
