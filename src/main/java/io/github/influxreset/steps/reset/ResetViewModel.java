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

/** Step 4: runs the reset actions as soon as the step is entered after the confirmation. */
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
        status.set("Resetting: " + actions.size() + " actions. A failure rolls them back by itself; once they have"
                + " ended, Roll back undoes every one of them.");
        wizard.execute(this, "Resetting InfluxDB", progress -> {
            session.runStep(Step.RESET, mode, progress);
            return null;
        }, ignored -> {
            status.set("All " + actions.size() + " reset actions are done. Go on to validate the new schema.");
            return StepState.DONE;
        });
    }

    @Override
    public void clear() {
        super.clear();
        actions.clear();
        status.set("Waiting for the confirmation.");
    }
}
