package io.github.influxreset.docker;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A read timeout for a blocking unix-socket channel (which has none of its own): when no byte has
 * moved for the stall time, the channel is closed, so the blocked read fails instead of hanging
 * the step. Callers mark progress as bytes move.
 */
final class Watchdog implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "influx-reset-stall-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final Closeable channel;
    private final long stallNanos;
    private final ScheduledFuture<?> check;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean fired;

    private Watchdog(Closeable channel, Duration stall) {
        this.channel = channel;
        this.stallNanos = stall.toNanos();
        long period = Math.max(50, Math.min(1000, stall.toMillis() / 4));
        this.check = TIMER.scheduleAtFixedRate(this::checkStall, period, period, TimeUnit.MILLISECONDS);
    }

    static Watchdog on(Closeable channel, Duration stall) {
        return new Watchdog(channel, stall);
    }

    void progress() {
        lastProgress = System.nanoTime();
    }

    /** True when the channel was closed because it stalled. */
    boolean fired() {
        return fired;
    }

    private void checkStall() {
        if (!fired && System.nanoTime() - lastProgress > stallNanos) {
            fired = true;
            try {
                channel.close();
            } catch (IOException ignored) {
                // the blocked read fails either way
            }
        }
    }

    @Override
    public void close() {
        check.cancel(false);
    }
}
