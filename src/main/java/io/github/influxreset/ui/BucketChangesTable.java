package io.github.influxreset.ui;

import io.github.influxreset.engine.report.BucketChange;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

/** The buckets of a run before and after it: points, retention and what validation found, a row each. */
public final class BucketChangesTable {
    private BucketChangesTable() {
    }

    public static TableView<BucketChange> create(String id, ObservableList<BucketChange> buckets) {
        TableView<BucketChange> table = new TableView<>(buckets);
        table.setId(id);
        table.setAccessibleText("The buckets before and after the run");
        table.setPlaceholder(new Label("No bucket to compare."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(column("Bucket", BucketChange::bucket),
                column("Points before", b -> b.pointsBefore().map(String::valueOf).orElse("—")),
                column("Points after", b -> b.pointsAfter().map(String::valueOf).orElse("?")),
                column("Retention", BucketChange::retentionText),
                column("Validation", BucketChange::validationText)));
        table.setFixedCellSize(24);
        table.prefHeightProperty().bind(table.fixedCellSizeProperty().multiply(Bindings.size(buckets)
                .add(1.6)));
        table.setMinHeight(Region.USE_PREF_SIZE);
        return table;
    }

    private static TableColumn<BucketChange, String> column(String title, Function<BucketChange, String> value) {
        TableColumn<BucketChange, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
        column.setPrefWidth(switch (title) {
            case "Bucket" -> 210;
            case "Retention" -> 140;
            default -> 110;
        });
        return column;
    }
}
