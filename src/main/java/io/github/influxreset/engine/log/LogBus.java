package io.github.influxreset.engine.log;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.Step;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where every part of the product reports what it does. Masks secrets before any listener sees a
 * message. Publishing may happen on any thread; listeners are called on the publishing thread and
 * must not block (the UI's log pane only queues).
 */
public final class LogBus {
    private final List<Consumer<LogEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private volatile SecretMasker masker;

    public LogBus(SecretMasker masker, Clock clock) {
        this.masker = masker;
        this.clock = clock;
    }

    public LogBus(SecretMasker masker) {
        this(masker, Clock.systemUTC());
    }

    /** Replaces the masker, when another profile is opened. */
    public void useMasker(SecretMasker newMasker) {
        this.masker = newMasker;
    }

    public SecretMasker masker() {
        return masker;
    }

    /** Adds a listener; the returned handle removes it. */
    public AutoCloseable subscribe(Consumer<LogEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Says, for the log file, the technical causes below a failure that ended a command, unless they
     * (or the causes of a failure it wraps) were said before.
     */
    public void technicalCauses(Throwable failure) {
        Causes.logOnce(failure, chain -> publish(LogLevel.DEBUG, null, null,
                "Technical cause of '" + failure.getMessage() + "': " + chain));
    }

    public void publish(LogLevel level, Step step, String action, String message) {
        LogEvent event = new LogEvent(clock.instant(), level, step, masker.mask(action), masker.mask(message));
        for (Consumer<LogEvent> listener : listeners) {
            listener.accept(event);
        }
    }

    /** Logs a finding at the level its severity calls for. */
    public void finding(Step step, Finding finding) {
        publish(LogLevel.of(finding.severity()), step, null, finding.subject() + ": " + finding.message());
    }

    public void info(Step step, String message) {
        publish(LogLevel.INFO, step, null, message);
    }

    public void warn(Step step, String message) {
        publish(LogLevel.WARN, step, null, message);
    }

    public void error(Step step, String message) {
        publish(LogLevel.ERROR, step, null, message);
    }

    public void debug(Step step, String message) {
        publish(LogLevel.DEBUG, step, null, message);
    }
}
