package io.github.influxreset.engine.data;

import java.time.Duration;
import java.util.Optional;

/** The time a task has left, estimated from the fraction it has done in the time it took so far. */
public final class TimeLeft {
    /** Below this much done, or this little time, an estimate says more noise than truth. */
    private static final double MIN_FRACTION = 0.05;
    private static final Duration MIN_ELAPSED = Duration.ofSeconds(2);

    private TimeLeft() {
    }

    /** {@code about 40 s left}; empty while too little is done to tell, or when done. */
    public static Optional<String> estimate(double fraction, Duration elapsed) {
        if (fraction < MIN_FRACTION || fraction >= 1 || elapsed.compareTo(MIN_ELAPSED) < 0) {
            return Optional.empty();
        }
        long seconds = (long) Math.ceil(elapsed.toMillis() / 1000.0 * (1 - fraction) / fraction);
        return Optional.of("about " + format(seconds) + " left");
    }

    /** {@code 42 s}, {@code 3 min 5 s}, {@code 1 h 2 min}. */
    public static String format(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
