package io.github.influxreset.domain;

import java.time.Instant;
import java.util.Map;

/** Builds InfluxDB line protocol with the escaping rules of the format. */
public final class LineProtocol {
    private LineProtocol() {
    }

    /** An instant as line protocol stamps it: nanoseconds since the epoch. */
    public static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** One point: measurement, tags (in order given), typed fields, time in nanoseconds. */
    public static String point(String measurement, Map<String, String> tags, Map<String, Object> fields,
                               long timeNanos) {
        StringBuilder line = new StringBuilder(escape(measurement, ", "));
        tags.forEach((key, value) -> line.append(',').append(escape(key, ",= ")).append('=')
                .append(escape(value, ",= ")));
        line.append(' ');
        boolean first = true;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (!first) {
                line.append(',');
            }
            first = false;
            line.append(escape(field.getKey(), ",= ")).append('=').append(fieldValue(field.getValue()));
        }
        return line.append(' ').append(timeNanos).toString();
    }

    /** A sample value of a field type, as the probe point carries it. */
    public static Object sample(FieldType type) {
        return switch (type) {
            case FLOAT -> 1.5d;
            case INTEGER -> 1L;
            case STRING -> "influx-reset probe";
            case BOOLEAN -> Boolean.TRUE;
        };
    }

    private static String fieldValue(Object value) {
        if (value instanceof String text) {
            return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (value instanceof Long || value instanceof Integer) {
            return value + "i";
        }
        return String.valueOf(value);
    }

    private static String escape(String text, String special) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (special.indexOf(c) >= 0 || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
