package io.github.influxreset.ui;

import io.github.influxreset.engine.session.ResetSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.WizardAssembly;
import io.github.influxreset.domain.FieldType;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.ServiceSpec;
import io.github.influxreset.engine.report.BucketChange;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.engine.tasks.SameThreadTaskRunner;
import io.github.influxreset.steps.restart.RestartViewModel;
import io.github.influxreset.testing.Screenshots;
import io.github.influxreset.testing.ScriptedDialogs;
import io.github.influxreset.testing.TestStack;
import io.github.influxreset.testing.WizardDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The wizard's reset that keeps the data, end to end on the in-memory stack: the confirmation
 * shows what carrying the old points will do and offers it ticked; the points end in the new
 * schema, as forecast.
 */
@ExtendWith(ApplicationExtension.class)
class WizardKeepDataTest {
    private static final int RECENT = 300;
    private static final int LATE = 4;

    @TempDir
    Path dir;
    private TestStack stack;
    private WizardAssembly assembly;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        stack = new TestStack(Files.createTempDirectory(dir, "stack"));
        stack.writeDriftedEvents(RECENT, 10, 20);
        assembly = new WizardAssembly(new SameThreadTaskRunner(), file -> new ResetSession(stack.profile, stack.ports,
                stack.runner(), stack.log, Clock.systemUTC()), new ScriptedDialogs(true), stack.log,
                stack.finder(dir.resolve("home")));
        stage.setScene(assembly.scene());
        stage.show();
        assembly.wizard().openProfile(null);
    }

    @Test
    void aFullResetThatKeepsTheDataShowsTheForecastAndCarriesThePoints(FxRobot robot) {
        List<String> servicesShown = recordServiceLines();
        assertEquals(ResetMode.ONLINE, assembly.wizard().modeProperty().get(), "a wrong type on 2.x: the checks propose the online reset");
        robot.clickOn("#modeFull");
        new WizardDriver(robot).backUpAndGoToTheConfirmation();

        String forecast = robot.lookup("#carryForecast").queryAs(TextArea.class).getText();
        assertTrue(forecast.startsWith("home_assistant_events / home_assistant_events: 320 read, 300 carried (300 converted),"
                + " 20 older than 365d skipped; field confidence left out of 10 point(s), e.g. \"n/a\""), forecast);
        assertTrue(robot.lookup("#keepData").queryAs(CheckBox.class).isSelected(), "on, since the backup holds data");
        String downtime = robot.lookup("#downtimeForecast").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(downtime.startsWith("Downtime: 5 service(s) stop (sports-data, data-api, enrichment-pipeline, websocket-ingestion, influxdb)") && downtime.contains("moves InfluxDB's data aside inside its volumes")
                && downtime.contains("an online reset (InfluxDB 2.x) stops nothing.")
                && downtime.contains("The old points are carried into the new buckets after the services are healthy again, "
                + "while they write (not in the downtime; reading them for the forecast took"), downtime);
        robot.clickOn("#keepData");
        assertTrue(!robot.lookup("#downtimeForecast").queryAs(javafx.scene.control.Label.class).getText()
                .contains("The old points are carried"), "not carried, not forecast");
        robot.clickOn("#keepData");
        robot.interact(() -> Screenshots.save(stage.getScene(), "3-confirm-keep-data"));
        new WizardDriver(robot).confirmAndReset("homeiq");
        robot.clickOn("#next");

        assertTrue(assembly.wizard().finishedProperty().get(), assembly.wizard().errorProperty().get());
        assertEquals(Map.of("home_assistant_events", (long) RECENT), stack.influx.countPoints("home_assistant_events"));
        assertEquals(FieldType.FLOAT, stack.influx.fieldKeys("home_assistant_events", "home_assistant_events")
                .get("normalized_value"));
        assertEquals(RunStatus.SUCCEEDED, stack.journal().runs().get(0).status());
        theLastScreenShowsTheRunOnATimeAxisAndTheBucketsBeforeAndAfter(robot);
        theRestartScreenShowedEachServiceStartingThenUpInStartOrder(servicesShown);
    }

    /**
     * The services write between the backup and the stop, as on every live stack: the run still
     * finishes, carrying their points too, and the log says they came on top of the forecast.
     */
    @Test
    void pointsTheServicesWriteAfterTheBackupAreCarriedAndTheRunFinishes(FxRobot robot) {
        stack.writerWritesWhenStarted();
        robot.clickOn("#modeFull");
        new WizardDriver(robot).backUpAndGoToTheConfirmation();
        stack.influx.write("home_assistant_events", TestStack.lateEvents(LATE));
        new WizardDriver(robot).confirmAndReset("homeiq");
        robot.clickOn("#next");

        assertTrue(assembly.wizard().finishedProperty().get(), assembly.wizard().errorProperty().get());
        assertEquals(RECENT + LATE + 1, stack.influx.countPoints("home_assistant_events").get("home_assistant_events"),
                "the carried points, the late ones and the one the writer wrote after the restart");
        assertTrue(stack.events.stream().anyMatch(e -> e.message().contains("the " + RECENT + " forecast plus " + LATE
                + " written by the services before they stopped")), "the log pane says where the extra points came from");
        javafx.scene.control.TableView<?> table = robot.lookup("#beforeAfter").queryAs(javafx.scene.control.TableView.class);
        BucketChange events = table.getItems().stream().map(BucketChange.class::cast)
                .filter(b -> b.bucket().equals("home_assistant_events")).findFirst().orElseThrow();
        assertEquals(java.util.Optional.of((long) RECENT + LATE + 1), events.pointsAfter(), "after: every point carried");
    }

    /** The mode the checks propose on 2.x: no service stops, the old bucket is kept, the points carried. */
    @Test
    void theProposedOnlineResetRunsEndToEndWithoutStoppingAService(FxRobot robot) {
        assertEquals(ResetMode.ONLINE, assembly.wizard().modeProperty().get());
        new WizardDriver(robot).backUpAndGoToTheConfirmation();
        assertTrue(robot.lookup("#keepData").queryAs(CheckBox.class).isSelected());
        assertEquals("Downtime: none. No service stops; a write to a bucket's name is refused only while that bucket is "
                + "switched (milliseconds).", robot.lookup("#downtimeForecast").queryAs(javafx.scene.control.Label.class).getText());
        robot.interact(() -> Screenshots.save(stage.getScene(), "3-confirm-online"));
        stack.influx.write("home_assistant_events", TestStack.lateEvents(LATE));
        new WizardDriver(robot).confirmAndReset("homeiq");
        stack.influx.write("home_assistant_events", "home_assistant_events,entity_id=sensor.after state_value=\"on\" "
                + System.currentTimeMillis() * 1_000_000L + "\n");
        robot.clickOn("#next");

        assertTrue(assembly.wizard().finishedProperty().get(), assembly.wizard().errorProperty().get());
        assertTrue(stack.docker.calls().stream().noneMatch(c -> c.startsWith("stop ")), stack.docker.calls().toString());
        assertEquals(Map.of("home_assistant_events", (long) RECENT + LATE + 1), stack.influx.countPoints("home_assistant_events"),
                "the carried points, the late ones and the one the services wrote after the switch");
        assertTrue(stack.influx.bucketIds().keySet().stream().anyMatch(b -> b.startsWith("home_assistant_events.before-")),
                "the old bucket is kept");
    }

    /** Every line of the Restart screen's service list as it is replaced, from now on. */
    private List<String> recordServiceLines() {
        RestartViewModel restart = assembly.wizard().steps().stream().filter(RestartViewModel.class::isInstance)
                .map(RestartViewModel.class::cast).findFirst().orElseThrow();
        List<String> shown = new ArrayList<>();
        restart.services().addListener((ListChangeListener<String>) change -> {
            while (change.next()) {
                if (change.wasReplaced() && change.getAddedSize() == 1) {
                    shown.add(change.getAddedSubList().get(0));
                }
            }
        });
        return shown;
    }

    /**
     * The restart screen follows the run's service events, not its sentences: each service is shown
     * starting, then up, in the profile's start order, before the run ends.
     */
    private void theRestartScreenShowedEachServiceStartingThenUpInStartOrder(List<String> shown) {
        List<String> expected = new ArrayList<>();
        for (ServiceSpec service : stack.profile.services()) {
            expected.add("… " + service.name() + ": starting, waiting until it is up");
            expected.add(service.health().map(url -> "✔ " + service.name() + ": healthy (" + url + ")")
                    .orElse("✔ " + service.name() + ": running (no health URL in the profile)"));
        }
        assertEquals(expected, shown.subList(0, Math.min(shown.size(), expected.size())),
                "one line replaced per event, in start order: " + shown);
    }

    private void theLastScreenShowsTheRunOnATimeAxisAndTheBucketsBeforeAndAfter(FxRobot robot) {
        TimelineChart timeline = robot.lookup("#timeline").queryAs(TimelineChart.class);
        long ran = stack.journal().actions(stack.journal().runs().get(0).id()).stream().filter(a -> a.started() != null).count();
        assertEquals(ran, timeline.bars().size(), "a bar per action that ran");
        assertTrue(timeline.bars().stream().anyMatch(b -> b.getStyleClass().contains("destructive")), "the deletions marked");
        assertTrue(timeline.bars().stream().allMatch(b -> b.getWidth() >= 2 && b.getX() >= 0
                && b.getX() + b.getWidth() <= timeline.getWidth() + 1), "every bar drawn inside the chart");
        String downtime = robot.lookup("#downtimeText").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(downtime.matches("Downtime \\d+\\.\\d s"), downtime);
        javafx.scene.control.TableView<?> table = robot.lookup("#beforeAfter").queryAs(javafx.scene.control.TableView.class);
        BucketChange events = table.getItems().stream().map(BucketChange.class::cast)
                .filter(b -> b.bucket().equals("home_assistant_events")).findFirst().orElseThrow();
        assertEquals(java.util.Optional.of((long) RECENT), events.pointsAfter(), "after: what was carried");
        assertTrue(events.pointsBefore().orElseThrow() > RECENT, "before: every point, the old ones too");
        assertEquals("30d", events.retentionBefore());
        assertEquals("365d", events.retentionAfter());
        robot.interact(() -> Screenshots.save(stage.getScene(), "6-restart-timeline"));
    }
}
