package io.github.influxreset.engine.data;

import io.github.influxreset.domain.Progress;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Says how far work counted in items (values exported, lines read) is, against the total counted
 * before it began: {@code Exporting bucket events: 12,000,000 of 40,000,000 values (30 %), 210,000
 * values/s, about 2 min 13 s left}. Reports at most once a second, so that a long export gives the
 * log a line a second, not a line per batch. More items than the total (written while the work ran)
 * are said as such, never as more than 100 %.
 */
public final class CountedProgress {
    private static final long REPORT_EVERY_NANOS = 1_000_000_000L;
    private final String label;
    private final String unit;
    private final long total;
    private final Progress progress;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private long lastReport;

    public CountedProgress(String label, String unit, long total, Progress progress, LongSupplier nanoTime) {
        this.label = label;
        this.unit = unit;
        this.total = total;
        this.progress = progress;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
        this.lastReport = startNanos;
    }

    public CountedProgress(String label, String unit, long total, Progress progress) {
        this(label, unit, total, progress, System::nanoTime);
    }

    /** {@code done} items so far; reported when a second has passed since the last report. */
    public void at(long done) {
        long now = nanoTime.getAsLong();
        if (now - lastReport >= REPORT_EVERY_NANOS) {
            lastReport = now;
            progress.update(total > 0 ? Math.min(1.0, (double) done / total) : -1, describe(done, now));
        }
    }

    String describe(long done, long now) {
        Duration elapsed = Duration.ofNanos(now - startNanos);
        long rate = Math.round(done / Math.max(1e-3, elapsed.toNanos() / 1e9));
        String rateText = String.format(Locale.ROOT, "%,d %s/s", rate, unit);
        if (total <= 0) {
            return String.format(Locale.ROOT, "%s: %,d %s, %s", label, done, unit, rateText);
        }
        if (done > total) {
            return String.format(Locale.ROOT, "%s: %,d %s (%,d counted before it began, the rest written since), %s",
                    label, done, unit, total, rateText);
        }
        double fraction = (double) done / total;
        return String.format(Locale.ROOT, "%s: %,d of %,d %s (%d %%), %s", label, done, total, unit,
                (long) Math.floor(fraction * 100), rateText)
                + TimeLeft.estimate(fraction, elapsed).map(left -> ", " + left).orElse("");
    }
}
