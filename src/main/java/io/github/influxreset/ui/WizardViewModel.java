package io.github.influxreset.ui;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.engine.RollbackPlan;
import io.github.influxreset.engine.StepState;
import io.github.influxreset.engine.TaskRunner;
import io.github.influxreset.engine.session.ResetSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The wizard as a whole: the steps and where the user is, the session of the profile in use, the
 * running task's progress, the last error, and the rollback button's state. Properties and
 * commands only; all blocking work goes through the {@link TaskRunner}. UI thread only.
 */
public final class WizardViewModel {
    /** Opens a profile (null for the embedded one) as a session; throws ResetException on a bad profile. */
    @FunctionalInterface
    public interface SessionFactory {
        ResetSession open(Path profileFile);
    }

    private final TaskRunner tasks;
    private final TaskClock taskClock;
    private final SessionFactory sessions;
    private final DialogService dialogs;
    private final ObservableList<StepViewModel> steps = FXCollections.observableArrayList();
    private final IntegerProperty currentIndex = new SimpleIntegerProperty(0);
    /** Counts state changes of any step, so bindings that read step states update. */
    private final IntegerProperty stateChanges = new SimpleIntegerProperty(0);
    private final ObjectProperty<ResetSession> session = new SimpleObjectProperty<>();
    private final ObjectProperty<ResetMode> mode = new SimpleObjectProperty<>(ResetMode.FULL);
    private boolean modeChosenByUser;
    private final StringProperty profileName = new SimpleStringProperty("");
    private final StringProperty profileSource = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    /** Background tasks not yet ended; busy while any runs (two can: a step and the journal read at start). */
    private int running;
    private final BooleanProperty finished = new SimpleBooleanProperty(false);
    private final BooleanProperty showingBackups = new SimpleBooleanProperty(false);
    private final BooleanProperty showingFirstRun = new SimpleBooleanProperty(false);
    private final BooleanBinding showingOther = showingBackups.or(showingFirstRun);
    private final StringProperty recovery = new SimpleStringProperty("");
    private final BooleanProperty canResume = new SimpleBooleanProperty(false);
    private boolean resumeNeedsConfirmation;
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressMessage = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<Throwable> errorDetails = new SimpleObjectProperty<>();
    private final BooleanProperty canRollback = new SimpleBooleanProperty(false);
    private final StringProperty rollbackHint = new SimpleStringProperty("Nothing to roll back yet");
    private final ObjectProperty<Theme.Choice> themeChoice = new SimpleObjectProperty<>(Theme.Choice.SYSTEM);
    private final ObjectProperty<Theme> systemTheme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ObjectBinding<Theme> theme = Bindings.createObjectBinding(
            () -> Theme.of(themeChoice.get(), systemTheme.get()), themeChoice, systemTheme);
    private final ObjectBinding<StepViewModel> current;
    private final BooleanBinding canNext;
    private final BooleanBinding canBack;

    public WizardViewModel(TaskRunner tasks, SessionFactory sessions, DialogService dialogs, TaskClock clock) {
        this.taskClock = clock;
        this.tasks = tasks;
        this.sessions = sessions;
        this.dialogs = dialogs;
        current = Bindings.createObjectBinding(() -> steps.isEmpty() ? null : steps.get(currentIndex.get()),
                steps, currentIndex);
        canNext = Bindings.createBooleanBinding(() -> !busy.get() && current.get() != null
                && current.get().canAdvanceProperty().get() && recovery.get().isEmpty(),
                busy, current, currentIndex, stateChanges, recovery);
        canBack = Bindings.createBooleanBinding(() -> !busy.get() && currentIndex.get() > 0, busy, currentIndex);
    }

    /** Adds the steps, in order; called once by the application's wiring. */
    public void setSteps(List<StepViewModel> all) {
        steps.setAll(all);
        all.forEach(step -> step.stateProperty().addListener((obs, old, now) -> stateChanges.set(stateChanges.get() + 1)));
    }

