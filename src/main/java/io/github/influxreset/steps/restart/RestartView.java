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

    public RestartView(RestartViewModel model) {
        super(model);
        build();
    }

    @Override
    protected void createParts() {
        status = new Label();
        status.setId("restartStatus");
        status.setWrapText(true);
        services = new ListView<>();
        services.setId("services");
    }

    @Override
    protected void layoutParts() {
        root = new VBox(12, StepHeader.of(Step.RESTART), status, services);
        root.getStyleClass().add("step-view");
        VBox.setVgrow(services, Priority.ALWAYS);
    }

    @Override
    protected void bind() {
        status.textProperty().bind(model.statusProperty());
        services.setItems(model.services());
    }

    @Override
    public Parent root() {
        return root;
    }
}
