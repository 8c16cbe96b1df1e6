package io.github.influxreset.influx.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An answer that stops mid-stream ends the read with a sentence instead of hanging. */
class IdleWatchTest {
    @Test
    @Timeout(30)
    void aServerThatSendsNothingMoreIsGivenUpWithHowLongItWasSilent() {
        InputStream hanging = new InputStream() {
            private final CountDownLatch closed = new CountDownLatch(1);
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ < 3) {
                    return 'x';
                }
                try {
                    closed.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1;
            }

            @Override
            public void close() {
                closed.countDown();
            }
        };
        IOException e = assertThrows(IOException.class, () -> {
            try (InputStream watched = new IdleWatch(hanging, Duration.ofMillis(400))) {
                assertEquals('x', watched.read());
                watched.readAllBytes();
            }
        });
        assertTrue(e.getMessage().contains("InfluxDB sent nothing for"), e.getMessage());
    }

    @Test
    void anAnswerThatKeepsComingIsReadWhole() throws IOException {
        byte[] answer = new byte[100_000];
        try (InputStream watched = new IdleWatch(new ByteArrayInputStream(answer), Duration.ofMillis(400))) {
            assertEquals(answer.length, watched.readAllBytes().length);
        }
    }
}
