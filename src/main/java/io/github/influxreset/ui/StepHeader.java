package io.github.influxreset.ui;

import io.github.influxreset.domain.Step;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The title and one-line summary at the top of each step's view. */
public final class StepHeader {
    private StepHeader() {
    }

    public static VBox of(Step step) {
        Label title = new Label("Step " + step.number() + " of 6 · " + step.title());
        title.getStyleClass().add("step-title");
        Label summary = new Label(step.summary());
        summary.getStyleClass().add("step-summary");
        summary.setWrapText(true);
        return new VBox(2, title, summary);
    }
}
