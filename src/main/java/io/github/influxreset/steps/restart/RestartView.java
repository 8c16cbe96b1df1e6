package io.github.influxreset.steps.restart;

import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.report.BucketChange;
import io.github.influxreset.ui.BucketChangesTable;
import io.github.influxreset.ui.Controls;
import io.github.influxreset.ui.DialogService;
import io.github.influxreset.ui.StepHeader;
import io.github.influxreset.ui.TimelineChart;
import io.github.influxreset.ui.View;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Step 6's view: each service and whether it is healthy. */
public final class RestartView extends View<RestartViewModel> {
    private VBox root;
    private Label status;
    private ListView<String> services;
    private TextArea report;
    private Button save;
    private TimelineChart timeline;
    private TableView<BucketChange> buckets;
    private VBox picture;
    private TabPane tabs;
    private final DialogService dialogs;

    public RestartView(RestartViewModel model, DialogService dialogs) {
        super(model);
        this.dialogs = dialogs;
        build();
    }

    @Override
    protected void createParts() {
        status = new Label();
        status.setId("restartStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        services = new ListView<>();
        services.setId("services");
        services.setAccessibleText("Services and their health");
        services.setPrefHeight(120);
        services.setMinHeight(72);
        report = new TextArea();
        report.setId("runReport");
        report.setAccessibleText("Report of the run");
        report.setEditable(false);
        report.getStyleClass().add("plan-list");
        timeline = new TimelineChart();
        timeline.setId("timeline");
        buckets = BucketChangesTable.create("beforeAfter", model.buckets());
        save = new Button("Save report…");
        save.setId("saveReport");
    }

    @Override
    protected void layoutParts() {
        picture = new VBox(6, new Label("The run on a time axis (shaded: the services were down)"), timeline,
                new Label("The buckets before and after"), buckets);
        picture.getStyleClass().add("card");
        picture.setMinHeight(Region.USE_PREF_SIZE);
        VBox summary = new VBox(8, picture, services);
        VBox.setVgrow(services, Priority.ALWAYS);
        ScrollPane scroll = new ScrollPane(summary);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
        Tab summaryTab = new Tab("Summary", scroll);
        summaryTab.setId("summaryTab");
        Tab reportTab = new Tab("Full report", report);
        reportTab.setId("reportTab");
        tabs = new TabPane(summaryTab, reportTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("restartTabs");
        tabs.setAccessibleText("The run at a glance, and its full report");
        root = new VBox(12, StepHeader.of(Step.RESTART), status, tabs, save);
        root.getStyleClass().add("step-view");
        VBox.setVgrow(tabs, Priority.ALWAYS);
    }

    @Override
    protected void bind() {
        status.textProperty().bind(model.statusProperty());
        services.setItems(model.services());
        report.textProperty().bind(model.readableReportProperty());
        timeline.timelineProperty().bind(model.timelineProperty());
        Controls.showOnlyWhen(picture, model.timelineProperty().isNotNull());
        tabs.getTabs().get(1).disableProperty().bind(model.reportProperty().isEmpty());
        save.visibleProperty().bind(model.reportProperty().isNotEmpty());
        save.setOnAction(e -> dialogs.chooseSaveFile("Save the run report", "influx-reset-report.md")
                .ifPresent(model::saveReport));
    }

    @Override
    public Parent root() {
        return root;
    }
}
