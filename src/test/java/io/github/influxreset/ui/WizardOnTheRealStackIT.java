package io.github.influxreset.ui;

import static io.github.influxreset.testing.DockerRig.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.app.WizardAssembly;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.StepState;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.engine.tasks.SameThreadTaskRunner;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import io.github.influxreset.testing.Screenshots;
import io.github.influxreset.testing.WizardDriver;
import java.nio.file.Path;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A person's reset through the wizard, clicked by id, on the real Docker stack; the subclasses say
 * which InfluxDB (1.6.7, or 2.7.12 with its image's own first setup).
 */
@ExtendWith({RequiresDocker.class, ApplicationExtension.class})
abstract class WizardOnTheRealStackIT {
    @TempDir
    static Path dir;
    static RigStack rig;
    static AppContext app;
    WizardAssembly assembly;
    Stage stage;

    static void startStack(RigStack stack) throws Exception {
        rig = stack.start();
        app = new AppContext(new AppHome(dir.resolve("home")), new ProfileLoader(Map.of(), dir));
    }

    /** Where the screenshot of the last step goes. */
    abstract String screenshotName();

    @AfterAll
    static void stopStack() {
        rig.close();
    }

    /** Builds and shows the wizard; the subclasses' {@code @Start} calls it (TestFX finds only declared ones). */
    void open(Stage stage) {
        this.stage = stage;
        DialogService dialogs = new io.github.influxreset.testing.ScriptedDialogs(false);
        assembly = new WizardAssembly(new SameThreadTaskRunner(), app::session, dialogs, app.log(), app.stackFinder());
        stage.setScene(assembly.scene());
        stage.show();
        assembly.wizard().openProfile(rig.profile.source().orElseThrow());
    }

    @Test
    void aFullResetThroughTheWizardLeavesTheStackHealthy(FxRobot robot) {
        assertEquals(StepState.DONE, assembly.wizard().steps().get(0).state(), assembly.wizard().errorProperty().get());
        new WizardDriver(robot).backUpAndGoToTheConfirmation();
        robot.clickOn("#confirmText").write(rig.profile.confirmationWord());
        robot.clickOn("#resetButton");
        assertEquals(StepState.DONE, assembly.wizard().steps().get(3).state(), assembly.wizard().errorProperty().get());
        assertEquals(StepState.DONE, assembly.wizard().steps().get(4).state(), assembly.wizard().errorProperty().get());
        assertEquals(StepState.DONE, assembly.wizard().steps().get(5).state(), assembly.wizard().errorProperty().get());
        robot.interact(() -> {
            assembly.logModel().drain();
            Screenshots.save(stage.getScene(), screenshotName());
        });

        var influx = app.ports(rig.profile).influx();
        assertEquals("365d", influx.buckets().stream().filter(b -> b.name().equals("home_assistant_events")).findFirst()
                .orElseThrow().retention().format());
        for (String service : RigStack.SERVICES) {
            assertEquals("true", docker("inspect", "--format", "{{.State.Running}}", rig.containerName(service)), service);
        }
        assertEquals(RunStatus.SUCCEEDED, app.journal(rig.profile).runs().get(0).status());
        assertTrue(app.journal(rig.profile).unfinishedRun().isEmpty());
    }
}
