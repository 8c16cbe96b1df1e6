package io.github.influxreset.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A long task's notice shows as a notification over the window, with its title and text. */
@ExtendWith(ApplicationExtension.class)
class NoticeTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(new Label("wizard")), 800, 500));
        stage.show();
    }

    @Test
    void aNoticeAppearsInANotificationWindow(FxRobot robot) throws Exception {
        robot.interact(() -> FxNotices.show(stage, new TaskClock.Notice("Writing the backup finished",
                "Backup set 20261127_101500 written (took 1 min 5 s)", true)));

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .filter(w -> w != stage && w.getScene() != null)
                .anyMatch(w -> containsText(w.getScene().getRoot(), "took 1 min 5 s")));
        assertTrue(Window.getWindows().stream().filter(w -> w != stage && w.getScene() != null)
                .anyMatch(w -> containsText(w.getScene().getRoot(), "Writing the backup finished")));
    }

    private static boolean containsText(Node node, String text) {
        if (node instanceof javafx.scene.control.Labeled labeled && labeled.getText() != null
                && labeled.getText().contains(text)) {
            return true;
        }
        if (node instanceof javafx.scene.text.Text t && t.getText() != null && t.getText().contains(text)) {
            return true;
        }
        return node instanceof javafx.scene.Parent parent
                && parent.getChildrenUnmodifiable().stream().anyMatch(child -> containsText(child, text));
    }
}
