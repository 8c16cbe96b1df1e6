package io.github.influxreset.steps.reset;

import io.github.influxreset.domain.Step;
import io.github.influxreset.ui.StepHeader;
import io.github.influxreset.ui.View;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Step 4's view: the reset actions and where the reset stands. */
public final class ResetView extends View<ResetViewModel> {
    private VBox root;
    private Label status;
    private ListView<String> actions;

    public ResetView(ResetViewModel model) {
        super(model);
        build();
    }

    @Override
    protected void createParts() {
        status = new Label();
        status.setId("resetStatus");
        status.setWrapText(true);
        actions = new ListView<>();
        actions.setId("resetActions");
        actions.setAccessibleText("Actions of the reset and their state");
    }

    @Override
    protected void layoutParts() {
        root = new VBox(12, StepHeader.of(Step.RESET), status, actions);
        root.getStyleClass().add("step-view");
        VBox.setVgrow(actions, Priority.ALWAYS);
    }

    @Override
    protected void bind() {
        status.textProperty().bind(model.statusProperty());
        actions.setItems(model.actions());
    }

    @Override
    public Parent root() {
        return root;
    }
}
