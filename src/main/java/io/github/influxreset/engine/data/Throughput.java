package io.github.influxreset.engine.data;

import io.github.influxreset.domain.ByteSize;

/**
 * Bytes done of a total, the rate so far and the time left, as one line for a progress bar. A
 * total below zero means unknown: then the line has the bytes and the rate only.
 */
public final class Throughput {
    public static final long UNKNOWN = -1;
    private final long total;
    private final long startNanos;

    public Throughput(long total, long startNanos) {
        this.total = total;
        this.startNanos = startNanos;
    }

    /** The fraction done, or -1 (indeterminate) when the total is unknown. */
    public double fraction(long done) {
        if (total < 0) {
            return -1;
        }
        return total == 0 ? 1.0 : Math.min(1.0, (double) done / total);
    }

    /** Below this share of the total, a rate says too little to tell the time left. */
    private static final double TOO_EARLY = 0.01;

    /**
     * {@code 120.0 MiB of 1.2 GiB, 310.5 MiB/s, 3 s left}, or {@code 120.0 MiB, 310.5 MiB/s}; no time
     * left before 1% is done (the first bytes come before the copy's real pace).
     */
    public String describe(long done, long nowNanos) {
        double seconds = Math.max(1e-3, (nowNanos - startNanos) / 1e9);
        double rate = done / seconds;
        String rateText = ByteSize.human((long) rate) + "/s";
        if (total < 0) {
            return ByteSize.human(done) + ", " + rateText;
        }
        String soFar = ByteSize.human(done) + " of " + ByteSize.human(total) + ", " + rateText;
        if (total > 0 && (double) done / total < TOO_EARLY) {
            return soFar;
        }
        long left = rate <= 0 ? 0 : (long) Math.ceil(Math.max(0, total - done) / rate);
        return soFar + ", " + TimeLeft.format(left) + " left";
    }
}
