package io.github.influxreset.ui;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.engine.tasks.TaskRunner;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The wizard's background work as the window shows it: the shared {@link TaskState} (busy while any
 * task runs, two can: a step and the journal read at start; the progress bar and its line), the
 * error of the last failure with its details, and what runs after every task. UI thread only.
 */
public final class WizardTasks {
    private final TaskRunner tasks;
    private final TaskState state;
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<Throwable> errorDetails = new SimpleObjectProperty<>();
    private Runnable afterEach = () -> { };

    WizardTasks(TaskRunner tasks, TaskClock clock) {
        this.tasks = tasks;
        this.state = new TaskState(tasks, clock, "An unexpected problem stopped the step: ");
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
        state.run(title, work, stepProgress, result -> {
            onSuccess.accept(result);
            afterEach.run();
        }, failure -> {
            onFailure.accept(failure);
            afterEach.run();
        });
    }

    /** Runs a short read in the background without showing busy (the window stays usable); failures are shown. */
    <T> void read(String title, TaskRunner.Work<T> work, Consumer<T> onSuccess) {
        tasks.run(title, work, Progress.NONE, onSuccess, this::showError);
    }

    /** The line beside the progress bar while no task runs: what the last one did. */
    public void say(String line) {
        state.say(line);
    }

    /** Shows a failure as one sentence (a ResetException's own), keeping the exception for the details dialog. */
    void showError(Throwable failure) {
        error.set(state.sentence(failure));
        errorDetails.set(TaskState.told(failure));
    }

    void clearError() {
        error.set("");
        errorDetails.set(null);
    }

    /** Shows the technical details of the last error in a dialog. */
    void showErrorDetails(DialogService dialogs) {
        Optional.ofNullable(errorDetails.get()).ifPresent(d -> dialogs.showError(error.get(), d));
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return state.busyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return state.progressProperty();
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return state.messageProperty();
    }

    public StringProperty errorProperty() {
        return error;
    }
}
