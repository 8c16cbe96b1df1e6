package io.github.influxreset.ui;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.Severity;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** A table of findings (status, subject, message), used by the checks and the validation report. */
public final class FindingsTable {
    private FindingsTable() {
    }

    /** @param accessibleName what a screen reader calls the table */
    public static TableView<Finding> create(String id, String accessibleName, ObservableList<Finding> findings) {
        TableView<Finding> table = new TableView<>(findings);
        table.setId(id);
        table.setAccessibleText(accessibleName);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Nothing checked yet."));
        TableColumn<Finding, Severity> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().severity()));
        status.setCellFactory(c -> new SeverityCell());
        status.setPrefWidth(90);
        status.setMaxWidth(110);
        TableColumn<Finding, String> subject = new TableColumn<>("What");
        subject.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().subject()));
        subject.setCellFactory(c -> new WrappingTableCell<>());
        subject.setPrefWidth(200);
        subject.setMaxWidth(260);
        TableColumn<Finding, String> message = new TableColumn<>("Result");
        message.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().message()));
        message.setCellFactory(c -> new WrappingTableCell<>());
        table.getColumns().setAll(List.of(status, subject, message));
        return table;
    }

    /** The severity as a word, coloured through pseudo-classes. */
    private static final class SeverityCell extends TableCell<Finding, Severity> {
        @Override
        protected void updateItem(Severity severity, boolean empty) {
            super.updateItem(severity, empty);
            setText(empty || severity == null ? null : label(severity));
            for (Severity s : Severity.values()) {
                pseudoClassStateChanged(PseudoClass.getPseudoClass(s.name().toLowerCase()), !empty && s == severity);
            }
        }

        private static String label(Severity severity) {
            return switch (severity) {
                case OK -> "✔ OK";
                case INFO -> "ℹ Info";
                case WARNING -> "⚠ Warning";
                case ERROR -> "✖ Error";
            };
        }
    }
}