    /**
     * Opens the profile (null: the embedded HomeIQ one) in the background, so the window shows
     * before the profile, the journal and their libraries are loaded; a bad profile leaves the
     * current one.
     */
    public void openProfile(Path file) {
        load("Opening the profile", p -> sessions.open(file), opened -> {
            session.set(opened);
            profileName.set(opened.profile().name());
            profileSource.set(opened.profile().describeSource());
            clearError();
            recovery.set("");
            restartFlow();
            offerRecovery(opened);
        });
    }

    /** When the journal holds a run that did not end, offers to resume it or roll it back. */
    private void offerRecovery(ResetSession opened) {
        load("Reading the journal", p -> opened.adoptInterruptedRun(), found -> {
            recovery.set(found.map(ResetSession.Recovery::text).orElse(""));
            canResume.set(found.map(ResetSession.Recovery::canResume).orElse(false));
            resumeNeedsConfirmation = found.map(ResetSession.Recovery::needsConfirmation).orElse(false);
        });
    }

    /** Finishes the interrupted run; asks for the typed confirmation if it never got one. */
    public void resumeInterrupted() {
        ResetSession active = session.get();
        if (busy.get() || recovery.get().isEmpty()) {
            return;
        }
        String word = active.profile().confirmationWord();
        if (resumeNeedsConfirmation && !dialogs.confirmByTyping("Resume the reset",
                "Resuming deletes the InfluxDB data of " + active.profile().name() + " (the backup keeps it).", word)) {
            return;
        }
        runTask("Resuming the interrupted run", Progress.NONE, p -> {
            active.resumeAdopted(p);
            return null;
        }, ignored -> {
            recovery.set("");
            steps.forEach(s -> s.setState(StepState.DONE));
            currentIndex.set(steps.size() - 1);
            progressMessage.set("The interrupted run was resumed and finished.");
        }, this::showError);
    }

    /** Undoes the interrupted run, newest action first. */
    public void rollBackInterrupted() {
        if (!recovery.get().isEmpty()) {
            recovery.set("");
            rollback();
        }
    }

    public StringProperty recoveryProperty() {
        return recovery;
    }

    public BooleanProperty canResumeProperty() {
        return canResume;
    }

    /** Lets the user pick a profile file. */
    public void chooseProfile() {
        dialogs.chooseProfile().ifPresent(this::openProfile);
    }

    /** Goes to the next step; on the last step, when it is done, finishes the wizard. */
    public void next() {
        if (!canNext.get()) {
            return;
        }
        if (currentIndex.get() == steps.size() - 1) {
            finished.set(true);
            return;
        }
        currentIndex.set(currentIndex.get() + 1);
        current.get().onEnter();
    }

    /**
     * Cancel (Esc): leaves the backup browser, or the first run when a profile is open; else it
     * asks whether to quit the wizard. A running step is never cancelled halfway (the button
     * waits while busy); an unfinished run stays in the journal to resume or roll back.
     */
    public void cancel() {
        if (busy.get()) {
            return;
        }
        if (showingBackups.get()) {
            hideBackups();
        } else if (showingFirstRun.get() && session.get() != null) {
            showingFirstRun.set(false);
        } else if (dialogs.confirm("Quit the wizard", session.get() != null && session.get().hasOpenRun()
                ? "The run is not finished. Start the wizard again to resume it or roll it back."
                : "Nothing more will be changed. Quit?")) {
            finished.set(true);
        }
    }

    public void back() {
        if (canBack.get()) {
            currentIndex.set(currentIndex.get() - 1);
        }
    }

    /** Undoes what the current run did; afterwards the flow starts again at the first step. */
    public void rollback() {
        if (!canRollback.get() || busy.get()) {
            return;
        }
        ResetSession active = session.get();
        runTask("Checking what the rollback would do", Progress.NONE, p -> active.rollbackPlan(),
                plan -> plan.ifPresent(checked -> confirmRollback(active, checked)), failure -> showError(failure));
    }

