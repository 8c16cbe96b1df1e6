package io.github.influxreset.steps.validate;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.Step;
import io.github.influxreset.domain.StepState;
import io.github.influxreset.ui.FindingsTable;
import io.github.influxreset.ui.StepContext;
import io.github.influxreset.ui.StepHeader;
import io.github.influxreset.ui.View;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Step 5's view: the validation report. */
public final class ValidateView extends View<ValidateViewModel> {
    private final StepContext wizard;
    private VBox root;
    private TableView<Finding> report;
    private Button again;

    public ValidateView(ValidateViewModel model, StepContext wizard) {
        super(model);
        this.wizard = wizard;
        build();
    }

    @Override
    protected void createParts() {
        report = FindingsTable.create("validationReport", "Validation report", model.findings());
        again = new Button("Validate again");
        again.setId("validate");
    }

    @Override
    protected void layoutParts() {
        root = new VBox(12, StepHeader.of(Step.VALIDATE), again, report);
        root.getStyleClass().add("step-view");
        VBox.setVgrow(report, Priority.ALWAYS);
    }

    @Override
    protected void bind() {
        again.setOnAction(e -> model.validate());
        again.disableProperty().bind(wizard.busyProperty().or(model.stateProperty().isNotEqualTo(
                StepState.FAILED)));
    }

    @Override
    public Parent root() {
        return root;
    }
}
