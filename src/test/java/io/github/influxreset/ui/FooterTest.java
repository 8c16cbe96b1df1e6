package io.github.influxreset.ui;

import io.github.influxreset.engine.session.ResetSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.WizardAssembly;
import io.github.influxreset.engine.tasks.SameThreadTaskRunner;
import io.github.influxreset.testing.ScriptedDialogs;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A long task line gives way in the footer; the buttons keep their words (issue 15, finding 2). */
@ExtendWith(ApplicationExtension.class)
class FooterTest {
    @TempDir
    Path dir;
    private WizardAssembly assembly;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        TestStack stack = new TestStack(Files.createDirectories(dir.resolve("stack")));
        assembly = new WizardAssembly(new SameThreadTaskRunner(), file -> new ResetSession(stack.profile, stack.ports,
                stack.runner(), stack.log, Clock.systemUTC()), new ScriptedDialogs(true), stack.log,
                stack.finder(dir.resolve("home")));
        stage.setScene(assembly.scene());
        stage.setWidth(900);
        stage.show();
        assembly.wizard().openProfile(null);
    }

    /** Issue 30, item 4: the task line was cut ("about 6 s l…"); it wraps and is shown whole. */
    @Test
    void aLongTaskLineIsShownWhole(FxRobot robot) {
        String line = "Carrying bucket home_assistant_events: 52096 (the 51881 counted before and 215 written since) points, "
                + "41250 points/s, about 6 s left";
        robot.interact(() -> assembly.wizard().tasks().say(line));
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.control.Label label = robot.lookup("#progressMessage").queryAs(javafx.scene.control.Label.class);
        String shown = label.lookupAll(".text").stream().filter(n -> n instanceof javafx.scene.text.Text)
                .map(n -> ((javafx.scene.text.Text) n).getText().replace('\n', ' ')).findFirst().orElse("");
        assertEquals(line.replaceAll("\\s+", " "), shown.replaceAll("\\s+", " ").strip(), "not cut to …");
    }

    @Test
    void aLongTaskLineNeverCutsAButtonsWord(FxRobot robot) {
        robot.interact(() -> assembly.wizard().tasks().say("Snapshot of volume homeiq_influxdb_data: "
                + "812.4 MiB of 1.2 GiB at 143.2 MiB/s, about 3 s left; ".repeat(4)));
        WaitForAsyncUtils.waitForFxEvents();

        for (String id : List.of("#rollback", "#openBackups", "#cancel", "#back", "#next")) {
            Button button = robot.lookup(id).queryAs(Button.class);
            assertTrue(button.getWidth() >= button.prefWidth(-1) - 0.5, id + " is " + button.getWidth() + " px wide, its words need "
                    + button.prefWidth(-1));
        }
    }
}