    /** Shows the undo plan with its checks; rolls back only when nothing fails and the user agrees. */
    private void confirmRollback(ResetSession active, RollbackPlan plan) {
        String lines = String.join("\n", plan.lines());
        if (!plan.failed().isEmpty()) {
            showError(ResetException.badInput("The rollback was refused and nothing was changed: " + plan.failed().stream()
                    .map(p -> p.problem().orElseThrow()).distinct().collect(java.util.stream.Collectors.joining("; ")) + ".",
                    "If the stack is as you want it now, close the run with 'runs close " + plan.run().id() + "'."));
            return;
        }
        String question = plan.stale() ? "This run is stale: the stack changed since it stopped. Roll it back anyway? "
                + "The live data is written to a new verified backup set first." : plan.needsSafetyBackup()
                ? "Roll back? The live data it replaces is written to a new verified backup set first." : "Roll back?";
        if (!dialogs.confirm("Roll back run " + plan.run().id(), lines + "\n\n" + question)) {
            return;
        }
        runTask("Rolling back", Progress.NONE, p -> {
            active.rollback(plan.stale());
            return null;
        }, ignored -> {
            restartFlow();
            progressMessage.set("Rolled back: the stack is as it was before the run.");
        }, failure -> showError(failure));
    }

    /**
     * Runs a step's work in the background: the step shows RUNNING, then the state that
     * {@code outcome} returns, or FAILED with the error shown. When a failure has rolled the run
     * back, the flow starts again at the first step.
     */
    public <T> void execute(StepViewModel step, String title, TaskRunner.Work<T> work, Function<T, StepState> outcome) {
        execute(step, title, work, outcome, () -> { });
    }

    /** As {@link #execute(StepViewModel, String, TaskRunner.Work, Function)}, then {@code afterwards} on success. */
    public <T> void execute(StepViewModel step, String title, TaskRunner.Work<T> work, Function<T, StepState> outcome,
                            Runnable afterwards) {
        execute(step, title, work, outcome, afterwards, () -> { });
    }

    /** As above, with {@code onFailure} run after a failure has been shown. */
    public <T> void execute(StepViewModel step, String title, TaskRunner.Work<T> work, Function<T, StepState> outcome,
                            Runnable afterwards, Runnable onFailure) {
        clearError();
        step.setState(StepState.RUNNING);
        runTask(title, step::onProgress, work, result -> {
            step.setState(outcome.apply(result));
            afterwards.run();
        }, failure -> {
            step.setState(StepState.FAILED);
            showError(failure);
            if (!session.get().hasOpenRun()) {
                restartFlowKeepingFailure(step);
            }
            onFailure.run();
        });
    }

    private <T> void runTask(String title, Progress stepProgress, TaskRunner.Work<T> work,
                             java.util.function.Consumer<T> onSuccess, java.util.function.Consumer<Throwable> onFailure) {
        running++;
        busy.set(true);
        progress.set(-1);
        progressMessage.set(title + "…");
        TaskClock.Timing timing = taskClock.start(title);
        Progress onProgress = (fraction, message) -> {
            progress.set(fraction);
            progressMessage.set(timing.annotate(fraction, message));
            stepProgress.update(fraction, message);
        };
        tasks.run(title, work, onProgress, result -> {
            busy.set(--running > 0);
            progress.set(1);
            progressMessage.set("");
            onSuccess.accept(result);
            timing.finished(true, progressMessage.get().isEmpty() ? "Done." : progressMessage.get());
            refreshRollback();
        }, failure -> {
            busy.set(--running > 0);
            progress.set(0);
            onFailure.accept(failure);
            timing.finished(false, error.get());
            refreshRollback();
        });
    }

    /** Runs read-only work in the background (a plan to show), reporting failures as errors. */
    public <T> void load(String title, TaskRunner.Work<T> work, java.util.function.Consumer<T> onSuccess) {
        runTask(title, Progress.NONE, work, onSuccess, this::showError);
    }

