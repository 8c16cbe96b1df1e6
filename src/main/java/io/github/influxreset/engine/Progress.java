package io.github.influxreset.engine;

/** Where long work reports how far it is. Implementations must accept calls from any thread. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (fraction, message) -> { };

    /** @param fraction 0 to 1, or a negative number when unknown */
    void update(double fraction, String message);
}
