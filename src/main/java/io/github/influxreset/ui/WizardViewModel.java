package io.github.influxreset.ui;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.StepState;
import io.github.influxreset.engine.session.ResetSession;
import io.github.influxreset.engine.tasks.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The wizard as a whole: the steps and where the user is, the session of the profile in use, and the parts every
 * screen shares: its tasks ({@link WizardTasks}: busy, progress, the last error), the rollback button ({@link
 * RollbackControl}), the recovery banner ({@link RecoveryControl}) and the theme. Properties and commands only; all
 * blocking work goes through the one {@link TaskRunner}. UI thread only.
 */
public final class WizardViewModel implements StepContext {
    private final SessionFactory sessions;
    private final DialogService dialogs;
    private final WizardTasks tasks;
    private final RollbackControl rollback;
    private final RecoveryControl recovery;
    private final ThemeState theme = new ThemeState();
    private final ObservableList<StepViewModel> steps = FXCollections.observableArrayList();
    private final IntegerProperty currentIndex = new SimpleIntegerProperty(0);
    /** Counts state changes of any step, so bindings that read step states update. */
    private final IntegerProperty stateChanges = new SimpleIntegerProperty(0);
    private final ObjectProperty<ResetSession> session = new SimpleObjectProperty<>();
    private final ModeChoice mode = new ModeChoice();
    private final StringProperty profileName = new SimpleStringProperty("");
    private final StringProperty profileSource = new SimpleStringProperty("");
    private final BooleanProperty finished = new SimpleBooleanProperty(false);
    private final Overlays overlays = new Overlays();
    private final ObjectBinding<StepViewModel> current;
    private final BooleanBinding canNext;
    private final BooleanBinding canBack;

    public WizardViewModel(TaskRunner runner, SessionFactory sessions, DialogService dialogs, TaskClock clock) {
        this.sessions = sessions;
        this.dialogs = dialogs;
        this.tasks = new WizardTasks(runner, clock);
        this.rollback = new RollbackControl(session::get, tasks, dialogs, this::restartFlow);
        this.recovery = new RecoveryControl(session::get, tasks, dialogs, rollback, this::showAllDone);
        tasks.afterEach(rollback::refresh);
        ReadOnlyBooleanProperty busy = tasks.busyProperty();
        current = Bindings.createObjectBinding(() -> steps.isEmpty() ? null : steps.get(currentIndex.get()), steps, currentIndex);
        canNext = Bindings.createBooleanBinding(() -> !busy.get() && current.get() != null
                && current.get().canAdvanceProperty().get() && recovery.textProperty().get().isEmpty(),
                busy, current, currentIndex, stateChanges, recovery.textProperty());
        canBack = Bindings.createBooleanBinding(() -> !busy.get() && currentIndex.get() > 0, busy, currentIndex);
    }

    /** Adds the steps, in order; called once by the application's wiring. */
    public void setSteps(List<StepViewModel> all) {
        steps.setAll(all);
        all.forEach(step -> step.stateProperty().addListener((obs, old, now) -> stateChanges.set(stateChanges.get() + 1)));
    }

    /** Opens the profile (null: the embedded HomeIQ one) in the background, so the window shows first; a bad one leaves the current. */
    @Override
    public void openProfile(Path file) {
        load("Opening the profile", p -> sessions.open(file), opened -> {
            session.set(opened);
            profileName.set(opened.profile().name());
            profileSource.set(opened.profile().describeSource());
            tasks.clearError();
            restartFlow();
            recovery.offer(opened);
        });
    }

    /** Lets the user pick a profile file. */
    @Override
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

    /** Goes on from {@code step} by itself: from the confirmation to the last service healthy no click is waited for. */
    @Override
    public void goOnFrom(StepViewModel step) {
        if (current.get() == step) {
            next();
        }
    }

    /** A run starts from {@code step}: the steps after it, and the error, forget what an earlier run showed. */
    @Override
    public void forgetStepsAfter(StepViewModel step) {
        steps.subList(steps.indexOf(step) + 1, steps.size()).forEach(StepViewModel::clear);
        tasks.clearError();
    }

