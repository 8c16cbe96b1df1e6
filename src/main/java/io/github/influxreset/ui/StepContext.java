package io.github.influxreset.ui;

import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.StepState;
import io.github.influxreset.engine.session.ResetSession;
import io.github.influxreset.engine.tasks.TaskRunner;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * What a step may ask of the wizard, and nothing more: the open session and the run's mode (read;
 * chosen through {@link ModeChoice}), its work run in the background with the wizard's busy state,
 * progress and errors, going on by itself, and, for the first step, the profile and an interrupted
 * run. The wizard implements it; a step never holds the whole wizard.
 */
public interface StepContext {
    /** The open profile's session, or null before one is open. */
    ResetSession session();

    /** The mode of the run; fixed once a run has started. */
    default ReadOnlyObjectProperty<ResetMode> modeProperty() {
        return mode().modeProperty();
    }

    /** Asks the user a yes-or-no question in a dialog; true for yes. UI thread. */
    boolean ask(String title, String question);

    /** Where the first step proposes and the user chooses the mode. */
    ModeChoice mode();

    /** True while any background work of the wizard runs. */
    ReadOnlyBooleanProperty busyProperty();

    /**
     * Runs a step's work in the background: RUNNING, then the state {@code outcome} returns and
     * {@code afterwards}, or FAILED with the error shown and then {@code onFailure}; when a failure
     * has rolled the run back, the flow starts again at the first step.
     */
    <T> void execute(StepViewModel step, String title, TaskRunner.Work<T> work, Function<T, StepState> outcome,
                     Runnable afterwards, Runnable onFailure);

    /** As {@link #execute(StepViewModel, String, TaskRunner.Work, Function, Runnable, Runnable)}, nothing after. */
    default <T> void execute(StepViewModel step, String title, TaskRunner.Work<T> work, Function<T, StepState> outcome) {
        execute(step, title, work, outcome, () -> { }, () -> { });
    }

    /** As above, with {@code afterwards} run on success. */
    default <T> void execute(StepViewModel step, String title, TaskRunner.Work<T> work, Function<T, StepState> outcome,
                             Runnable afterwards) {
        execute(step, title, work, outcome, afterwards, () -> { });
    }

    /** Runs read-only work in the background (a plan to show), reporting failures as errors. */
    <T> void load(String title, TaskRunner.Work<T> work, Consumer<T> onSuccess);

    /** Goes on from {@code step} by itself, if it is the step shown. */
    void goOnFrom(StepViewModel step);

    /** A run starts from {@code step}: the steps after it, and the error, forget what an earlier run showed. */
    void forgetStepsAfter(StepViewModel step);

    ReadOnlyStringProperty profileNameProperty();

    ReadOnlyStringProperty profileSourceProperty();

    /** Opens the profile at {@code file} (null: the one remembered or found). */
    void openProfile(Path file);

    /** Asks the user for a profile file and opens it. */
    void chooseProfile();

    /** Shows the first run: find the stack and write a profile. */
    void startFirstRun();

    /** The interrupted run of the open profile, if any: resume or roll back. */
    RecoveryControl recovery();
}
