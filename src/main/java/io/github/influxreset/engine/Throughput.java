package io.github.influxreset.engine;

import java.util.Locale;

/** Bytes done of a total, the rate so far and the time left, as one line for a progress bar. */
public final class Throughput {
    private final long total;
    private final long startNanos;

    public Throughput(long total, long startNanos) {
        this.total = total;
        this.startNanos = startNanos;
    }

    public double fraction(long done) {
        return total <= 0 ? 1.0 : Math.min(1.0, (double) done / total);
    }

    /** {@code 120.0 MiB of 1.2 GiB, 310.5 MiB/s, 3 s left}. */
    public String describe(long done, long nowNanos) {
        double seconds = Math.max(1e-3, (nowNanos - startNanos) / 1e9);
        double rate = done / seconds;
        long left = rate <= 0 ? 0 : (long) Math.ceil((total - done) / rate);
        return PrerequisiteChecks.humanBytes(done) + " of " + PrerequisiteChecks.humanBytes(total) + ", "
                + PrerequisiteChecks.humanBytes((long) rate) + "/s, " + String.format(Locale.ROOT, "%d s left", left);
    }
}
