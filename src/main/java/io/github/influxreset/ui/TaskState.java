package io.github.influxreset.ui;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.tasks.TaskRunner;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One screen's background work as the screen shows it, the one pattern every screen uses: busy
 * while any of its tasks runs, the progress and its line (with the time a long task takes), and a
 * notice when a long task ends. Every task goes through the one {@link TaskRunner}; UI thread only.
 */
public final class TaskState {
    private final TaskRunner runner;
    private final TaskClock clock;
    private final String whenUnexpected;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private int running;

    /** @param whenUnexpected how a failure that is not a {@link ResetException} begins its sentence */
    public TaskState(TaskRunner runner, TaskClock clock, String whenUnexpected) {
        this.runner = runner;
        this.clock = clock;
        this.whenUnexpected = whenUnexpected;
    }

    /**
     * Runs blocking work in the background; its progress moves the bar and the line and goes to
     * {@code alsoTo} (service events too). Then, on the UI thread, {@code onSuccess} (which may
     * {@link #say} what was done: a long task's notice says it too) or {@code onFailure}.
     */
    public <T> void run(String title, TaskRunner.Work<T> work, Progress alsoTo, Consumer<T> onSuccess,
                        Consumer<Throwable> onFailure) {
        running++;
        busy.set(true);
        progress.set(-1);
        message.set(title + "…");
        TaskClock.Timing timing = clock.start(title);
        Progress toTheBar = (fraction, text) -> {
            progress.set(fraction);
            message.set(timing.annotate(fraction, text));
            alsoTo.update(fraction, text);
        };
        runner.run(title, work, toTheBar.withServiceEventsTo(alsoTo), result -> {
            timing.stop();
            ended(1);
            onSuccess.accept(result);
            timing.finished(true, message.get().isEmpty() ? "Done." : message.get());
        }, failure -> {
            timing.stop();
            ended(0);
            onFailure.accept(failure);
            timing.finished(false, sentence(failure));
        });
    }

    /** A line shown while no task runs: what the last one did, or why it failed. */
    public void say(String line) {
        message.set(line);
    }

    private void ended(double fraction) {
        busy.set(--running > 0);
        progress.set(fraction);
        message.set("");
    }

    /** A failure as one sentence: a ResetException's own (also when it is the cause), else the unexpected one's message. */
    public String sentence(Throwable failure) {
        Throwable cause = told(failure);
        return cause instanceof ResetException r ? r.userText() : whenUnexpected + cause.getMessage();
    }

    /** The failure a user is told of: the ResetException it is or wraps, else the failure itself. */
    static Throwable told(Throwable failure) {
        return failure.getCause() instanceof ResetException wrapped && !(failure instanceof ResetException) ? wrapped
                : failure;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the running task is doing, with the time it has left; else what the last one said, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
