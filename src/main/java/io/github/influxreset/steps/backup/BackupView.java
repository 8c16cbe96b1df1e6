package io.github.influxreset.steps.backup;

import io.github.influxreset.domain.Step;
import io.github.influxreset.domain.StepState;
import io.github.influxreset.ui.StepContext;
import io.github.influxreset.ui.StepHeader;
import io.github.influxreset.ui.View;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Step 2's view: what the backup holds, the button that writes it, and the result. */
public final class BackupView extends View<BackupViewModel> {
    private final StepContext wizard;
    private VBox root;
    private Label explanation;
    private Button create;
    private Label result;

    public BackupView(BackupViewModel model, StepContext wizard) {
        super(model);
        this.wizard = wizard;
        build();
    }

    @Override
    protected void createParts() {
        explanation = new Label();
        explanation.setId("backupExplanation");
        explanation.setWrapText(true);
        create = new Button("Write and verify the backup");
        create.setId("createBackup");
        create.setDefaultButton(false);
        result = new Label();
        result.setId("backupResult");
        result.setWrapText(true);
        result.getStyleClass().add("card");
    }

    @Override
    protected void layoutParts() {
        root = new VBox(12, StepHeader.of(Step.BACKUP), explanation, create, result);
        root.getStyleClass().add("step-view");
    }

    @Override
    protected void bind() {
        result.textProperty().bind(model.resultProperty());
        explanation.textProperty().bind(model.explanationProperty());
        create.setOnAction(e -> model.createBackup());
        create.disableProperty().bind(wizard.busyProperty().or(model.stateProperty().isEqualTo(StepState.DONE)));
    }

    @Override
    public Parent root() {
        return root;
    }
}
