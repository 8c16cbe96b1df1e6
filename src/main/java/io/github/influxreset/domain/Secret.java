package io.github.influxreset.domain;

import java.util.Arrays;

/**
 * A token or password. Its text never appears in {@link #toString()}; callers that need the value
 * take a copy with {@link #reveal()} and should clear it when done. The masker of the log bus,
 * the journal and the reports learns every secret of a profile through {@link Profile#secrets()}.
 */
public final class Secret {
    public static final String MASK = "******";
    private static final Secret EMPTY = new Secret(new char[0]);

    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return value == null || value.isEmpty() ? EMPTY : new Secret(value.toCharArray());
    }

    public static Secret empty() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    /** A copy of the secret's characters; the caller owns (and should clear) the array. */
    public char[] reveal() {
        return Arrays.copyOf(value, value.length);
    }

    /** The secret as a string, for the few APIs that take nothing else (HTTP headers). */
    public String revealAsString() {
        return new String(value);
    }

    @Override
    public String toString() {
        return isEmpty() ? "" : MASK;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && Arrays.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }
}
