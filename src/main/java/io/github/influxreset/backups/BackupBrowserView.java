package io.github.influxreset.backups;

import io.github.influxreset.domain.ByteSize;
import static io.github.influxreset.ui.Controls.button;

import io.github.influxreset.domain.BackupInfo;
import io.github.influxreset.ui.View;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/** The backup browser: the sets, the selected set's details, and what can be done with it. */
public final class BackupBrowserView extends View<BackupBrowserViewModel> {
    private final Runnable close;
    private VBox root;
    private TableView<BackupInfo> table;
    private TextArea details;
    private Button refresh;
    private Button verify;
    private Button restore;
    private Button delete;
    private Button prune;
    private Button back;
    private ComboBox<String> bucket;
    private TextField newBucket;
    private Button restoreBucket;
    private Label status;
    private ProgressBar progress;

    public BackupBrowserView(BackupBrowserViewModel model, Runnable close) {
        super(model);
        this.close = close;
        build();
    }

    @Override
    protected void createParts() {
        table = new TableView<>();
        table.setId("backupTable");
        table.setAccessibleText("Backup sets");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No complete backup sets yet."));
        table.getColumns().setAll(List.of(
                column("Set", BackupInfo::id, "20261202_030714"),
                column("Size", s -> ByteSize.human(s.bytes()), "999.9 MiB"),
                column("Buckets", s -> String.valueOf(s.buckets().size()), "99"),
                column("Points", s -> String.format("%,d", s.totalPoints()), "9,999,999")));
        // the set's name is the time it was made (UTC); the details say it in full
        table.getColumns().add(1, column("What", s -> model.roleOf(s.id()), "restore's backup, sealed"));
        details = new TextArea();
        details.setId("backupDetails");
        details.setAccessibleText("Details of the selected backup set");
        details.setEditable(false);
        details.setWrapText(true);
        refresh = button("Refresh", "refreshBackups");
        verify = button("Verify", "verifyBackup");
        restore = button("Restore all buckets…", "restoreBackup");
        delete = button("Delete…", "deleteBackup");
        prune = button("Prune…", "pruneBackups");
        back = button("Back to the wizard", "closeBackups");
        bucket = new ComboBox<>();
        bucket.setId("restoreBucketChoice");
        bucket.setAccessibleText("Bucket to restore");
        bucket.setPromptText("bucket");
        newBucket = new TextField();
        newBucket.setId("newBucketName");
        newBucket.setAccessibleText("Name of the new bucket");
        newBucket.setPromptText("new bucket name");
        restoreBucket = button("Restore into new bucket", "restoreBucket");
        status = new Label();
        status.setId("backupStatus");
        status.setWrapText(true);
        progress = new ProgressBar(0);
        progress.setId("backupProgress");
        progress.setAccessibleText("Progress of the backup browser's task");
    }

    @Override
    protected void layoutParts() {
        Label title = new Label("Backup sets");
        title.getStyleClass().add("step-title");
        HBox actions = new HBox(8, refresh, verify, restore, delete, prune);
        HBox oneBucket = new HBox(8, new Label("One bucket:"), bucket, new Label("into"), newBucket, restoreBucket);
        oneBucket.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(newBucket, Priority.ALWAYS);
        SplitPane split = new SplitPane(table, details);
        split.setDividerPositions(0.74);
        HBox footer = new HBox(10, back, progress, status);
        footer.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(10, title, actions, split, oneBucket, footer);
        root.getStyleClass().add("step-view");
        VBox.setVgrow(split, Priority.ALWAYS);
    }

    @Override
    protected void bind() {
        table.setItems(model.sets());
        model.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        details.textProperty().bind(model.detailsProperty());
        status.textProperty().bind(model.statusProperty());
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        var noSelection = table.getSelectionModel().selectedItemProperty().isNull().or(model.busyProperty());
        for (Button b : new Button[] {verify, restore, delete}) {
            b.disableProperty().bind(noSelection);
        }
        restoreBucket.disableProperty().bind(noSelection.or(model.newBucketNameProperty().isEmpty())
                .or(model.restoreBucketProperty().isEmpty()));
        refresh.disableProperty().bind(model.busyProperty());
        prune.disableProperty().bind(model.busyProperty());
        model.selectedProperty().addListener((obs, old, now) -> bucket.getItems().setAll(model.bucketsOfSelected()));
        bucket.valueProperty().addListener((obs, old, now) -> model.restoreBucketProperty().set(now == null ? "" : now));
        newBucket.textProperty().bindBidirectional(model.newBucketNameProperty());
        refresh.setOnAction(e -> model.refresh());
        verify.setOnAction(e -> model.verifySelected());
        restore.setOnAction(e -> model.restoreSelected());
        delete.setOnAction(e -> model.deleteSelected());
        prune.setOnAction(e -> model.prune());
        restoreBucket.setOnAction(e -> model.restoreBucketIntoNewName());
        back.setOnAction(e -> close.run());
    }

    @Override
    public Parent root() {
        return root;
    }

    /** A column at least as wide as its title and its {@code widest} value need: no text is cut to "…". */
    private static TableColumn<BackupInfo, String> column(String title, Function<BackupInfo, String> value,
                                                          String widest) {
        TableColumn<BackupInfo, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
        double width = Math.max(textWidth(title), textWidth(widest)) + CELL_PADDING;
        column.setMinWidth(width);
        column.setPrefWidth(width);
        return column;
    }

    /** Room a cell needs beside its text: its padding and the column's sort arrow. */
    private static final double CELL_PADDING = 20;

    private static double textWidth(String text) {
        return new Text(text).getLayoutBounds().getWidth();
    }
}
