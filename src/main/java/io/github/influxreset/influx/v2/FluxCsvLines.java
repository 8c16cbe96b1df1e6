package io.github.influxreset.influx.v2;

import io.github.influxreset.domain.LineProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a Flux query's annotated CSV answer (annotation {@code datatype}, header on) into line
 * protocol, one line per field value, written as it is read. A Flux table is one series and field,
 * so its line start ({@code measurement,tags field=}) is made once per table and only the value and
 * time are converted per row. An error table in the answer is thrown as an {@link IOException}.
 */
final class FluxCsvLines {
    private static final Set<String> SYSTEM_COLUMNS = Set.of("", "result", "table", "_start", "_stop", "_time",
            "_value", "_field", "_measurement");
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final CsvRecords csv;
    private final OutputStream out;
    private String[] datatypes = new String[0];
    private String[] columnNames = new String[0];
    private int tableColumn;
    private int timeColumn;
    private int valueColumn;
    private int fieldColumn;
    private int measurementColumn;
    private final List<Integer> tagColumns = new ArrayList<>();
    private String valueType = "";
    private long table = Long.MIN_VALUE;
    private byte[] lineStart = new byte[0];
    private final byte[] number = new byte[20];

    private FluxCsvLines(InputStream answer, OutputStream out) {
        this.csv = new CsvRecords(answer);
        this.out = out;
    }

    /** Writes the answer's rows as line protocol to {@code out}; returns how many lines (field values) were written. */
    static long convert(InputStream answer, OutputStream out) throws IOException {
        return new FluxCsvLines(answer, out).run();
    }

    private long run() throws IOException {
        long lines = 0;
        boolean headerNext = false;
        while (csv.next()) {
            if (csv.count() == 0 || csv.count() == 1 && csv.isEmpty(0)) {
                continue;
            }
            if (!csv.isEmpty(0) && csv.text(0).startsWith("#")) {
                if (csv.text(0).equals("#datatype")) {
                    datatypes = texts();
                    headerNext = true;
                }
                continue;
            }
            if (headerNext || csv.count() > 1 && (csv.text(1).equals("result") || csv.text(1).equals("error"))) {
                header(texts());
                headerNext = false;
                continue;
            }
            if (columnNames.length == 0) {
                throw new IOException("the answer has a row before any header");
            }
            row();
            lines++;
        }
        return lines;
    }

    private void header(String[] columns) throws IOException {
        List<String> names = List.of(columns);
        if (names.contains("error") && !names.contains("_value")) {
            String message = csv.next() && csv.count() > names.indexOf("error") ? csv.text(names.indexOf("error")) : "";
            throw new IOException("the query failed on the server: " + message);
        }
        tableColumn = required(names, "table");
        timeColumn = required(names, "_time");
        valueColumn = required(names, "_value");
        fieldColumn = required(names, "_field");
        measurementColumn = required(names, "_measurement");
        valueType = valueColumn < datatypes.length ? datatypes[valueColumn] : "string";
        tagColumns.clear();
        for (int i = 0; i < columns.length; i++) {
            if (!SYSTEM_COLUMNS.contains(columns[i])) {
                tagColumns.add(i);
            }
        }
        table = Long.MIN_VALUE;
        columnNames = columns;
    }

    private static int required(List<String> names, String column) throws IOException {
        int index = names.indexOf(column);
        if (index < 0) {
            throw new IOException("the answer has no " + column + " column (columns: " + names + ")");
        }
        return index;
    }

    private void row() throws IOException {
        long rowTable = csv.number(tableColumn);
        if (rowTable != table) {
            table = rowTable;
            lineStart = lineStart();
        }
        out.write(lineStart);
        value();
        out.write(' ');
        writeNumber(nanos(csv.text(timeColumn)));
        out.write('\n');
    }

    /** {@code measurement,tag=value,… field=}, escaped as line protocol asks. */
    private byte[] lineStart() {
        StringBuilder start = new StringBuilder();
        escape(start, csv.text(measurementColumn), ", ");
        for (int column : tagColumns) {
            if (!csv.isEmpty(column)) {
                start.append(',');
                escape(start, columnNames[column], ",= ");
                start.append('=');
                escape(start, csv.text(column), ",= ");
            }
        }
        start.append(' ');
        escape(start, csv.text(fieldColumn), ",= ");
        start.append('=');
        return start.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void value() throws IOException {
        switch (valueType) {
            case "string" -> {
                out.write('"');
                int length = csv.length(valueColumn);
                for (int i = 0; i < length; i++) {
                    byte b = csv.byteAt(valueColumn, i);
                    if (b == '"' || b == '\\') {
                        out.write('\\');
                    }
                    out.write(b);
                }
                out.write('"');
            }
            case "long", "unsignedLong" -> {
                csv.writeTo(valueColumn, out);
                out.write('i');
            }
            default -> csv.writeTo(valueColumn, out);
        }
    }

    private String[] texts() {
        String[] texts = new String[csv.count()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = csv.text(i);
        }
        return texts;
    }

    private void writeNumber(long value) throws IOException {
        if (value < 0) {
            out.write(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
            return;
        }
        int at = number.length;
        do {
            number[--at] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        out.write(number, at, number.length - at);
    }

    /**
     * {@code 2026-11-26T06:06:08Z} or with a fraction of up to nine digits (how Flux writes times: in
     * UTC), as nanoseconds since the epoch; another form is parsed the slow way.
     */
    static long nanos(String time) {
        if (time.length() < 20 || time.charAt(time.length() - 1) != 'Z' || time.charAt(10) != 'T') {
            return LineProtocol.nanos(OffsetDateTime.parse(time).toInstant());
        }
        long days = LocalDate.of(Integer.parseInt(time, 0, 4, 10), Integer.parseInt(time, 5, 7, 10),
                Integer.parseInt(time, 8, 10, 10)).toEpochDay();
        long seconds = days * 86_400 + Integer.parseInt(time, 11, 13, 10) * 3600L
                + Integer.parseInt(time, 14, 16, 10) * 60L + Integer.parseInt(time, 17, 19, 10);
        long fraction = 0;
        int digits = 0;
        if (time.length() > 19 && time.charAt(19) == '.') {
            for (int i = 20; i < time.length() && Character.isDigit(time.charAt(i)); i++, digits++) {
                fraction = fraction * 10 + (time.charAt(i) - '0');
            }
        }
        for (; digits < 9; digits++) {
            fraction *= 10;
        }
        return seconds * NANOS_PER_SECOND + fraction;
    }

    private static void escape(StringBuilder out, String text, String special) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (special.indexOf(c) >= 0 || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
    }
}
