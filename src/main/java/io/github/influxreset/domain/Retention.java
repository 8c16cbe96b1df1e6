package io.github.influxreset.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a bucket keeps its data. {@code 0} means forever. Written like InfluxDB writes it:
 * a number and a unit ({@code s m h d w}), parts may be combined ({@code 1d12h}).
 */
public record Retention(Duration duration) {
    /** The shortest finite retention InfluxDB accepts. */
    public static final Duration MINIMUM = Duration.ofHours(1);
    /**
     * The longest finite retention every supported server holds: InfluxDB keeps durations in signed
     * 64-bit nanoseconds (1.x refuses more as "overflowed duration"), and the 2.x client sends
     * {@code everySeconds} as a 32-bit number (about 68 years).
     */
    public static final Duration MAXIMUM = Duration.ofSeconds(Integer.MAX_VALUE);
    public static final Retention INFINITE = new Retention(Duration.ZERO);

    private static final Pattern PART = Pattern.compile("(\\d+)(w|d|h|m|s)");

    public Retention {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("retention cannot be negative");
        }
    }

    /** Parses {@code 365d}, {@code 1h30m}, {@code 0}; empty when the text is not a duration. */
    public static Optional<Retention> parse(String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase();
        if (trimmed.equals("0") || trimmed.equals("inf") || trimmed.equals("infinite")) {
            return Optional.of(INFINITE);
        }
        Matcher matcher = PART.matcher(trimmed);
        Duration total = Duration.ZERO;
        int consumed = 0;
        while (matcher.find() && matcher.start() == consumed) {
            try {
                total = total.plus(unit(matcher.group(2)).multipliedBy(Long.parseLong(matcher.group(1))));
            } catch (NumberFormatException | ArithmeticException tooLong) {
                return Optional.of(new Retention(MAXIMUM.plusSeconds(1)));
            }
            consumed = matcher.end();
        }
        if (consumed == 0 || consumed != trimmed.length()) {
            return Optional.empty();
        }
        return Optional.of(new Retention(total));
    }

    public static Retention ofSeconds(long seconds) {
        return new Retention(Duration.ofSeconds(seconds));
    }

    public boolean isInfinite() {
        return duration.isZero();
    }

    /** True when no supported InfluxDB can hold this retention (see {@link #MAXIMUM}). */
    public boolean isAboveMaximum() {
        return duration.compareTo(MAXIMUM) > 0;
    }

    public boolean isBelowMinimum() {
        return !isInfinite() && duration.compareTo(MINIMUM) < 0;
    }

    public long seconds() {
        return duration.getSeconds();
    }

    /** The shortest text that parses back to this retention: {@code 365d}, {@code 90m}, {@code 0}. */
    public String format() {
        if (isInfinite()) {
            return "0";
        }
        long s = duration.getSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3_600 == 0) {
            return s / 3_600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }

    @Override
    public String toString() {
        return isInfinite() ? "infinite" : format();
    }

    private static Duration unit(String unit) {
        return switch (unit) {
            case "w" -> Duration.ofDays(7);
            case "d" -> Duration.ofDays(1);
            case "h" -> Duration.ofHours(1);
            case "m" -> Duration.ofMinutes(1);
            default -> Duration.ofSeconds(1);
        };
    }
}
