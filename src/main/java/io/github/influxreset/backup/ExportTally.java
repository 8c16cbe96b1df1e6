package io.github.influxreset.backup;

import io.github.influxreset.domain.ResetException;
import java.io.BufferedReader;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Counts what a line-protocol export really holds, read back from its file: the values of every
 * field of every measurement. A line that is not line protocol fails with its number, so an export
 * is never taken as complete on trust.
 */
final class ExportTally {
    private ExportTally() {
    }

    /**
     * What an export holds, per measurement and field: every value, and those stamped before a cut
     * (what a seal compares with the server to know whether the older values are all in the set).
     */
    record Counts(Map<String, Map<String, Long>> values, Map<String, Map<String, Long>> before) {
    }

    /** measurement → field → values, of the export in {@code in} (named {@code what} in errors). */
    static Map<String, Map<String, Long>> of(InputStream in, String what) throws IOException {
        return of(in, what, Long.MIN_VALUE).values();
    }

    /** As {@link #of(InputStream, String)}, also counting the values stamped before {@code cutNanos}. */
    static Counts of(InputStream in, String what, long cutNanos) throws IOException {
        Counter counter = new Counter(what, cutNanos);
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            counter.line(line);
        }
        return counter.counts();
    }

    /**
     * An output that counts the export's lines as they are written through it, as {@link #of} counts
     * them read back: the same counts without reading the file again. The set's verification still
     * counts the file itself before anything destructive runs.
     */
    static final class CountingOutput extends FilterOutputStream {
        private final Counter counter;
        private final LongConsumer valuesSoFar;
        private byte[] line = new byte[256];
        private int length;

        CountingOutput(OutputStream out, String what, long cutNanos) {
            this(out, what, cutNanos, values -> { });
        }

        /** @param valuesSoFar told the values counted so far after each line (a progress line) */
        CountingOutput(OutputStream out, String what, long cutNanos, LongConsumer valuesSoFar) {
            super(out);
            this.counter = new Counter(what, cutNanos);
            this.valuesSoFar = valuesSoFar;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            take((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int count) throws IOException {
            out.write(bytes, offset, count);
            for (int i = offset; i < offset + count; i++) {
                take(bytes[i]);
            }
        }

        /** What was written, counted; a last line without its newline counted too. */
        Counts counts() {
            if (length > 0) {
                endLine();
            }
            return counter.counts();
        }

        private void take(byte b) {
            if (b == '\n') {
                endLine();
            } else {
                if (length == line.length) {
                    line = Arrays.copyOf(line, length * 2);
                }
                line[length++] = b;
            }
        }

        private void endLine() {
            int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
            counter.line(new String(line, 0, end, StandardCharsets.UTF_8));
            length = 0;
            valuesSoFar.accept(counter.values);
        }
    }

    /** Counts line after line; a line that is not line protocol fails with its number. */
    private static final class Counter {
        private final String what;
        private final long cutNanos;
        private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        private final Map<String, Map<String, Long>> before = new LinkedHashMap<>();
        private long number;
        private long values;

        Counter(String what, long cutNanos) {
            this.what = what;
            this.cutNanos = cutNanos;
        }

        void line(String line) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                return;
            }
            try {
                String measurement = measurement(line);
                List<String> keys = fieldKeys(line);
                Map<String, Long> fields = counts.computeIfAbsent(measurement, m -> new LinkedHashMap<>());
                keys.forEach(field -> fields.merge(field, 1L, Long::sum));
                values += keys.size();
                if (cutNanos != Long.MIN_VALUE && timestamp(line) < cutNanos) {
                    Map<String, Long> older = before.computeIfAbsent(measurement, m -> new LinkedHashMap<>());
                    keys.forEach(field -> older.merge(field, 1L, Long::sum));
                }
            } catch (IllegalArgumentException malformed) {
                throw ResetException.problem("Line " + number + " of " + what + " is not line protocol ("
                        + malformed.getMessage() + "), so the export cannot be counted.",
                        "Write the backup again; if it repeats, check InfluxDB's log.", malformed);
            }
        }

        Counts counts() {
            return new Counts(counts, before);
        }
    }

    /** The nanosecond timestamp after the fields; a line without one (never in an export) counts as stamped last. */
    static long timestamp(String line) {
        int start = sectionEnd(line, 0, false) + 1;
        int end = sectionEnd(line, start, true);
        if (start <= 0 || end >= line.length()) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(line.substring(end + 1).trim());
        } catch (NumberFormatException notATime) {
            throw new IllegalArgumentException("its timestamp is not a number");
        }
    }

    /** The most values of one field, per measurement: the points the export holds, as InfluxDB counts them. */
    static Map<String, Long> points(Map<String, Map<String, Long>> values) {
        Map<String, Long> points = new LinkedHashMap<>();
        values.forEach((measurement, fields) -> points.put(measurement,
                fields.values().stream().mapToLong(Long::longValue).max().orElse(0)));
        return points;
    }

    static String measurement(String line) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                name.append(line.charAt(++i));
            } else if (c == ',' || c == ' ') {
                return name.toString();
            } else {
                name.append(c);
            }
        }
        throw new IllegalArgumentException("no fields");
    }

    /** The field keys of a line: the section after the first unescaped space, split outside quotes. */
    static List<String> fieldKeys(String line) {
        int start = sectionEnd(line, 0, false) + 1;
        int end = sectionEnd(line, start, true);
        if (start <= 0 || start >= line.length()) {
            throw new IllegalArgumentException("no fields");
        }
        List<String> keys = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        boolean inKey = true;
        boolean quoted = false;
        for (int i = start; i < end; i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < end) {
                if (inKey) {
                    key.append(line.charAt(i + 1));
                }
                i++;
            } else if (quoted) {
                quoted = c != '"';
            } else if (c == '"') {
                quoted = true;
            } else if (inKey && c == '=') {
                inKey = false;
            } else if (!inKey && c == ',') {
                keys.add(checked(key));
                key.setLength(0);
                inKey = true;
            } else if (inKey) {
                key.append(c);
            }
        }
        if (inKey || quoted) {
            throw new IllegalArgumentException(quoted ? "a string value is not closed" : "a field has no value");
        }
        keys.add(checked(key));
        return keys;
    }

    private static String checked(StringBuilder key) {
        if (key.length() == 0) {
            throw new IllegalArgumentException("a field has no name");
        }
        return key.toString();
    }

    /** The index of the first unescaped space from {@code from} (outside quotes in the fields), else the end. */
    private static int sectionEnd(String line, int from, boolean fields) {
        boolean quoted = false;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (fields && c == '"') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                return i;
            }
        }
        return fields ? line.length() : -1;
    }
}
