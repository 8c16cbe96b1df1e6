package io.github.influxreset.engine.log;

import java.util.function.LongSupplier;

/**
 * Which progress lines reach the log: every sentence (an update without a fraction) and every end
 * (a fraction of 1), but of the lines that only move a count (a fraction between 0 and 1) at most
 * one a second. A long carry moves its bar once per batch, many times a second; its log, the
 * log pane and the command line get a line a second, so that a year of data does not push the
 * run's earlier lines out of the pane.
 */
public final class LogPace {
    private static final long EVERY_NANOS = 1_000_000_000L;
    private final LongSupplier nanoTime;
    private long lastCount;
    private boolean counted;

    public LogPace(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Whether a progress line with this fraction goes to the log now. */
    public synchronized boolean admits(double fraction) {
        if (fraction < 0 || fraction >= 1) {
            return true;
        }
        long now = nanoTime.getAsLong();
        if (counted && now - lastCount < EVERY_NANOS) {
            return false;
        }
        counted = true;
        lastCount = now;
        return true;
    }
}
