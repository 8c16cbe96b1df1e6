package io.github.influxreset.domain;

/**
 * Where long work reports how far it is, and the services it starts. Implementations must accept
 * calls from any thread. A face may coalesce {@link #update} calls (the latest fraction and message
 * of a burst); the service events are facts a screen shows, delivered each and in order.
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = (fraction, message) -> { };

    /** @param fraction 0 to 1, or a negative number when unknown */
    void update(double fraction, String message);

    /** The work starts this service now and waits until it is up. */
    default void serviceStarting(String service) {
    }

    /** A service the work started is up: healthy, or running where it has no health check. */
    default void serviceUp(String service) {
    }

    /** This progress for a part of the work that spans {@code from} to {@code to} of the whole; service events pass. */
    default Progress within(double from, double to) {
        Progress whole = this;
        Progress part = (fraction, message) -> whole.update(fraction < 0 ? -1 : from + Math.min(1, fraction) * (to - from),
                message);
        return part.withServiceEventsTo(whole);
    }

    /** This progress's updates, with its service events told to {@code events} instead. */
    default Progress withServiceEventsTo(Progress events) {
        Progress updates = this;
        return new Progress() {
            @Override
            public void update(double fraction, String message) {
                updates.update(fraction, message);
            }

            @Override
            public void serviceStarting(String service) {
                events.serviceStarting(service);
            }

            @Override
            public void serviceUp(String service) {
                events.serviceUp(service);
            }
        };
    }
}
