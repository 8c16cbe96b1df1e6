package io.github.influxreset.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The system's UTC time plus an offset a test moves on: time passing without the test waiting for it. */
public final class MovingClock extends Clock {
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    /** From now on the clock reads {@code time} later than before. */
    public void advance(Duration time) {
        ahead.updateAndGet(now -> now.plus(time));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a moving clock reads UTC only");
    }
}