    /**
     * Cancel (Esc): leaves the backup browser, or the first run when a profile is open; else asks whether to quit.
     * A running step is never cancelled halfway; an unfinished run stays in the journal to resume or roll back.
     */
    public void cancel() {
        if (tasks.busyProperty().get()) {
            return;
        }
        if (overlays.backupsProperty().get()) {
            overlays.hideBackups();
        } else if (overlays.firstRunProperty().get() && session.get() != null) {
            overlays.firstRunProperty().set(false);
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

    @Override
    public <T> void execute(StepViewModel step, String title, TaskRunner.Work<T> work, Function<T, StepState> outcome,
                            Runnable afterwards, Runnable onFailure) {
        tasks.clearError();
        step.setState(StepState.RUNNING);
        tasks.run(title, step.progressSink(), work, result -> {
            step.setState(outcome.apply(result));
            tasks.say(step.state() == StepState.FAILED ? title + " found problems: see them above." : "");
            afterwards.run();
        }, failure -> {
            step.setState(StepState.FAILED);
            tasks.showError(failure);
            if (!session.get().hasOpenRun()) {
                restartFlowKeepingFailure(step);
            }
            onFailure.run();
        });
    }

    /** Runs read-only work in the background (a plan to show), reporting failures as errors. */
    @Override
    public <T> void load(String title, TaskRunner.Work<T> work, Consumer<T> onSuccess) {
        tasks.run(title, Progress.NONE, work, onSuccess, tasks::showError);
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
        tasks.say("Everything the run changed was rolled back; start again from the checks.");
    }

    /** After a resumed run finished: every step done, the last one shown. */
    private void showAllDone() {
        steps.forEach(s -> s.setState(StepState.DONE));
        currentIndex.set(steps.size() - 1);
    }

    @Override
    public boolean ask(String title, String question) {
        return dialogs.confirm(title, question);
    }

    /** Shows the technical details of the last error in a dialog. */
    public void showErrorDetails() {
        tasks.showErrorDetails(dialogs);
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

    @Override
    public ResetSession session() {
        return session.get();
    }

    /** The mode proposed by the checks and chosen by the user. */
    @Override
    public ModeChoice mode() {
        return mode;
    }

    @Override
    public StringProperty profileNameProperty() {
        return profileName;
    }

    @Override
    public StringProperty profileSourceProperty() {
        return profileSource;
    }

    /** Busy, progress and the last error, as every screen shows them. */
    public WizardTasks tasks() {
        return tasks;
    }

    /** The backup browser and the first run, which may stand in for the current step. */
    public Overlays overlays() {
        return overlays;
    }

    /** Shows the backup browser; reachable from every step once a profile is open. */
    public void showBackups() {
        if (session.get() != null) {
            overlays.backupsProperty().set(true);
        }
    }

    /** Shows the first run, which finds the stack and writes a profile, instead of the steps. */
    @Override
    public void startFirstRun() {
        overlays.showFirstRun();
    }

    /** Leaves the first run with the saved profile, or with the embedded HomeIQ one when empty. */
    public void endFirstRun(Optional<Path> savedProfile) {
        overlays.firstRunProperty().set(false);
        openProfile(savedProfile.orElse(null));
    }

    /** True once the user pressed Finish on the last step; the window then closes. */
    public BooleanProperty finishedProperty() {
        return finished;
    }

    /** The theme: the user's choice and the system's setting. */
    public ThemeState theme() {
        return theme;
    }

    /** The rollback button's state. */
    public RollbackControl rollbackControl() {
        return rollback;
    }

    /** The banner offering to resume or roll back an interrupted run. */
    @Override
    public RecoveryControl recovery() {
        return recovery;
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public StringProperty errorProperty() {
        return tasks.errorProperty();
    }

    public BooleanBinding canNextProperty() {
        return canNext;
    }

    public BooleanBinding canBackProperty() {
        return canBack;
    }
}
