package io.github.influxreset.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One point of line protocol, parsed: measurement, tags, typed fields and time (nanoseconds).
 * {@link #format()} writes it back with the format's escaping; a field keeps the text it was read
 * with until it is replaced, so a point carried unchanged is written as it was read.
 */
public record LinePoint(String measurement, Map<String, String> tags, Map<String, Value> fields, long time) {
    /** A field's value: its type, the Java value (Double, Long, String, Boolean) and its line-protocol text. */
    public record Value(FieldType type, Object value, String text) {
        public static Value of(Object value) {
            if (value instanceof String s) {
                return new Value(FieldType.STRING, s, '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
            }
            if (value instanceof Long l) {
                return new Value(FieldType.INTEGER, l, l + "i");
            }
            if (value instanceof Boolean b) {
                return new Value(FieldType.BOOLEAN, b, b.toString());
            }
            double d = ((Number) value).doubleValue();
            return new Value(FieldType.FLOAT, d, d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
                    : Double.toString(d));
        }

        /** A short form for a report: the text, cut at 40 characters. */
        public String example() {
            return text.length() <= 40 ? text : text.substring(0, 37) + "...";
        }
    }

    public LinePoint {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Parses one line; throws {@link IllegalArgumentException} saying what is wrong. */
    public static LinePoint parse(String line) {
        return new Parser(line).point();
    }

    /** The series this point belongs to: measurement and tags, sorted by key as InfluxDB keys them. */
    public String seriesKey() {
        StringBuilder key = new StringBuilder(measurement);
        new TreeMap<>(tags).forEach((k, v) -> key.append(',').append(k).append('=').append(v));
        return key.toString();
    }

    public String format() {
        StringBuilder line = new StringBuilder(escape(measurement, ", "));
        tags.forEach((k, v) -> line.append(',').append(escape(k, ",= ")).append('=').append(escape(v, ",= ")));
        line.append(' ');
        boolean first = true;
        for (Map.Entry<String, Value> field : fields.entrySet()) {
            line.append(first ? "" : ",").append(escape(field.getKey(), ",= ")).append('=').append(field.getValue().text());
            first = false;
        }
        return line.append(' ').append(time).toString();
    }

    private static String escape(String text, String special) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (special.indexOf(c) >= 0 || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A one-pass reader of a line; positions move forward only. */
    private static final class Parser {
        private final String line;
        private int at;

        Parser(String line) {
            this.line = line;
        }

        LinePoint point() {
            String measurement = token(", ");
            if (measurement.isEmpty()) {
                throw new IllegalArgumentException("no measurement");
            }
            Map<String, String> tags = new LinkedHashMap<>();
            while (at < line.length() && line.charAt(at) == ',') {
                at++;
                String key = token("=");
                expect('=');
                tags.put(key, token(", "));
            }
            expect(' ');
            Map<String, Value> fields = new LinkedHashMap<>();
            do {
                if (!fields.isEmpty()) {
                    at++;
                }
                String key = token("=");
                expect('=');
                fields.put(key, value(key));
            } while (at < line.length() && line.charAt(at) == ',');
            if (at >= line.length()) {
                throw new IllegalArgumentException("no timestamp");
            }
            expect(' ');
            try {
                return new LinePoint(measurement, tags, fields, Long.parseLong(line.substring(at).strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the timestamp '" + line.substring(at).strip() + "' is not a number");
            }
        }

        /** Text up to the first unescaped character of {@code stops}, unescaped. */
        private String token(String stops) {
            StringBuilder out = new StringBuilder();
            while (at < line.length()) {
                char c = line.charAt(at);
                if (c == '\\' && at + 1 < line.length()) {
                    out.append(line.charAt(at + 1));
                    at += 2;
                } else if (stops.indexOf(c) >= 0) {
                    break;
                } else {
                    out.append(c);
                    at++;
                }
            }
            return out.toString();
        }

        private Value value(String key) {
            if (at < line.length() && line.charAt(at) == '"') {
                int start = at++;
                StringBuilder out = new StringBuilder();
                while (at < line.length() && line.charAt(at) != '"') {
                    char c = line.charAt(at);
                    if (c == '\\' && at + 1 < line.length() && (line.charAt(at + 1) == '"' || line.charAt(at + 1) == '\\')) {
                        c = line.charAt(++at);
                    }
                    out.append(c);
                    at++;
                }
                if (at >= line.length()) {
                    throw new IllegalArgumentException("the string value of " + key + " is not closed");
                }
                at++;
                return new Value(FieldType.STRING, out.toString(), line.substring(start, at));
            }
            String text = token(", ");
            return scalar(key, text);
        }

        private static Value scalar(String key, String text) {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("field " + key + " has no value");
            }
            try {
                if (text.endsWith("i")) {
                    return new Value(FieldType.INTEGER, Long.parseLong(text.substring(0, text.length() - 1)), text);
                }
                if (text.endsWith("u")) {
                    return new Value(FieldType.INTEGER, Long.parseUnsignedLong(text.substring(0, text.length() - 1)), text);
                }
                switch (text) {
                    case "t", "T", "true", "True", "TRUE" -> {
                        return new Value(FieldType.BOOLEAN, Boolean.TRUE, text);
                    }
                    case "f", "F", "false", "False", "FALSE" -> {
                        return new Value(FieldType.BOOLEAN, Boolean.FALSE, text);
                    }
                    default -> {
                        return new Value(FieldType.FLOAT, Double.parseDouble(text), text);
                    }
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("field " + key + " has the value '" + text + "', which is no number");
            }
        }

        private void expect(char c) {
            if (at >= line.length() || line.charAt(at) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at character " + (at + 1));
            }
            at++;
        }
    }
}
