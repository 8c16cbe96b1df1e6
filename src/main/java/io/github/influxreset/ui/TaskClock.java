package io.github.influxreset.ui;

import io.github.influxreset.engine.data.TimeLeft;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Times the wizard's background tasks: adds the time left to their progress lines, and tells the
 * notice listener when a task that took at least the threshold has ended, so a user who looked
 * away learns it is done.
 */
public final class TaskClock {
    /** What the user is told when a long task has ended. */
    public record Notice(String title, String text, boolean succeeded) {
    }

    /** A task being timed. */
    public final class Timing {
        private final String title;
        private final long start = nanoTime.getAsLong();
        private long end = -1;

        private Timing(String title) {
            this.title = title;
        }

        /** The message with the estimated time left, unless it says already how long is left. */
        public String annotate(double fraction, String message) {
            if (message.endsWith(" left")) {
                return message;
            }
            return TimeLeft.estimate(fraction, elapsed()).map(left -> message + " (" + left + ")").orElse(message);
        }

        /**
         * The work is done: what runs after it on the UI thread (a question it asks, the screen it
         * fills) is not counted in the time its notice says.
         */
        public void stop() {
            if (end < 0) {
                end = nanoTime.getAsLong();
            }
        }

        /** Ends the timing; a long task sends a notice. */
        public void finished(boolean succeeded, String outcome) {
            stop();
            Duration took = elapsed();
            if (took.compareTo(threshold) >= 0) {
                onNotice.accept(new Notice(title + (succeeded ? " finished" : " failed"),
                        outcome + " (took " + TimeLeft.format(took.toSeconds()) + ")", succeeded));
            }
        }

        private Duration elapsed() {
            return Duration.ofNanos((end < 0 ? nanoTime.getAsLong() : end) - start);
        }
    }

    public static final Duration LONG_TASK = Duration.ofSeconds(10);

    private final Duration threshold;
    private final LongSupplier nanoTime;
    private Consumer<Notice> onNotice = notice -> { };

    public TaskClock(Duration threshold, LongSupplier nanoTime) {
        this.threshold = threshold;
        this.nanoTime = nanoTime;
    }

    /** Tasks of ten seconds or more send a notice. */
    public static TaskClock standard() {
        return new TaskClock(LONG_TASK, System::nanoTime);
    }

    public void setOnNotice(Consumer<Notice> onNotice) {
        this.onNotice = onNotice;
    }

    public Timing start(String title) {
        return new Timing(title);
    }
}
