package io.github.influxreset.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.actions.CheckPrerequisites;
import io.github.influxreset.engine.actions.DeleteBucket;
import io.github.influxreset.engine.actions.KeepVolumeCopy;
import io.github.influxreset.engine.run.PlannedAction;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The confirmation's plan is a table: a long action wraps inside its row instead of running off to
 * the right (issue 15, finding 12), and a row that deletes data is marked as such.
 */
@ExtendWith(ApplicationExtension.class)
class PlanTableTest {
    private static final List<PlannedAction> PLAN = List.of(
            new PlannedAction(0, Step.PREREQUISITES, new CheckPrerequisites(Map.of())),
            new PlannedAction(1, Step.RESET, KeepVolumeCopy.of("homeiq_influxdb_data",
                    "homeiq_influxdb_data-keep-20261202-002142-020e-and-a-long-tail-so-that-it-cannot-fit-one-line",
                    "influxdb:2.7")),
            new PlannedAction(2, Step.RESET, DeleteBucket.of(new BucketSpec("home_assistant_events",
                    Retention.parse("365d").orElseThrow()))));

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(PlanTable.create("plan", FXCollections.observableArrayList(PLAN)), 520, 300));
        stage.show();
    }

    @Test
    void aLongActionWrapsInsideItsRowWithNothingCut(FxRobot robot) {
        TableCell<?, ?> shortRow = actionCell(robot, "Check Docker");
        TableCell<?, ?> longRow = actionCell(robot, "Copy volume");

        assertTrue(longRow.getHeight() > 1.5 * shortRow.getHeight(), "wrapped over lines: " + longRow.getHeight()
                + " beside " + shortRow.getHeight());
        assertTrue(((Text) longRow.getGraphic()).getBoundsInParent().getMaxX() <= longRow.getWidth(), "inside the row");
    }

    @Test
    void aRowThatDeletesDataIsMarked(FxRobot robot) {
        List<TableRow<?>> marked = robot.lookup(".table-row-cell").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().contains(PlanTable.DESTRUCTIVE)).<TableRow<?>>map(n -> (TableRow<?>) n)
                .toList();

        assertEquals(1, marked.size());
        assertEquals(PLAN.get(2), marked.get(0).getItem());
        assertTrue(PlanTable.text(PLAN.get(2)).endsWith("⚠ deletes data"), PlanTable.text(PLAN.get(2)));
    }

    private static TableCell<?, ?> actionCell(FxRobot robot, String startsWith) {
        return robot.lookup(".table-cell").queryAll().stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getGraphic() instanceof Text t && t.getText().startsWith(startsWith))
                .<TableCell<?, ?>>map(n -> (TableCell<?, ?>) n).findFirst().orElseThrow();
    }
}
