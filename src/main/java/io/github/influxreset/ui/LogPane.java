package io.github.influxreset.ui;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.engine.log.LogEvent;
import io.github.influxreset.engine.log.LogLevel;
import io.github.influxreset.engine.tasks.TaskRunner;
import java.nio.file.Files;
import javafx.animation.AnimationTimer;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The live log shown under every step: a virtualised list fed once a pulse from the model's
 * queue, a level filter, copy and save.
 */
public final class LogPane extends View<LogPaneModel> {
    /** One line of 12px monospace: a fixed height spares the list from measuring every cell. */
    private static final double LINE_HEIGHT = 18;
    private final DialogService dialogs;
    private final TaskRunner tasks;
    private VBox root;
    private ListView<LogEvent> list;
    private ComboBox<LogLevel> level;
    private Button copy;
    private Button save;
    private final AnimationTimer drainer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (model.drain() > 0 && !list.getItems().isEmpty()) {
                list.scrollTo(list.getItems().size() - 1);
            }
        }
    };

    public LogPane(LogPaneModel model, DialogService dialogs, TaskRunner tasks) {
        super(model);
        this.dialogs = dialogs;
        this.tasks = tasks;
        build();
        drainer.start();
    }

    @Override
    protected void createParts() {
        list = new ListView<>();
        list.setId("logList");
        list.setCellFactory(view -> new LogCell());
        list.setFixedCellSize(LINE_HEIGHT);
        list.getStyleClass().add("log-list");
        list.setAccessibleText("Live log");
        level = new ComboBox<>();
        level.setId("logLevel");
        level.getItems().setAll(LogLevel.values());
        level.setAccessibleText("Lowest level shown");
        copy = new Button("Copy");
        copy.setId("copyLog");
        save = new Button("Save…");
        save.setId("saveLog");
    }

    @Override
    protected void layoutParts() {
        Label title = new Label("Log");
        title.getStyleClass().add("section-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, spacer, new Label("Show"), level, copy, save);
        bar.getStyleClass().add("log-bar");
        root = new VBox(4, bar, list);
        root.getStyleClass().add("log-pane");
        VBox.setVgrow(list, Priority.ALWAYS);
    }

    @Override
    protected void bind() {
        list.setItems(model.visibleLines());
        level.valueProperty().bindBidirectional(model.minimumLevelProperty());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.visibleText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        save.setOnAction(e -> dialogs.chooseSaveFile("Save the log", "influx-reset.log").ifPresent(file -> {
            String text = model.visibleText() + "\n";
            tasks.run("Saving the log", p -> Files.writeString(file, text),
                    Progress.NONE, written -> { },
                    failure -> dialogs.showError("The log could not be saved to " + file + ".", failure));
        }));
    }

    @Override
    public Parent root() {
        return root;
    }

    /** A line of the log, styled by level through pseudo-classes. */
    private static final class LogCell extends ListCell<LogEvent> {
        private static final PseudoClass WARN = PseudoClass.getPseudoClass("warn");
        private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

        @Override
        protected void updateItem(LogEvent event, boolean empty) {
            super.updateItem(event, empty);
            setText(empty || event == null ? null : event.format());
            pseudoClassStateChanged(WARN, !empty && event != null && event.level() == LogLevel.WARN);
            pseudoClassStateChanged(ERROR, !empty && event != null && event.level() == LogLevel.ERROR);
        }
    }
}
