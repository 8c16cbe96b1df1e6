package io.github.influxreset.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.Finding;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A long result is wrapped, not cut: a problem's sentence ends with what to do. */
@ExtendWith(ApplicationExtension.class)
class FindingsTableTest {
    private static final String SUBJECT = "Measurement home_assistant_events of bucket home_assistant_events";
    private static final String LONG = "InfluxDB's container sets up org 'ha-ingestor' on an empty volume"
            + " (DOCKER_INFLUXDB_INIT_ORG), but the profile says 'homeiq': after a full reset the server would hold"
            + " 'ha-ingestor' and the reset would look for 'homeiq'. Set influx.org: ha-ingestor in the profile";

    @Start
    void start(Stage stage) {
        TableView<Finding> table = FindingsTable.create("findings", "Findings", FXCollections.observableArrayList(
                Finding.ok("InfluxDB", "answers"), Finding.error("Org", LONG), Finding.ok(SUBJECT, "exists, retention 365d")));
        stage.setScene(new Scene(table, 700, 400));
        stage.show();
    }

    /** Issue 30, item 5: the What column of the checks and the validation was cut ("Measurement home_assistant_e…"). */
    @Test
    void aLongSubjectWrapsInItsColumnAndIsShownWhole(FxRobot robot) {
        TableCell<?, ?> subject = robot.lookup(".table-cell").queryAll().stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getGraphic() instanceof Text t && t.getText().equals(SUBJECT))
                .<TableCell<?, ?>>map(n -> (TableCell<?, ?>) n).findFirst().orElseThrow();

        assertTrue(((Text) subject.getGraphic()).getBoundsInLocal().getWidth() <= subject.getWidth(),
                "inside its column, wrapped: " + subject.getWidth());
    }

    @Test
    void aLongResultWrapsOverLinesAndTheWholeSentenceIsThere(FxRobot robot) {
        List<TableCell<?, ?>> cells = robot.lookup(".table-cell").queryAll().stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getGraphic() instanceof Text)
                .<TableCell<?, ?>>map(n -> (TableCell<?, ?>) n).toList();
        TableCell<?, ?> shortOne = cells.stream().filter(c -> ((Text) c.getGraphic()).getText().equals("answers")).findFirst()
                .orElseThrow();
        TableCell<?, ?> longOne = cells.stream().filter(c -> ((Text) c.getGraphic()).getText().equals(LONG)).findFirst()
                .orElseThrow();

        assertEquals(LONG, ((Text) longOne.getGraphic()).getText(), "the whole sentence, nothing cut");
        assertTrue(longOne.getHeight() > 1.5 * shortOne.getHeight(), "wrapped over lines: " + longOne.getHeight()
                + " px high beside " + shortOne.getHeight());
        assertTrue(((Text) longOne.getGraphic()).getBoundsInLocal().getWidth() <= longOne.getWidth(), "inside its column");
    }
}
