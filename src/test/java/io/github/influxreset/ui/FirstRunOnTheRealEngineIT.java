package io.github.influxreset.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.app.MachineStackFinder;
import io.github.influxreset.app.WizardAssembly;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.DockerEngine;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.StepState;
import io.github.influxreset.engine.tasks.SameThreadTaskRunner;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import io.github.influxreset.testing.Screenshots;
import io.github.influxreset.testing.ScriptedDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The first run pointed at the real engine: it finds the test stack (InfluxDB 1.6.7 and four
 * services, labelled as compose labels them) without any profile file, and the profile it saves
 * passes the prerequisite checks.
 */
@ExtendWith({RequiresDocker.class, ApplicationExtension.class})
class FirstRunOnTheRealEngineIT {
    @TempDir
    static Path dir;
    static RigStack rig;
    WizardAssembly assembly;
    Stage stage;

    @BeforeAll
    static void startStack() throws Exception {
        rig = new RigStack(dir.resolve("rig")).start();
        Files.delete(rig.profile.source().orElseThrow());
    }

    @AfterAll
    static void stopStack() {
        rig.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppHome home = new AppHome(dir.resolve("home"));
        ProfileLoader loader = new ProfileLoader(Map.of(), dir);
        AppContext app = new AppContext(home, loader);
        Supplier<DockerEngine> engine = () -> DockerEngine.plain(DockerEngine.LOCAL_SOCKET, "the test rig's engine");
        MachineStackFinder finder = new MachineStackFinder(engine, List::of, MachineStackFinder.onEngine(engine),
                MachineStackFinder.volumesOn(engine),
                spec -> new io.github.influxreset.influx.v1.InfluxV1Adapter(spec), home, loader, dir, app.log());
        assembly = new WizardAssembly(new SameThreadTaskRunner(), app::session, new ScriptedDialogs(false), app.log(), finder);
        stage.setScene(assembly.scene());
        stage.show();
        assembly.wizard().startFirstRun();
    }

    @Test
    void itFindsTheTestStackWithoutAProfileAndItsProfilePassesTheChecks(FxRobot robot) throws Exception {
        var firstRun = assembly.firstRun();
        assertEquals("", firstRun.errorProperty().get());
        assertEquals(rig.project, firstRun.selectedProperty().get().name(), "the project running InfluxDB is proposed");
        assertEquals(1, firstRun.fields().versionProperty().get(), "from the image's version");
        assertEquals(rig.url(), field(robot, "#influxUrl"), "from the bind address on the host network");
        assertEquals("data-api:/app/data/metadata.db, " + rig.dir.resolve("data/webhooks.db"), field(robot, "#sqlitePath"),
                "data-api's database in its named volume first, then sports-data's in its bind mount");
        robot.interact(() -> Screenshots.save(stage.getScene(), "00-first-run-real-engine"));

        robot.clickOn("#saveProfile");

        Path saved = dir.resolve("home/profiles/" + rig.project + ".yaml");
        Profile profile = new ProfileLoader(Map.of(), dir).load(saved);
        assertEquals(List.of(rig.dir.resolve("docker-compose.yml")), profile.stack().configFiles());
        assertEquals(RigStack.SERVICES.stream().sorted().toList(), profile.services().stream().map(s -> s.name()).toList());
        assertEquals(List.of(io.github.influxreset.domain.SqliteSpec.inService("data-api", "/app/data/metadata.db"),
                io.github.influxreset.domain.SqliteSpec.onHost(rig.dir.resolve("data/webhooks.db").toString())), profile.sqlite());
        assertEquals(profile.name(), assembly.wizard().profileNameProperty().get(), "the wizard goes on with it");
        assertEquals(StepState.DONE, assembly.wizard().steps().get(0).state(), assembly.wizard().errorProperty().get()
                + " " + assembly.logModel());
    }

    private static String field(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class).getText();
    }
}
