package io.github.influxreset.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The plan's long rows wrap instead of running off to the right (issue 15, finding 12). */
@ExtendWith(ApplicationExtension.class)
class WrappingListCellTest {
    private static final String LONG = "13. Reset     Copy volume homeiq_influxdb_data to"
            + " homeiq_influxdb_data-keep-20261202-002142-020e, so that a rollback can put every file back as it was";

    @Start
    void start(Stage stage) {
        ListView<String> plan = new ListView<>(FXCollections.observableArrayList("1. Prerequisites  Check Docker", LONG));
        plan.setCellFactory(list -> new WrappingListCell());
        stage.setScene(new Scene(plan, 500, 300));
        stage.show();
    }

    @Test
    void aLongRowWrapsInsideTheListWithNothingCut(FxRobot robot) {
        List<ListCell<?>> cells = robot.lookup(".list-cell").queryAll().stream()
                .filter(n -> n instanceof ListCell<?> c && c.getGraphic() instanceof Text).<ListCell<?>>map(n -> (ListCell<?>) n)
                .toList();
        ListCell<?> shortRow = cells.stream().filter(c -> ((Text) c.getGraphic()).getText().startsWith("1.")).findFirst().orElseThrow();
        ListCell<?> longRow = cells.stream().filter(c -> ((Text) c.getGraphic()).getText().equals(LONG)).findFirst().orElseThrow();

        assertTrue(longRow.getHeight() > 1.5 * shortRow.getHeight(), "wrapped over lines: " + longRow.getHeight() + " beside "
                + shortRow.getHeight());
        assertTrue(((Text) longRow.getGraphic()).getBoundsInParent().getMaxX() <= longRow.getWidth(), "inside the row");
    }
}
