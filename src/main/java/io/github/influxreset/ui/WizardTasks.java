package io.github.influxreset.ui;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.tasks.TaskRunner;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The wizard's background work as the window shows it: busy while any task runs (two can: a step
 * and the journal read at start), the progress bar and its text with the time a long task takes,
 * and the error of the last failure. Every task goes through the one {@link TaskRunner}; UI thread only.
 */
public final class WizardTasks {
    private final TaskRunner tasks;
    private final TaskClock clock;
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private int running;
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressMessage = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<Throwable> errorDetails = new SimpleObjectProperty<>();
    private Runnable afterEach = () -> { };

    WizardTasks(TaskRunner tasks, TaskClock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    /** What runs after every task, either way it ended (the rollback button reads the journal again). */
    void afterEach(Runnable then) {
        afterEach = then;
    }

    /**
     * Runs blocking work in the background while the window shows busy; progress goes to the bar
     * and to {@code stepProgress}; then {@code onSuccess} or {@code onFailure}, on the UI thread.
     */
    <T> void run(String title, Progress stepProgress, TaskRunner.Work<T> work, Consumer<T> onSuccess,
                 Consumer<Throwable> onFailure) {
        running++;
        busy.set(true);
        progress.set(-1);
        progressMessage.set(title + "…");
        TaskClock.Timing timing = clock.start(title);
        Progress toTheBar = (fraction, message) -> {
            progress.set(fraction);
            progressMessage.set(timing.annotate(fraction, message));
            stepProgress.update(fraction, message);
        };
        Progress onProgress = toTheBar.withServiceEventsTo(stepProgress);
        tasks.run(title, work, onProgress, result -> {
            busy.set(--running > 0);
            progress.set(1);
            progressMessage.set("");
            onSuccess.accept(result);
            timing.finished(true, progressMessage.get().isEmpty() ? "Done." : progressMessage.get());
            afterEach.run();
        }, failure -> {
            busy.set(--running > 0);
            progress.set(0);
            progressMessage.set("");
            onFailure.accept(failure);
            timing.finished(false, error.get());
            afterEach.run();
        });
    }

    /** Runs a short read in the background without showing busy (the window stays usable); failures are shown. */
    <T> void read(String title, TaskRunner.Work<T> work, Consumer<T> onSuccess) {
        tasks.run(title, work, Progress.NONE, onSuccess, this::showError);
    }

    /** Shows a failure as one sentence (a ResetException's own), keeping the exception for the details dialog. */
    void showError(Throwable failure) {
        Throwable cause = failure instanceof ResetException ? failure : failure.getCause() instanceof ResetException r ? r : failure;
        error.set(cause instanceof ResetException r ? r.userText()
                : "An unexpected problem stopped the step: " + cause.getMessage());
        errorDetails.set(cause);
    }

    void clearError() {
        error.set("");
        errorDetails.set(null);
    }

    /** Shows the technical details of the last error in a dialog. */
    void showErrorDetails(DialogService dialogs) {
        Optional.ofNullable(errorDetails.get()).ifPresent(d -> dialogs.showError(error.get(), d));
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressMessageProperty() {
        return progressMessage;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
