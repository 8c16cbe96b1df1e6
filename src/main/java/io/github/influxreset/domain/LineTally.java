package io.github.influxreset.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the values of line-protocol lines, line after line, per measurement and field: every row
 * ({@link #values}), those stamped before a cut ({@link #before}), and the repeats among them
 * ({@link #repeats}).
 *
 * <p>A repeat is a line of the same series and fields as the line before it, stamped no later than
 * the latest line of that run. A server answers each series' rows once, in time order, so a repeat
 * is a row it returned twice: InfluxDB 2.7 does so after a large write until it compacts, and its
 * {@code count()} counts those rows too. Writing the lines stores each repeated value once, so a
 * bucket written from them holds {@link #distinct} values. Holds one line, never the lines.
 */
public final class LineTally {
    private final String what;
    private final long cutNanos;
    private final Map<String, Map<String, Long>> values = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> before = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> repeats = new LinkedHashMap<>();
    private long number;
    private long valuesSoFar;
    private String lastLine = "";
    private int lastSeriesEnd = -1;
    private List<String> lastKeys = List.of();
    private long latest = Long.MIN_VALUE;

    /** @param what the lines' source as an error names it ("export/events.lp.zst") */
    public LineTally(String what) {
        this(what, Long.MIN_VALUE);
    }

    /** @param cutNanos values stamped before it are counted in {@link #before} too; {@code Long.MIN_VALUE}: none */
    public LineTally(String what, long cutNanos) {
        this.what = what;
        this.cutNanos = cutNanos;
    }

    /** Counts one line (without its line end); a blank or comment line counts nothing. */
    public void line(String line) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
            return;
        }
        try {
            String measurement = LineSections.measurement(line);
            List<String> keys = LineSections.fieldKeys(line);
            long time = LineSections.timestamp(line);
            add(values, measurement, keys);
            valuesSoFar += keys.size();
            if (cutNanos != Long.MIN_VALUE && time < cutNanos) {
                add(before, measurement, keys);
            }
            if (repeatsTheRun(line, keys, time)) {
                add(repeats, measurement, keys);
            }
        } catch (IllegalArgumentException malformed) {
            throw ResetException.problem("Line " + number + " of " + what + " is not line protocol ("
                    + malformed.getMessage() + "), so it cannot be counted.",
                    "Write the backup again; if it repeats, check InfluxDB's log.", malformed);
        }
    }

    /** Every value of every line so far: what a progress line counts. */
    public long valuesSoFar() {
        return valuesSoFar;
    }

    /** measurement → field → every value, repeats included (as the server's {@code count()} counts them). */
    public Map<String, Map<String, Long>> values() {
        return values;
    }

    /** As {@link #values}, of the values stamped before the cut. */
    public Map<String, Map<String, Long>> before() {
        return before;
    }

    /** measurement → field → rows repeated; nothing when no row came twice. */
    public Map<String, Map<String, Long>> repeats() {
        return FieldCounts.nonZero(repeats);
    }

    /** The values once each: what a bucket written from the lines holds. */
    public Map<String, Map<String, Long>> distinct() {
        return FieldCounts.minus(values, repeats);
    }

    private boolean repeatsTheRun(String line, List<String> keys, long time) {
        int seriesEnd = LineSections.seriesEnd(line);
        boolean sameRun = seriesEnd == lastSeriesEnd && line.regionMatches(0, lastLine, 0, seriesEnd)
                && keys.equals(lastKeys);
        boolean repeated = sameRun && time != Long.MAX_VALUE && time <= latest;
        latest = sameRun ? Math.max(latest, time) : time;
        lastLine = line;
        lastSeriesEnd = seriesEnd;
        lastKeys = keys;
        return repeated;
    }

    private static void add(Map<String, Map<String, Long>> counts, String measurement, List<String> keys) {
        Map<String, Long> fields = counts.computeIfAbsent(measurement, m -> new LinkedHashMap<>());
        keys.forEach(field -> fields.merge(field, 1L, Long::sum));
    }
}
