package io.github.influxreset.domain;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reading of a duration written as text, for retentions, timeouts and budgets alike, and
 * for what InfluxDB prints: a sequence of amounts with units {@code w d h m s ms us µs ns}, as in
 * {@code 365d}, {@code 2m}, {@code 500ms}, {@code 1h30m} or Go's {@code 8760h0m0s}. {@code m} is
 * always minutes and {@code ms} milliseconds.
 */
public final class DurationText {
    private static final Pattern PART = Pattern.compile("(\\d+)\\s*(ms|us|µs|ns|w|d|h|m|s)");

    /** The result when an amount is too large for {@link Duration}. */
    public static final Duration TOO_LONG = Duration.ofSeconds(Long.MAX_VALUE);

    private DurationText() {
    }

    /** The duration the text says; empty when it is not one (a bare number, an unknown unit, text left over). */
    public static Optional<Duration> parse(String text) {
        String trimmed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = PART.matcher(trimmed);
        Duration total = Duration.ZERO;
        int consumed = 0;
        while (matcher.find() && matcher.start() == consumed) {
            try {
                total = total.plus(unit(matcher.group(2)).multipliedBy(Long.parseLong(matcher.group(1))));
            } catch (NumberFormatException | ArithmeticException tooLong) {
                return Optional.of(TOO_LONG);
            }
            consumed = matcher.end();
        }
        return consumed == 0 || consumed != trimmed.length() ? Optional.empty() : Optional.of(total);
    }

    private static Duration unit(String unit) {
        return switch (unit) {
            case "w" -> Duration.ofDays(7);
            case "d" -> Duration.ofDays(1);
            case "h" -> Duration.ofHours(1);
            case "m" -> Duration.ofMinutes(1);
            case "s" -> Duration.ofSeconds(1);
            case "ms" -> Duration.ofMillis(1);
            case "us", "µs" -> Duration.ofNanos(1000);
            default -> Duration.ofNanos(1);
        };
    }
}
