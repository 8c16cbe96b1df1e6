package io.github.influxreset.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the three sections of a line of line protocol ({@code series fields time}) without parsing
 * the values: what counting an export needs, at the speed of a scan. A line that is not line
 * protocol throws {@link IllegalArgumentException} saying what is wrong.
 */
public final class LineSections {
    private LineSections() {
    }

    /** Where the series (measurement and tags) ends: the index of the first unescaped space; -1 when none. */
    public static int seriesEnd(String line) {
        return sectionEnd(line, 0, false);
    }

    /** The nanosecond timestamp after the fields; a line without one (never in an export) counts as stamped last. */
    public static long timestamp(String line) {
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

    /** How many fields a line holds (its unquoted, unescaped commas after the series, plus one); never throws. */
    public static int fieldCount(String line) {
        int start = seriesEnd(line) + 1;
        if (start <= 0) {
            return 0;
        }
        int end = sectionEnd(line, start, true);
        int fields = 1;
        boolean quoted = false;
        for (int i = start; i < end; i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields++;
            }
        }
        return fields;
    }

    /** The measurement's name, unescaped. */
    public static String measurement(String line) {
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
    public static List<String> fieldKeys(String line) {
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
    static int sectionEnd(String line, int from, boolean fields) {
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
