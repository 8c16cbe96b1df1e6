package io.github.influxreset.steps.reset;

import io.github.influxreset.engine.PlannedAction;
import io.github.influxreset.engine.Step;
import io.github.influxreset.engine.StepState;
import io.github.influxreset.engine.session.ResetSession;
import io.github.influxreset.ui.StepViewModel;
import io.github.influxreset.ui.WizardViewModel;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 4: runs the reset actions as soon as the step is entered after the confirmation, then goes on
 * to the validation by itself: services may be stopped, and no click is waited for while they are.
 */
public final class ResetViewModel extends StepViewModel {
    private final ObservableList<String> actions = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("Waiting for the confirmation.");

    public ResetViewModel(WizardViewModel wizard) {
        super(Step.RESET, wizard);
    }

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

    void startReset() {
        ResetSession session = wizard.session();
        var mode = wizard.modeProperty().get();
        actions.setAll(session.plan(mode).actionsOf(Step.RESET).stream().map(PlannedAction::describe).toList());
        status.set("Resetting: " + actions.size() + " actions, then the validation and the restart follow by themselves,"
                + " so that no service waits for a click. A failure rolls back everything the run changed.");
        wizard.execute(this, "Resetting InfluxDB", progress -> {
            session.runStep(Step.RESET, mode, progress);
            return null;
        }, ignored -> {
            status.set("All " + actions.size() + " reset actions are done; the validation and the restart followed by themselves.");
            return StepState.DONE;
        }, () -> wizard.goOnFrom(this));
    }

    @Override
    public void clear() {
        super.clear();
        actions.clear();
        status.set("Waiting for the confirmation.");
    }
}
