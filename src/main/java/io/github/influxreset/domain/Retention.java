package io.github.influxreset.domain;

import java.time.Duration;
import java.util.Optional;

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
        return DurationText.parse(trimmed).map(d -> new Retention(d == DurationText.TOO_LONG ? MAXIMUM.plusSeconds(1) : d));
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
}
