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

    /**
     * Issue 30, item 3: a failure's notice was wider than the window and lay over Cancel, Back and Next
     * for 8 s (a click on Next landed on it). It keeps to the top left now, within the window's width.
     */
    @Test
    void aLongFailureNoticeKeepsOffTheNavigationButtonsAndWithinTheWindow(FxRobot robot) throws Exception {
        String sentence = "Bucket home_assistant_events lacks values after the merge (home_assistant_events."
                + "normalized_value: 51881 of 52096 of its own and the set's new ones); the run was rolled back.";
        robot.interact(() -> FxNotices.show(stage, new TaskClock.Notice("Merging the backup failed", sentence, false)));

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> notice().filter(w -> w.getWidth() > 0).isPresent());
        Window notice = notice().orElseThrow();
        assertTrue(notice.getWidth() <= stage.getWidth(), "within the window's width: " + notice.getWidth());
        double navigationTop = stage.getY() + stage.getHeight() - 80;
        assertTrue(notice.getY() + notice.getHeight() <= navigationTop, "above the navigation bar: " + notice.getY() + "+"
                + notice.getHeight() + " of " + stage.getY() + "+" + stage.getHeight());
        assertTrue(FxNotices.wrapped(sentence).lines().allMatch(l -> l.length() <= FxNotices.LINE)
                && FxNotices.wrapped(sentence).replace('\n', ' ').equals(sentence), "wrapped, nothing lost");
    }

    private java.util.Optional<Window> notice() {
        return Window.getWindows().stream().filter(w -> w != stage && w.getScene() != null && w.isShowing()
                && containsText(w.getScene().getRoot(), "Merging the backup failed")).findFirst();
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
