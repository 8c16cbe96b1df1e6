package io.github.influxreset.steps.reset;

import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Step;
import io.github.influxreset.domain.StepState;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.PlannedAction;
import io.github.influxreset.engine.session.ResetSession;
import io.github.influxreset.ui.StepContext;
import io.github.influxreset.ui.StepViewModel;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 4: runs the reset actions as soon as the step is entered after the confirmation, then goes on
 * to the validation by itself: services may be stopped, and no click is waited for while they are.
 * The list marks each action as it passes: done, running, failed, undone by the rollback, not run.
 */
public final class ResetViewModel extends StepViewModel {
    static final String DONE = "✔ ";
    static final String RUNNING = "… ";
    static final String FAILED = "✖ ";
    static final String UNDONE = "↺ ";
    static final String NOT_RUN = "○ ";
    private final ObservableList<String> actions = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("Waiting for the confirmation.");
    private List<String> described = List.of();
    private int running = -1;

    public ResetViewModel(StepContext wizard) {
        super(Step.RESET, wizard);
    }

    /** The actions, each with its mark: ✔ done, … running, ✖ failed, ↺ undone, ○ not run. */
    public ObservableList<String> actions() {
        return actions;
    }

    public StringProperty statusProperty() {
        return status;
    }

    @Override
    public void onEnter() {
        if (state() == StepState.PENDING) {
            startReset();
        }
    }

    /**
     * Runs the reset step of the confirmed run, in the mode that run was planned in; the plan is the
     * run's own, read from memory (nothing is planned anew on the UI thread).
     */
    void startReset() {
        ResetSession session = wizard.session();
        Optional<Plan> plan = session.currentPlan();
        if (plan.isEmpty()) {
            status.set("There is no confirmed run to reset: go back to the confirmation.");
            return;
        }
        ResetMode mode = plan.get().mode();
        described = plan.get().actionsOf(Step.RESET).stream().map(PlannedAction::describe).toList();
        running = -1;
        mark(0, described.size(), NOT_RUN, "");
        status.set("Resetting: " + described.size() + " actions, then the validation and the restart follow by themselves,"
                + " so that no service waits for a click. A failure rolls back everything the run changed.");
        wizard.execute(this, "Resetting InfluxDB", progress -> {
            session.runStep(Step.RESET, mode, progress);
            return null;
        }, ignored -> {
            mark(0, described.size(), DONE, "");
            status.set("All " + described.size() + " reset actions are done; the validation and the restart followed by "
                    + "themselves.");
            return StepState.DONE;
        }, () -> wizard.goOnFrom(this), () -> {
            boolean rolledBack = !session.hasOpenRun();
            int failed = Math.max(running, 0);
            mark(0, failed, rolledBack ? UNDONE : DONE, rolledBack ? " (undone)" : "");
            mark(failed, failed + 1, FAILED, " (failed)");
            status.set(rolledBack ? "Action " + (failed + 1) + " failed; the run was rolled back: every action before it "
                    + "was undone." : "Action " + (failed + 1) + " failed, and the rollback did not finish: the message "
                    + "above says what to do.");
        });
    }

    /** Marks the action that started (its description is the step's progress message) running, those before it done. */
    @Override
    protected void onProgress(double fraction, String message) {
        int started = described.indexOf(message);
        if (started >= 0) {
            running = started;
            mark(0, started, DONE, "");
            mark(started, started + 1, RUNNING, "");
        }
    }

    private void mark(int from, int to, String mark, String suffix) {
        if (actions.size() != described.size()) {
            actions.setAll(described.stream().map(d -> NOT_RUN + d).toList());
        }
        for (int i = from; i < to && i < described.size(); i++) {
            actions.set(i, mark + described.get(i) + suffix);
        }
    }

    @Override
    public void clear() {
        super.clear();
        actions.clear();
        described = List.of();
        running = -1;
        status.set("Waiting for the confirmation.");
    }
}
