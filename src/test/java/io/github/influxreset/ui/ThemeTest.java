package io.github.influxreset.ui;

import io.github.influxreset.engine.session.ResetSession;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.influxreset.app.WizardAssembly;
import io.github.influxreset.engine.tasks.SameThreadTaskRunner;
import io.github.influxreset.testing.Screenshots;
import io.github.influxreset.testing.ScriptedDialogs;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The theme follows the system's setting unless the user chose one, and dark really is dark. */
@ExtendWith(ApplicationExtension.class)
class ThemeTest {
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
        stage.show();
        assembly.wizard().openProfile(null);
    }

    @Test
    void aDarkSystemMakesTheWizardDarkUntilTheUserChoosesLight(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        int lightPage = brightness(robot);

        robot.interact(() -> assembly.wizard().theme().systemProperty().set(Theme.DARK));
        int darkPage = brightness(robot);
        boolean darkSheetWhileDark = root.getStylesheets().stream().anyMatch(sheet -> sheet.endsWith("/dark.css"));
        robot.interact(() -> Screenshots.save(stage.getScene(), "11-dark-theme"));
        @SuppressWarnings("unchecked")
        ChoiceBox<Theme.Choice> choice = robot.lookup("#themeChoice").queryAs(ChoiceBox.class);
        robot.interact(() -> choice.setValue(Theme.Choice.LIGHT));

        assertEquals(Theme.LIGHT, assembly.wizard().theme().shownProperty().get());
        assertEquals(true, darkSheetWhileDark);
        assertEquals(java.util.List.of(), root.getStylesheets(), "the dark sheet is removed again");
        assertEquals(true, lightPage > 200 && darkPage < 60, "page brightness light " + lightPage + ", dark " + darkPage);
        assertEquals(lightPage, brightness(robot), "back to light");
    }

    /** The brightness (0-255) of the step page's background, read from a snapshot of the scene. */
    private int brightness(FxRobot robot) {
        int[] value = new int[1];
        robot.interact(() -> {
            var image = stage.getScene().snapshot(null);
            int argb = image.getPixelReader().getArgb((int) image.getWidth() - 20, 12);
            value[0] = ((argb >> 16 & 0xff) + (argb >> 8 & 0xff) + (argb & 0xff)) / 3;
        });
        return value[0];
    }
}
