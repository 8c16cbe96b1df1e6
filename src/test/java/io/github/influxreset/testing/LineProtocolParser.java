package io.github.influxreset.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the line protocol the product writes (escapes, quoted strings, i-suffixed integers). */
public final class LineProtocolParser {
    private LineProtocolParser() {
    }

    public static List<Point> parse(String text) {
        List<Point> points = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                points.add(parseLine(line));
            }
        }
        return points;
    }

    static Point parseLine(String line) {
        List<String> sections = split(line, ' ', true);
        if (sections.size() != 3) {
            throw new IllegalArgumentException("not a point: " + line);
        }
        List<String> key = split(sections.get(0), ',', false);
        Map<String, String> tags = new LinkedHashMap<>();
        for (String tag : key.subList(1, key.size())) {
            List<String> kv = split(tag, '=', false);
            tags.put(unescape(kv.get(0)), unescape(kv.get(1)));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : split(sections.get(1), ',', true)) {
            List<String> kv = split(field, '=', true);
            fields.put(unescape(kv.get(0)), value(kv.get(1)));
        }
        return new Point(unescape(key.get(0)), tags, fields, Long.parseLong(sections.get(2)));
    }

    private static Object value(String text) {
        if (text.startsWith("\"")) {
            return text.substring(1, text.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        if (text.endsWith("i")) {
            return Long.parseLong(text.substring(0, text.length() - 1));
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        return Double.parseDouble(text);
    }

    /** Splits on unescaped separators (and, when asked, not inside quotes); keeps escapes. */
    private static List<String> split(String text, char separator, boolean respectQuotes) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
            } else if (c == '"' && respectQuotes) {
                quoted = !quoted;
                current.append(c);
            } else if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unescape(String text) {
        return text.replaceAll("\\\\(.)", "$1");
    }
}
