package io.github.influxreset.backup;

import io.github.influxreset.domain.FieldCounts;
import io.github.influxreset.domain.LineTally;
import java.io.BufferedReader;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
     * What an export holds, per measurement and field: every value (as the server's count() counts
     * them), those stamped before a cut (what a seal compares with the server to know whether the
     * older values are all in the set), and the values once each (a row the server answered twice
     * counted once: what a bucket restored from the export holds, see {@link LineTally}).
     */
    record Counts(Map<String, Map<String, Long>> values, Map<String, Map<String, Long>> before,
                  Map<String, Map<String, Long>> distinct) {
        /** Values the server answered twice: held in the file, stored once by a restore. */
        long repeated() {
            return FieldCounts.total(values) - FieldCounts.total(distinct);
        }
    }

    /** measurement → field → values, of the export in {@code in} (named {@code what} in errors). */
    static Map<String, Map<String, Long>> of(InputStream in, String what) throws IOException {
        return of(in, what, Long.MIN_VALUE).values();
    }

    /** As {@link #of(InputStream, String)}, also counting the values stamped before {@code cutNanos}. */
    static Counts of(InputStream in, String what, long cutNanos) throws IOException {
        LineTally counter = new LineTally(what, cutNanos);
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            counter.line(line);
        }
        return counts(counter);
    }

    private static Counts counts(LineTally tally) {
        return new Counts(tally.values(), tally.before(), tally.distinct());
    }

    /**
     * An output that counts the export's lines as they are written through it, as {@link #of} counts
     * them read back: the same counts without reading the file again. The set's verification still
     * counts the file itself before anything destructive runs.
     */
    static final class CountingOutput extends FilterOutputStream {
        private final LineTally counter;
        private final LongConsumer valuesSoFar;
        private byte[] line = new byte[256];
        private int length;

        CountingOutput(OutputStream out, String what, long cutNanos) {
            this(out, what, cutNanos, values -> { });
        }

        /** @param valuesSoFar told the values counted so far after each line (a progress line) */
        CountingOutput(OutputStream out, String what, long cutNanos, LongConsumer valuesSoFar) {
            super(out);
            this.counter = new LineTally(what, cutNanos);
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
            return ExportTally.counts(counter);
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
            valuesSoFar.accept(counter.valuesSoFar());
        }
    }
}
