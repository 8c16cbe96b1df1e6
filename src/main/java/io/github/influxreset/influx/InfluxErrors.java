package io.github.influxreset.influx;

/** InfluxDB's own words about a refused request, made safe to show: one line, printable, not too long. */
public final class InfluxErrors {
    /** Longer error texts are cut: InfluxDB echoes the offending line, which may be megabytes. */
    static final int MAX_LENGTH = 300;

    private InfluxErrors() {
    }

    /** The text with control characters replaced by '?', cut to {@link #MAX_LENGTH} characters. */
    public static String readable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(MAX_LENGTH).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return text.codePointCount(0, text.length()) > MAX_LENGTH ? out + "… (" + text.length() + " characters in all)"
                : out.toString();
    }

    /** What to do about a refused write, from InfluxDB's words. */
    public static String hintForWrite(String error) {
        if (error.contains("field type conflict")) {
            return "A field type conflict means existing data has that field with another type.";
        }
        if (error.contains("max key length")) {
            return "A series key (measurement and tags) may be at most 64 KiB; the line names the one too long.";
        }
        return "The export line named is not what InfluxDB accepts; check it, or write the backup again.";
    }
}
