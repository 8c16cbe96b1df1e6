package io.github.influxreset.ui;

import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.report.RunReport;
import io.github.influxreset.engine.report.RunTimeline;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * A run on a time axis: one lane per step, each action a bar in its step's lane (red when it
 * deletes data, grey when undone), the downtime window (services stopped until healthy again)
 * shaded behind them, and the axis's end and the downtime written out. Each bar's tooltip names the
 * action, its status and its length. Bind {@link #timelineProperty()}; the chart only draws.
 */
public final class TimelineChart extends Region {
    private static final double LANE = 20;
    private static final double LABELS = 110;
    private static final double AXIS = 22;

    private final ObjectProperty<RunTimeline> timeline = new SimpleObjectProperty<>();
    private final Rectangle downtime = new Rectangle();
    private final Label downtimeText = new Label();
    private final Label end = new Label();
    private final List<Label> lanes = new ArrayList<>();
    private final List<Rectangle> bars = new ArrayList<>();

    public TimelineChart() {
        getStyleClass().add("timeline-chart");
        setAccessibleText("The run's actions on a time axis, with the downtime window");
        downtime.getStyleClass().add("timeline-downtime");
        downtimeText.getStyleClass().add("timeline-axis");
        downtimeText.setId("downtimeText");
        end.getStyleClass().add("timeline-axis");
        for (Step step : Step.values()) {
            Label lane = new Label(step.title());
            lane.getStyleClass().add("timeline-lane");
            lanes.add(lane);
        }
        getChildren().add(downtime);
        getChildren().addAll(lanes);
        getChildren().addAll(downtimeText, end);
        timeline.addListener((obs, old, now) -> redraw(now));
        setMinHeight(LANE * Step.values().length + AXIS);
        setPrefHeight(getMinHeight());
    }

    public ObjectProperty<RunTimeline> timelineProperty() {
        return timeline;
    }

    /** The bars drawn now (for tests: what a person sees). */
    public List<Rectangle> bars() {
        return List.copyOf(bars);
    }

    private void redraw(RunTimeline now) {
        getChildren().removeAll(bars);
        bars.clear();
        if (now != null) {
            for (RunTimeline.Bar bar : now.bars()) {
                Rectangle rectangle = new Rectangle();
                rectangle.getStyleClass().addAll("timeline-bar", "status-" + bar.status().name().toLowerCase());
                if (bar.destructive()) {
                    rectangle.getStyleClass().add("destructive");
                }
                rectangle.setUserData(bar);
                Tooltip.install(rectangle, new Tooltip("#" + (bar.index() + 1) + " " + bar.label() + "\n" + bar.status()
                        + ", " + RunReport.seconds(bar.millis()) + " from +" + RunReport.seconds(bar.startMillis())));
                bars.add(rectangle);
            }
            getChildren().addAll(bars);
            downtimeText.setText(now.downtime().map(w -> "Downtime " + RunReport.seconds(w.millis()))
                    .orElse("No service was stopped"));
            end.setText(RunReport.seconds(now.totalMillis()));
        }
        downtime.setVisible(now != null && now.downtime().isPresent());
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double width = Math.max(1, getWidth() - LABELS - 8);
        RunTimeline now = timeline.get();
        double scale = now == null ? 0 : width / Math.max(1, now.totalMillis());
        double lanesHeight = LANE * Step.values().length;
        for (int i = 0; i < lanes.size(); i++) {
            lanes.get(i).resizeRelocate(0, i * LANE, LABELS - 6, LANE);
        }
        for (Rectangle rectangle : bars) {
            RunTimeline.Bar bar = (RunTimeline.Bar) rectangle.getUserData();
            rectangle.setX(LABELS + bar.startMillis() * scale);
            rectangle.setY(bar.step().ordinal() * LANE + 4);
            rectangle.setWidth(Math.max(2, bar.millis() * scale));
            rectangle.setHeight(LANE - 8);
        }
        if (now != null && now.downtime().isPresent()) {
            RunTimeline.Window w = now.downtime().get();
            downtime.setX(LABELS + w.startMillis() * scale);
            downtime.setY(0);
            downtime.setWidth(Math.max(2, w.millis() * scale));
            downtime.setHeight(lanesHeight);
        }
        downtimeText.resizeRelocate(LABELS, lanesHeight + 2, width / 2, AXIS - 4);
        double endWidth = end.prefWidth(-1);
        end.resizeRelocate(getWidth() - endWidth - 8, lanesHeight + 2, endWidth, AXIS - 4);
    }
}
