package io.github.influxreset.domain;

/** Where long work reports how far it is. Implementations must accept calls from any thread. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (fraction, message) -> { };

    /** @param fraction 0 to 1, or a negative number when unknown */
    void update(double fraction, String message);

    /** This progress for a part of the work that spans {@code from} to {@code to} of the whole. */
    default Progress within(double from, double to) {
        return (fraction, message) -> update(fraction < 0 ? -1 : from + Math.min(1, fraction) * (to - from), message);
    }
}
