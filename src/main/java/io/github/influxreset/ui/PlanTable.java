package io.github.influxreset.ui;

import io.github.influxreset.engine.run.PlannedAction;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * A plan as a table: number, step and action, a row each, the action's text wrapped whole; a row
 * whose action deletes data is marked (pseudo-class {@code destructive}, and "⚠ deletes data").
 */
public final class PlanTable {
    static final PseudoClass DESTRUCTIVE = PseudoClass.getPseudoClass("destructive");

    private PlanTable() {
    }

    public static TableView<PlannedAction> create(String id, ObservableList<PlannedAction> actions) {
        TableView<PlannedAction> table = new TableView<>(actions);
        table.setId(id);
        table.setAccessibleText("The actions the run will take, in order; those that delete data are marked");
        table.setPlaceholder(new Label("Reading the plan…"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<PlannedAction, String> number = new TableColumn<>("#");
        number.setCellValueFactory(c -> new SimpleStringProperty(Integer.toString(c.getValue().index() + 1)));
        number.setPrefWidth(44);
        number.setMaxWidth(60);
        TableColumn<PlannedAction, String> step = new TableColumn<>("Step");
        step.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().step().title()));
        step.setPrefWidth(110);
        step.setMaxWidth(140);
        TableColumn<PlannedAction, String> action = new TableColumn<>("Action");
        action.setCellValueFactory(c -> new SimpleStringProperty(text(c.getValue())));
        action.setCellFactory(c -> new WrappingTableCell<>());
        table.getColumns().setAll(List.of(number, step, action));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PlannedAction item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(DESTRUCTIVE, !empty && item != null && item.action().destructive());
            }
        });
        return table;
    }

    /** The action as a row says it: what it does, and that it deletes data when it does. */
    public static String text(PlannedAction action) {
        return action.describe() + (action.action().destructive() ? "  ⚠ deletes data" : "");
    }
}