    /** Asks the session what rollback would do next and updates the button. */
    public void refreshRollback() {
        ResetSession active = session.get();
        if (active == null) {
            return;
        }
        tasks.run("Reading the journal", p -> active.nextUndo(), Progress.NONE, next -> {
            canRollback.set(next.isPresent());
            rollbackHint.set(next.map(text -> "Undo this run and put the stack back as it was before it (the undo plan"
                    + " is shown first; it begins with: " + lowerFirst(text) + ")").orElse("Nothing to roll back"));
        }, this::showError);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private void restartFlow() {
        steps.forEach(StepViewModel::clear);
        currentIndex.set(0);
        if (!steps.isEmpty()) {
            steps.get(0).onEnter();
        }
    }

    private void restartFlowKeepingFailure(StepViewModel failed) {
        steps.stream().filter(s -> s != failed).forEach(StepViewModel::clear);
        progressMessage.set("Everything the run changed was rolled back; start again from the checks.");
    }

    private void showError(Throwable failure) {
        Throwable cause = failure instanceof ResetException ? failure : failure.getCause() instanceof ResetException r ? r : failure;
        error.set(cause instanceof ResetException r ? r.userText()
                : "An unexpected problem stopped the step: " + cause.getMessage());
        errorDetails.set(cause);
    }

    public void clearError() {
        error.set("");
        errorDetails.set(null);
    }

    /** Shows the technical details of the last error in a dialog. */
    public void showErrorDetails() {
        Optional.ofNullable(errorDetails.get()).ifPresent(d -> dialogs.showError(error.get(), d));
    }

    public ObservableList<StepViewModel> steps() {
        return steps;
    }

    public IntegerProperty currentIndexProperty() {
        return currentIndex;
    }

    public ObjectBinding<StepViewModel> currentProperty() {
        return current;
    }

    public ResetSession session() {
        return session.get();
    }

    public ObjectProperty<ResetMode> modeProperty() {
        return mode;
    }

    /** The mode the checks propose (the gentlest that fixes what they found), taken unless the user chose one. */
    public void proposeMode(ResetMode proposed) {
        if (!modeChosenByUser) {
            mode.set(proposed);
        }
    }

    /** The user's choice of mode, kept over later proposals. */
    public void chooseMode(ResetMode chosen) {
        modeChosenByUser = true;
        mode.set(chosen);
    }

    public StringProperty profileNameProperty() {
        return profileName;
    }

    public StringProperty profileSourceProperty() {
        return profileSource;
    }

    /** True while the backup browser is shown instead of the current step. */
    public BooleanProperty showingBackupsProperty() {
        return showingBackups;
    }

    /** Shows the backup browser; reachable from every step. */
    public void showBackups() {
        if (session.get() != null) {
            showingBackups.set(true);
        }
    }

    /** True while the first run (finding the stack, no profile chosen) is shown instead of the steps. */
    public BooleanProperty showingFirstRunProperty() {
        return showingFirstRun;
    }

    /** True while the backup browser or the first run stands in for the steps; Back and Next then wait. */
    public BooleanBinding showingOtherProperty() {
        return showingOther;
    }

    /** Shows the first run, which finds the stack and writes a profile, instead of the steps. */
    public void startFirstRun() {
        showingBackups.set(false);
        showingFirstRun.set(true);
    }

    /** Leaves the first run with the saved profile, or with the embedded HomeIQ one when empty. */
    public void endFirstRun(Optional<Path> savedProfile) {
        showingFirstRun.set(false);
        openProfile(savedProfile.orElse(null));
    }

    public void hideBackups() {
        showingBackups.set(false);
    }

    /** True once the user pressed Finish on the last step; the window then closes. */
    public BooleanProperty finishedProperty() {
        return finished;
    }

    /** The user's choice of theme; the application keeps it between starts. */
    public ObjectProperty<Theme.Choice> themeChoiceProperty() {
        return themeChoice;
    }

    /** The system's light or dark setting, as the application read it. */
    public ObjectProperty<Theme> systemThemeProperty() {
        return systemTheme;
    }

    /** The theme shown: the choice, or the system's when the choice is to follow it. */
    public ObjectBinding<Theme> themeProperty() {
        return theme;
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

    public BooleanProperty canRollbackProperty() {
        return canRollback;
    }

    public StringProperty rollbackHintProperty() {
        return rollbackHint;
    }

    public BooleanBinding canNextProperty() {
        return canNext;
    }

    public BooleanBinding canBackProperty() {
        return canBack;
    }
}
