package io.github.influxreset.influx.v2;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The records of a CSV stream (RFC 4180: quoted fields may hold commas, doubled quotes and line
 * breaks), read a record at a time into one reused buffer: a field is a range of unquoted bytes,
 * copied out only when asked. Memory stays bounded by the longest record.
 */
final class CsvRecords {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] record = new byte[1024];
    private int length;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int count;

    CsvRecords(InputStream in) {
        this.in = in;
    }

    /** Reads the next record; false at the end of the stream. A blank line is a record of no fields. */
    boolean next() throws IOException {
        length = 0;
        count = 0;
        int b = read();
        if (b < 0) {
            return false;
        }
        if (b == '\n' || b == '\r' && skipNewline()) {
            return true;
        }
        while (true) {
            int start = length;
            boolean quoted = b == '"';
            if (quoted) {
                b = readQuoted();
            }
            while (b >= 0 && b != ',' && b != '\n' && b != '\r') {
                append(b);
                b = read();
            }
            field(start, length);
            if (b != ',') {
                if (b == '\r') {
                    skipNewline();
                }
                return true;
            }
            b = read();
        }
    }

    int count() {
        return count;
    }

    /** The field as text (UTF-8). */
    String text(int field) {
        return new String(record, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
    }

    boolean isEmpty(int field) {
        return field >= count || starts[field] == ends[field];
    }

    /** The field as a whole number (digits, an optional leading minus); 0 for an empty field. */
    long number(int field) {
        long value = 0;
        boolean negative = false;
        for (int i = starts[field]; i < ends[field]; i++) {
            byte c = record[i];
            if (c == '-' && i == starts[field]) {
                negative = true;
            } else {
                value = value * 10 + (c - '0');
            }
        }
        return negative ? -value : value;
    }

    void writeTo(int field, OutputStream out) throws IOException {
        out.write(record, starts[field], ends[field] - starts[field]);
    }

    /** The field's byte at {@code offset}; the field's length is {@link #length(int)}. */
    byte byteAt(int field, int offset) {
        return record[starts[field] + offset];
    }

    int length(int field) {
        return ends[field] - starts[field];
    }

    /** Reads a quoted field's content up to its closing quote; returns the byte after it. */
    private int readQuoted() throws IOException {
        while (true) {
            int b = read();
            if (b < 0) {
                throw new IOException("the CSV answer ended inside a quoted field");
            }
            if (b == '"') {
                b = read();
                if (b != '"') {
                    return b;
                }
            }
            append(b);
        }
    }

    private boolean skipNewline() throws IOException {
        if (position >= limit && !fill()) {
            return true;
        }
        if (buffer[position] == '\n') {
            position++;
        }
        return true;
    }

    private void field(int start, int end) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    private void append(int b) {
        if (length == record.length) {
            record = Arrays.copyOf(record, length * 2);
        }
        record[length++] = (byte) b;
    }

    private int read() throws IOException {
        if (position >= limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    private boolean fill() throws IOException {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
            limit = 0;
            return false;
        }
        return true;
    }
}
