package io.github.influxreset.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 30, item 3: a question as long as a rollback's undo plan fits inside the window (it was 1,253 px
 * tall on a 900 px screen, its buttons off screen), and No is the default, so Enter undoes nothing.
 */
@ExtendWith(ApplicationExtension.class)
class ConfirmDialogTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 1100, 760));
        stage.show();
    }

    @Test
    void aLongQuestionFitsTheWindowAndEnterAnswersNo(FxRobot robot) throws Exception {
        String undoPlan = IntStream.rangeClosed(1, 60).mapToObj(i -> "  ok  undo " + i + ": put bucket home_assistant_events"
                + " back as it was before the run, from backup set 20261207_101500 (every point counted)")
                .collect(Collectors.joining("\n"));
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(new FxDialogService(stage).confirm("Roll back run 7", undoPlan)));

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> dialog() != null && dialog().isShowing() && dialog().getHeight() > 0);
        Window shown = dialog();
        DialogPane pane = (DialogPane) shown.getScene().getRoot();
        assertTrue(shown.getHeight() <= stage.getHeight() && shown.getWidth() <= stage.getWidth(),
                "the dialog fits the window: " + shown.getWidth() + " x " + shown.getHeight());
        assertTrue(((Button) pane.lookupButton(ButtonType.NO)).isDefaultButton(), "No is the default");
        assertFalse(((Button) pane.lookupButton(ButtonType.YES)).isDefaultButton());
        robot.type(KeyCode.ENTER);

        assertFalse(answer.get(5, TimeUnit.SECONDS), "Enter answered No");
    }

    /** A question of one long sentence (the SSH host key's) is shown whole, not in two rows to scroll. */
    @Test
    void aLongSentenceIsShownWholeWithoutScrolling(FxRobot robot) throws Exception {
        String question = "The machine at ssh://root@127.0.0.1:2222 shows the SSH host key ssh-ed25519 "
                + "SHA256:I2hhgxD+TYJLhPuhYmBYheJ6dGAzXwmV61ZF5q6isHM, which /home/pi/.ssh/known_hosts does not hold. Trust "
                + "it only if it is the key that machine prints for 'ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub' (or "
                + "the key file of its type).";
        Platform.runLater(() -> new FxDialogService(stage).confirm("Trust this machine's SSH host key?", question));

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> dialog() != null && dialog().isShowing() && dialog().getHeight() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        Node text = dialog().getScene().getRoot().lookup("#dialogMessage");
        boolean scrolls = text.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                .anyMatch(bar -> bar.getOrientation() == Orientation.VERTICAL && bar.isVisible());
        assertFalse(scrolls, "the whole question is shown");
        robot.type(KeyCode.ESCAPE);
    }

    /** Issue 30, item 3: an error's "Details…" opened a 2,902 px wide one-line window. */
    @Test
    void theDetailsOfAnErrorFitTheWindow(FxRobot robot) throws Exception {
        String sentence = "The rollback of run 20261207-101500-abcd could not put bucket sports_data back as it was before "
                + "the merge (Backup set 20261207_101500 holds no bucket sports_data.). Fix the cause, then run 'rollback "
                + "20261207-101500-abcd' again.";
        robot.interact(() -> new FxDialogService(stage).showError(sentence, new IllegalStateException(sentence)));

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> dialog() != null && dialog().isShowing() && dialog().getWidth() > 0);
        Window shown = dialog();
        assertTrue(shown.getWidth() <= stage.getWidth() && shown.getHeight() <= stage.getHeight(),
                "the dialog fits the window: " + shown.getWidth() + " x " + shown.getHeight());
        robot.interact(() -> ((javafx.stage.Stage) shown).close());
    }

    private Window dialog() {
        return Window.getWindows().stream().filter(w -> w != stage && w.getScene() != null
                && w.getScene().getRoot() instanceof DialogPane).findFirst().orElse(null);
    }
}
