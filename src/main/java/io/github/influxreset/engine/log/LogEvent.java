package io.github.influxreset.engine.log;

import io.github.influxreset.domain.Step;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One line of the log. {@code step} and {@code action} may be null when the event belongs to no
 * step. The message has already been masked by the {@link LogBus}.
 */
public record LogEvent(Instant time, LogLevel level, Step step, String action, String message) {
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /** {@code 12:01:02.345 INFO  [Backup] message}, as the CLI, the log file and copy show it. */
    public String format() {
        String where = step == null ? "" : "[" + step.title() + "] ";
        return CLOCK.format(time) + " " + String.format("%-5s", level) + " " + where + message;
    }
}
