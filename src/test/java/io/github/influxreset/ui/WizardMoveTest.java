package io.github.influxreset.ui;

import io.github.influxreset.engine.session.ResetSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.WizardAssembly;
import io.github.influxreset.domain.FieldType;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.engine.tasks.SameThreadTaskRunner;
import io.github.influxreset.testing.MovingStack;
import io.github.influxreset.testing.Screenshots;
import io.github.influxreset.testing.ScriptedDialogs;
import io.github.influxreset.testing.WizardDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The wizard on a 1.x stack whose profile names a 2.x server: the move is offered and proposed,
 * the confirmation says nothing on 1.x changes and shows the carrying as chosen, and the points end
 * on the 2.x server in the profile's schema with each service's settings to change in the report.
 */
@ExtendWith(ApplicationExtension.class)
class WizardMoveTest {
    private static final int RECENT = 200;

    @TempDir
    Path dir;
    private MovingStack moving;
    private WizardAssembly assembly;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        moving = new MovingStack(Files.createTempDirectory(dir, "stack"));
        moving.stack.writeDriftedEvents(RECENT, 0, 0);
        assembly = new WizardAssembly(new SameThreadTaskRunner(), file -> new ResetSession(moving.stack.profile,
                moving.ports, moving.stack.runner(), moving.stack.log, Clock.systemUTC()),
                new ScriptedDialogs(true), moving.stack.log, moving.stack.finder(dir.resolve("home")));
        stage.setScene(assembly.scene());
        stage.show();
        assembly.wizard().openProfile(null);
    }

    @Test
    void theMoveIsProposedConfirmedAndCarriesThePointsToThe2xServer(FxRobot robot) {
        assertEquals(ResetMode.MOVE, assembly.wizard().modeProperty().get(), "the profile names a 2.x server");
        assertTrue(robot.lookup("#modeMove").queryAs(RadioButton.class).isVisible());
        robot.interact(() -> Screenshots.save(stage.getScene(), "1-prerequisites-move"));
        new WizardDriver(robot).backUpAndGoToTheConfirmation();

        CheckBox keepData = robot.lookup("#keepData").queryAs(CheckBox.class);
        assertTrue(keepData.isSelected() && keepData.isDisabled(), "a move carries the points: shown as chosen");
        String consequence = robot.lookup("#confirmPrompt").queryAs(Label.class).getText();
        assertTrue(consequence.startsWith("Nothing on the 1.x server is changed")
                && consequence.endsWith("Type 'home_assistant_events' to enable Move."), consequence);
        assertEquals("Move", robot.lookup("#resetButton").queryAs(javafx.scene.control.Button.class).getText());
        robot.interact(() -> Screenshots.save(stage.getScene(), "3-confirm-move"));
        new WizardDriver(robot).confirmAndReset("home_assistant_events");
        robot.clickOn("#next");

        assertTrue(assembly.wizard().finishedProperty().get(), assembly.wizard().errorProperty().get());
        assertEquals(Map.of("home_assistant_events", (long) RECENT), moving.target.countPoints("home_assistant_events"));
        assertEquals(FieldType.FLOAT, moving.target.fieldKeys("home_assistant_events", "home_assistant_events")
                .get("normalized_value"));
        assertFalse(moving.stack.influx.countPoints("home_assistant_events").isEmpty(), "the 1.x data stays");
        assertEquals(RunStatus.SUCCEEDED, moving.stack.journal().runs().get(0).status());
        String status = robot.lookup("#restartStatus").queryAs(Label.class).getText();
        assertTrue(status.startsWith("The move is complete") && status.contains("still uses InfluxDB 1.x"), status);
        String report = robot.lookup("#runReport").queryAs(javafx.scene.control.TextInputControl.class).getText();
        assertTrue(report.contains("Service data-api") && report.contains("INFLUXDB_ORG=homeiq"), report);
        robot.interact(() -> Screenshots.save(stage.getScene(), "6-restart-move"));
    }
}
