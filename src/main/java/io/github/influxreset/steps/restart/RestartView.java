package io.github.influxreset.steps.restart;

import io.github.influxreset.engine.Step;
import io.github.influxreset.ui.StepHeader;
import io.github.influxreset.ui.View;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Step 6's view: each service and whether it is healthy. */
public final class RestartView extends View<RestartViewModel> {
    private VBox root;
    private Label status;
    private ListView<String> services;
    private javafx.scene.control.TextArea report;
    private javafx.scene.control.Button save;
    private final io.github.influxreset.ui.DialogService dialogs;

    public RestartView(RestartViewModel model, io.github.influxreset.ui.DialogService dialogs) {
        super(model);
        this.dialogs = dialogs;
        build();
    }

    @Override
    protected void createParts() {
        status = new Label();
        status.setId("restartStatus");
        status.setWrapText(true);
        services = new ListView<>();
        services.setId("services");
        services.setAccessibleText("Services and their health");
        services.setPrefHeight(120);
        report = new javafx.scene.control.TextArea();
        report.setId("runReport");
        report.setAccessibleText("Report of the run");
        report.setEditable(false);
        report.getStyleClass().add("plan-list");
        save = new javafx.scene.control.Button("Save report…");
        save.setId("saveReport");
    }

    @Override
    protected void layoutParts() {
        root = new VBox(12, StepHeader.of(Step.RESTART), status, services, report, save);
        root.getStyleClass().add("step-view");
        VBox.setVgrow(report, Priority.ALWAYS);
    }

    @Override
    protected void bind() {
        status.textProperty().bind(model.statusProperty());
        services.setItems(model.services());
        report.textProperty().bind(model.readableReportProperty());
        report.visibleProperty().bind(model.reportProperty().isNotEmpty());
        save.visibleProperty().bind(model.reportProperty().isNotEmpty());
        save.setOnAction(e -> dialogs.chooseSaveFile("Save the run report", "influx-reset-report.md")
                .ifPresent(model::saveReport));
    }

    @Override
    public Parent root() {
        return root;
    }
}
