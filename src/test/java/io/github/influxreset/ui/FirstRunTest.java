package io.github.influxreset.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.WizardAssembly;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.engine.tasks.SameThreadTaskRunner;
import io.github.influxreset.testing.Screenshots;
import io.github.influxreset.testing.ScriptedDialogs;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The first run on the in-memory engine: with no profile chosen it lists the compose projects,
 * proposes the one running InfluxDB, fills the form from its .env, and saves a profile the
 * wizard then opens; without touching a container.
 */
@ExtendWith(ApplicationExtension.class)
class FirstRunTest {
    @TempDir
    Path dir;
    private TestStack stack;
    private WizardAssembly assembly;
    private Stage stage;
    private final List<Path> opened = new ArrayList<>();
    private final ScriptedDialogs dialogs = new ScriptedDialogs(true);

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        stack = new TestStack(Files.createDirectories(dir.resolve("stack")));
        stack.labelAsCompose();
        assembly = new WizardAssembly(new SameThreadTaskRunner(), file -> {
            opened.add(file);
            return new io.github.influxreset.engine.session.ResetSession(stack.profile, stack.ports, stack.runner(),
                    stack.log, Clock.systemUTC());
        }, dialogs, stack.log, stack.finder(dir.resolve("home")));
        stage.setScene(assembly.scene());
        stage.show();
        assembly.wizard().startFirstRun();
    }

    @Test
    void itProposesTheStackRunningInfluxDbAndSavesWhatTheUserConfirmed(FxRobot robot) throws Exception {
        ListView<?> projects = robot.lookup("#composeProjects").queryAs(ListView.class);
        assertEquals(2, projects.getItems().size(), "both projects of the engine are listed");
        assertEquals(projects, stage.getScene().getFocusOwner(), "the keyboard starts on the project list");
        assertEquals("Docker engine: " + TestStack.ENGINE + " (DOCKER_HOST).\nOther engines docker knows: nas (tcp://127.0.0.1:2377). "
                + "To use one, start the wizard with DOCKER_CONTEXT=NAME, or set docker.context in the profile.",
                text(robot, "#firstRunEngine"), "which engine, why, and the others (issue 28)");
        assertTrue(assembly.firstRun().statusProperty().get().contains("homeiq runs InfluxDB"), text(robot, "#firstRunStatus"));
        assertEquals("http://127.0.0.1:8086", field(robot, "#influxUrl"), "the .env's http://influxdb:8086, from this host");
        assertEquals("homeiq", field(robot, "#influxOrg"));
        assertEquals(TestStack.TOKEN, field(robot, "#influxToken"));
        assertEquals(stack.dir.resolve("srv/data/metadata.db").toString(), field(robot, "#sqlitePath"));
        assertTrue(text(robot, "#firstRunSummary").contains("websocket-ingestion"), text(robot, "#firstRunSummary"));
        String schema = robot.lookup("#liveSchema").queryAs(javafx.scene.control.TextArea.class).getText();
        assertTrue(schema.startsWith("Read 2 measurement(s) from the live data"), schema);
        assertTrue(schema.contains("live data : tags [domain, entity_id], fields {normalized_value: float, state_value: string}"),
                schema);
        assertTrue(schema.contains("only in the brief (never written): area, area_id, confidence"), "beside the brief's: " + schema);
        assertTrue(schema.contains("weather (bucket weather_data):\n  live data : tags [station], fields {temp: float}\n"
                + "  brief     : does not declare this measurement"), schema);
        assertTrue(robot.lookup("#useLiveSchema").queryAs(javafx.scene.control.CheckBox.class).isSelected());
        assertTrue(stack.events.stream().anyMatch(e -> e.message().contains("2 compose project(s) on the Docker engine")),
                "the log pane tells what was found");
        robot.interact(() -> Screenshots.save(stage.getScene(), "00-first-run"));
        List<String> engineCallsBefore = stack.docker.calls();

        replaceText(robot, "#backupsDir", dir.resolve("b").toString());
        robot.clickOn("#saveProfile");

        Path saved = dir.resolve("home/profiles/homeiq.yaml");
        assertEquals(List.of(saved), opened, "the wizard opens the saved profile");
        assertFalse(assembly.wizard().overlays().firstRunProperty().get());
        assertFalse(Files.readString(saved).contains(TestStack.TOKEN), "the token stays in the .env file");
        Profile profile = new ProfileLoader(Map.of(), dir).load(saved);
        assertEquals(TestStack.TOKEN, profile.influx().token().revealAsString());
        assertEquals(dir.resolve("b"), profile.backups().dir(), "the user's edit is saved");
        assertEquals(List.of("home_assistant_events", "weather"), profile.schema().stream().map(m -> m.measurement()).toList(),
                "the live schema, not the brief's");
        assertEquals(java.util.Set.of("normalized_value", "state_value"), profile.schema().get(0).fields().keySet());
        assertEquals(List.of("data-api", "enrichment-pipeline", "sports-data", "websocket-ingestion"),
                profile.services().stream().map(s -> s.name()).toList());
        assertEquals(engineCallsBefore, stack.docker.calls().subList(0, engineCallsBefore.size()));
        assertTrue(stack.docker.calls().stream().noneMatch(c -> c.startsWith("stop") || c.startsWith("remove")),
                "the first run changes nothing on the stack: " + stack.docker.calls());
    }

    @Test
    void untickedTheBriefsSchemaIsSaved(FxRobot robot) throws Exception {
        fire(robot, "#useLiveSchema");
        robot.clickOn("#saveProfile");

        Profile profile = new ProfileLoader(Map.of(), dir).load(dir.resolve("home/profiles/homeiq.yaml"));
        assertEquals(new ProfileLoader(Map.of(), dir).loadEmbedded().schema(), profile.schema());
    }

    @Test
    void aLiveSchemaThatCannotBeReadIsSaidAndTheBriefsIsKept(FxRobot robot) {
        stack.docker.stop(stack.docker.running("influxdb").orElseThrow().id, java.time.Duration.ZERO);
        fire(robot, "#readLiveSchema");

        String schema = robot.lookup("#liveSchema").queryAs(javafx.scene.control.TextArea.class).getText();
        assertTrue(schema.startsWith("The live schema could not be read (InfluxDB does not answer at http://fake:8086."), schema);
        assertTrue(schema.endsWith("): the brief's HomeIQ schema is proposed."), schema);
        assertFalse(robot.lookup("#useLiveSchema").queryAs(javafx.scene.control.CheckBox.class).isSelected());
        assertTrue(robot.lookup("#useLiveSchema").queryAs(javafx.scene.control.CheckBox.class).isDisabled());
    }

    @Test
    void aMissingTokenIsNamedAndNothingIsSaved(FxRobot robot) {
        replaceText(robot, "#influxToken", "");
        robot.clickOn("#saveProfile");

        assertTrue(text(robot, "#firstRunError").contains("The InfluxDB token is empty."), text(robot, "#firstRunError"));
        assertTrue(opened.isEmpty());
        assertFalse(Files.exists(dir.resolve("home/profiles")));
        assertTrue(assembly.wizard().overlays().firstRunProperty().get());
    }

    @Test
    void anEmptyBackupsFolderIsNamedAndNothingIsSaved(FxRobot robot) {
        replaceText(robot, "#backupsDir", "");
        robot.clickOn("#saveProfile");

        assertEquals("Backups folder is empty: type a path.", text(robot, "#firstRunError"));
        assertTrue(opened.isEmpty());
        assertFalse(Files.exists(dir.resolve("home/profiles")));
    }

    @Test
    void theHomeIqDefaultsCanBeChosenInstead(FxRobot robot) {
        robot.clickOn("#skipFirstRun");

        assertEquals(java.util.Arrays.asList((Path) null), opened, "the embedded profile");
        assertFalse(Files.exists(dir.resolve("home/profiles")));
    }

    @Test
    void findMyStackWithAProfileOpenSaysSoAndGuessesAfreshOverWhatWasTyped(FxRobot robot) {
        assertTrue(text(robot, "#firstRunIntro").startsWith("No profile was chosen."), text(robot, "#firstRunIntro"));
        replaceText(robot, "#influxOrg", "a-wrong-org");
        robot.interact(() -> assembly.wizard().profileNameProperty().set("homeiq"));

        robot.interact(() -> assembly.firstRun().scan());

        assertTrue(text(robot, "#firstRunIntro").startsWith("Profile homeiq is open; this is the stack guessed afresh."),
                text(robot, "#firstRunIntro"));
        assertEquals("homeiq", field(robot, "#influxOrg"), "guessed again, not the wrong org typed before");
    }

    /** Issue 30, item 5: at the default size the form sat in nested scroll areas (the project list scrolled away with it). */
    @Test
    void theProjectListIsNotInsideTheFormsScrollArea(FxRobot robot) {
        javafx.scene.Node list = robot.lookup("#composeProjects").query();
        for (javafx.scene.Parent up = list.getParent(); up != null; up = up.getParent()) {
            assertFalse(up instanceof javafx.scene.control.ScrollPane, "the project list sits in a scroll area: " + up);
        }
        javafx.scene.Node form = robot.lookup("#influxUrl").query();
        boolean scrolls = false;
        for (javafx.scene.Parent up = form.getParent(); up != null; up = up.getParent()) {
            scrolls |= up instanceof javafx.scene.control.ScrollPane;
        }
        assertTrue(scrolls, "the guessed fields still scroll in a small window");
    }

    /** Issue 30, item 5: the README said every field can be changed, but the services to restart could not be. */
    @Test
    void theServicesToStopAndRestartCanBeEditedAndAnUnknownOneIsNamed(FxRobot robot) throws Exception {
        replaceText(robot, "#servicesToRestart", "data-api, nope");
        fire(robot, "#saveProfile");

        assertTrue(text(robot, "#firstRunError").startsWith("Service 'nope' is not one of the project's: type names from "),
                text(robot, "#firstRunError"));
        assertTrue(opened.isEmpty(), "nothing saved");
        replaceText(robot, "#servicesToRestart", "data-api");
        fire(robot, "#saveProfile");

        Profile saved = new ProfileLoader(Map.of(), dir).load(opened.get(0));
        assertEquals(List.of("data-api"), saved.services().stream().map(s -> s.name()).toList());
    }

    /** Issue 30, item 2: saving accepted an address that does not answer; now it is said, and kept only when pressed again. */
    @Test
    void aUrlWhereInfluxDbDoesNotAnswerIsSaidAndSavedOnlyWhenSaveIsPressedAgain(FxRobot robot) {
        stack.docker.stop(stack.docker.running("influxdb").orElseThrow().id, java.time.Duration.ZERO);
        fire(robot, "#saveProfile");

        assertTrue(text(robot, "#firstRunError").startsWith("InfluxDB does not answer at http://127.0.0.1:8086")
                && text(robot, "#firstRunError").endsWith("Correct the URL, or press Save again to keep it as it is."),
                text(robot, "#firstRunError"));
        assertTrue(opened.isEmpty(), "nothing saved yet");
        assertFalse(Files.exists(dir.resolve("home/profiles/homeiq.yaml")));
        fire(robot, "#saveProfile");

        assertEquals(List.of(dir.resolve("home/profiles/homeiq.yaml")), opened, "kept as the user insisted");
    }

    /** Issue 30, item 2: "Find my stack…" replaced the working profile without asking. */
    @Test
    void aProfileAlreadyThereIsReplacedOnlyWhenTheUserSaysSo(FxRobot robot) throws Exception {
        Path existing = dir.resolve("home/profiles/homeiq.yaml");
        Files.createDirectories(existing.getParent());
        Files.writeString(existing, "# the user's working profile\n");
        dialogs.answer(false);
        fire(robot, "#saveProfile");

        assertEquals("Replace the profile: There is a profile at " + existing + " already. Replace it with the one guessed now?",
                dialogs.confirmations.get(dialogs.confirmations.size() - 1));
        assertEquals("# the user's working profile\n", Files.readString(existing), "kept as it was");
        assertTrue(opened.isEmpty());
        dialogs.answer(true);
        fire(robot, "#saveProfile");

        assertEquals(List.of(existing), opened);
        assertTrue(Files.readString(existing).contains("composeProject: homeiq"), "replaced, as the user said");
    }

    /**
     * Types into a field as a keyboard user would after reaching it and selecting its text: the field
     * may lie below the scroll pane's fold (the window the tests share may be smaller than the default).
     */
    private static void replaceText(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> {
            field.requestFocus();
            field.selectAll();
        });
        robot.type(javafx.scene.input.KeyCode.BACK_SPACE);
        robot.write(text);
    }

    /** Presses a control that may lie below the scroll pane's fold, as the keyboard would. */
    private static void fire(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryAs(javafx.scene.control.ButtonBase.class).fire());
    }

    private static String field(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class).getText();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryLabeled().getText();
    }
}
