package io.github.influxreset.steps.confirm;

import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.run.PlannedAction;
import io.github.influxreset.ui.Controls;
import io.github.influxreset.ui.PlanTable;
import io.github.influxreset.ui.StepHeader;
import io.github.influxreset.ui.View;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Step 3's view: the plan, the field to type the name into, and the Reset button. */
public final class ConfirmView extends View<ConfirmViewModel> {
    private VBox root;
    private TableView<PlannedAction> plan;
    private Label prompt;
    private Label typedWrong;
    private TextField confirmation;
    private Button reset;
    private CheckBox keepData;
    private Label heading;
    private Label downtime;
    private TextArea forecast;
    private VBox carry;

    public ConfirmView(ConfirmViewModel model) {
        super(model);
        build();
    }

    @Override
    protected void createParts() {
        plan = PlanTable.create("plan", model.plan());
        prompt = new Label();
        prompt.setId("confirmPrompt");
        prompt.setWrapText(true);
        prompt.setMinHeight(Region.USE_PREF_SIZE);
        typedWrong = new Label();
        typedWrong.setId("confirmHint");
        typedWrong.setWrapText(true);
        typedWrong.getStyleClass().add("field-problem");
        confirmation = new TextField();
        confirmation.setId("confirmText");
        confirmation.setPromptText("type the name here");
        confirmation.setAccessibleText("Name to type to confirm the reset");
        keepData = new CheckBox("Keep the data: carry the backup's points into the new buckets, "
                + "converted to the profile's schema");
        keepData.setId("keepData");
        forecast = new TextArea();
        forecast.setId("carryForecast");
        forecast.setEditable(false);
        forecast.setWrapText(true);
        forecast.setPrefRowCount(3);
        forecast.getStyleClass().add("monospace");
        forecast.setAccessibleText("What carrying the points would do, per bucket and measurement");
        reset = new Button("Reset");
        reset.setId("resetButton");
        reset.getStyleClass().add("danger");
    }

    @Override
    protected void layoutParts() {
        HBox confirm = new HBox(8, confirmation, reset);
        HBox.setHgrow(confirmation, Priority.ALWAYS);
        carry = new VBox(6, keepData, forecast);
        heading = new Label();
        downtime = new Label();
        downtime.setId("downtimeForecast");
        downtime.setWrapText(true);
        downtime.setMinHeight(Region.USE_PREF_SIZE);
        downtime.getStyleClass().add("emphasis");
        root = new VBox(12, StepHeader.of(Step.CONFIRM), heading, plan, carry, downtime, prompt, confirm, typedWrong);
        root.getStyleClass().add("step-view");
        VBox.setVgrow(plan, Priority.ALWAYS);
    }

    @Override
    protected void bind() {
        prompt.textProperty().bind(Bindings.concat(model.consequenceProperty(),
                Bindings.when(model.keepDataProperty().and(model.canKeepDataProperty()))
                        .then(" The backup's points are then carried into the new buckets, as forecast above.").otherwise(""),
                " Type '", model.wordProperty(), "' to enable ", model.actionNameProperty(), "."));
        reset.textProperty().bind(model.actionNameProperty());
        heading.textProperty().bind(Bindings.concat("The ",
                model.actionNameProperty().map(name -> name.toLowerCase(Locale.ROOT)),
                " will take these actions, in this order:"));
        confirmation.textProperty().bindBidirectional(model.typedProperty());
        keepData.selectedProperty().bindBidirectional(model.keepDataProperty());
        keepData.disableProperty().bind(model.keepDataFixedProperty());
        forecast.textProperty().bind(model.forecastProperty());
        downtime.textProperty().bind(model.downtimeProperty());
        Controls.showOnlyWhen(carry, model.canKeepDataProperty());
        reset.disableProperty().bind(model.canResetProperty().not());
        typedWrong.textProperty().bind(model.typedWrongProperty());
        Controls.showOnlyWhen(typedWrong, model.typedWrongProperty().isNotEmpty());
        reset.setOnAction(e -> model.confirmAndReset());
        confirmation.setOnAction(e -> model.confirmAndReset());
    }

    @Override
    public Parent root() {
        return root;
    }
}
