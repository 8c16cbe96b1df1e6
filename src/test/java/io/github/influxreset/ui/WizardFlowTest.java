package io.github.influxreset.ui;

import io.github.influxreset.engine.session.ResetSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.base.NodeMatchers.isDisabled;
import static org.testfx.matcher.base.NodeMatchers.isEnabled;

import io.github.influxreset.app.WizardAssembly;
import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.StepState;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.engine.tasks.SameThreadTaskRunner;
import io.github.influxreset.testing.Screenshots;
import io.github.influxreset.testing.TestStack;
import io.github.influxreset.testing.WizardDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Clicks through the wizard by id on the in-memory stack, with the same-thread task runner, and
 * writes a PNG of every step to target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class WizardFlowTest {
    @TempDir
    static Path dir;
    private TestStack stack;
    private WizardAssembly assembly;
    private Stage stage;
    private final io.github.influxreset.testing.ScriptedDialogs scripted = new io.github.influxreset.testing.ScriptedDialogs(true);
    private final java.util.List<String> confirmations = scripted.confirmations;
    private final java.util.List<io.github.influxreset.ui.TaskClock.Notice> notices = new java.util.ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        stack = new TestStack(Files.createTempDirectory(dir, "stack"));
        DialogService dialogs = scripted;
        io.github.influxreset.ui.TaskClock everyTaskIsLong = new io.github.influxreset.ui.TaskClock(java.time.Duration.ZERO,
                System::nanoTime);
        everyTaskIsLong.setOnNotice(notices::add);
        assembly = new WizardAssembly(watchingTheResetScreen(stage),
                file -> new ResetSession(file == null ? stack.profile : new io.github.influxreset.config.ProfileLoader(
                        java.util.Map.of(), dir).load(file), stack.ports, stack.runner(), stack.log, Clock.systemUTC()), dialogs, stack.log, stack.finder(dir.resolve("home")), everyTaskIsLong);
        stage.setScene(assembly.scene());
        stage.show();
        assembly.wizard().openProfile(null);
    }

    /** What the reset screen said, and whether Roll back could be pressed, while the reset ran. */
    private final java.util.List<String> whileResetting = new java.util.concurrent.CopyOnWriteArrayList<>();

    private io.github.influxreset.engine.tasks.TaskRunner watchingTheResetScreen(Stage stage) {
        SameThreadTaskRunner runner = new SameThreadTaskRunner();
        return new io.github.influxreset.engine.tasks.TaskRunner() {
            @Override
            public <T> void run(String title, Work<T> work, io.github.influxreset.domain.Progress onProgress,
                                java.util.function.Consumer<T> onSuccess, java.util.function.Consumer<Throwable> onFailure) {
                runner.run(title, progress -> {
                    if (title.equals("Resetting InfluxDB")) {
                        whileResetting.add(((javafx.scene.control.Label) stage.getScene().lookup("#resetStatus")).getText()
                                + " | rollback " + (stage.getScene().lookup("#rollback").isDisabled() ? "disabled" : "enabled"));
                    }
                    return work.call(progress);
                }, onProgress, onSuccess, onFailure);
            }
        };
    }

    private void shoot(FxRobot robot, String name) {
        robot.interact(() -> {
            assembly.logModel().drain();
            Screenshots.save(stage.getScene(), name);
        });
    }

    @Test
    void theBackupBrowserListsVerifiesRestoresOneBucketAndDeletes(FxRobot robot) {
        robot.clickOn("#next");
        robot.clickOn("#createBackup");
        robot.clickOn("#openBackups");
        javafx.scene.control.TableView<?> table = robot.lookup("#backupTable").queryAs(javafx.scene.control.TableView.class);
        assertEquals(1, table.getItems().size());
        assertEquals("reset's backup", table.getColumns().get(1).getCellData(0), "the list says which set this is (issue 30)");

        robot.clickOn(".table-row-cell");
        robot.clickOn("#verifyBackup");
        assertTrue(status(robot).contains("verified"), status(robot));
        assertTrue(stack.events.stream().anyMatch(e -> e.message().matches("Backup set \\S+ verified: every file matches.*")),
                "the verification is in the log too (issue 15, finding 11)");
        Object listedBefore = table.getItems().get(0);
        robot.clickOn("#restoreBucketChoice").clickOn("home_assistant_events");
        robot.clickOn("#newBucketName").write("hae_restored");
        robot.clickOn("#restoreBucket");
        assertTrue(status(robot).contains("restored into hae_restored"), status(robot));
        org.junit.jupiter.api.Assertions.assertNotSame(listedBefore, table.getItems().get(0),
                "the list is read again after a restore (issue 15, finding 11)");
        assertEquals(50L, stack.influx.countPoints("hae_restored").get("home_assistant_events"));
        shoot(robot, "9-backups");
        robot.lookup("#backupTable .column-header .label").queryAllAs(javafx.scene.control.Labeled.class)
                .forEach(header -> assertShownWhole(header));
        robot.lookup("#backupTable .table-row-cell .table-cell").queryAllAs(javafx.scene.control.Labeled.class).stream()
                .filter(cell -> cell.getText() != null && !cell.getText().isEmpty())
                .forEach(cell -> assertShownWhole(cell));

        robot.clickOn("#deleteBackup");
        assertTrue(confirmations.get(0).startsWith("This deletes backup set"), confirmations.toString());
        assertEquals(StepState.DONE, state(1), "the wizard's own run still holds its backup in the journal");
        assertTrue(status(robot).contains("unfinished run"), "the run's backup is protected: " + status(robot));

        robot.clickOn("#closeBackups");
        verifyThat("#createBackup", javafx.scene.Node::isVisible);
    }

    /** A reset another process left half done: backed up, confirmed, data deleted, then killed. */
    private void leaveAnInterruptedRun() {
        var runner = stack.runner();
        var plan = new io.github.influxreset.engine.plan.ResetPlanner(Clock.systemUTC()).plan(stack.profile, stack.ports,
                io.github.influxreset.domain.ResetMode.FULL).plan();
        var run = runner.begin(plan, id -> new io.github.influxreset.engine.run.RunContext(stack.profile, stack.ports, stack.log,
                runner.journal(), id));
        run.confirm("homeiq");
        for (var step : java.util.List.of(io.github.influxreset.domain.Step.PREREQUISITES, io.github.influxreset.domain.Step.BACKUP,
                io.github.influxreset.domain.Step.CONFIRM, io.github.influxreset.domain.Step.RESET)) {
            runner.runStep(run, plan, step, io.github.influxreset.domain.Progress.NONE);
        }
    }

    @Test
    void anInterruptedRunIsOfferedAtStartAndRolledBack(FxRobot robot) {
        long before = stack.pointsInVolume();
        leaveAnInterruptedRun();
        robot.interact(() -> assembly.wizard().openProfile(null));

        verifyThat("#recoveryBanner", javafx.scene.Node::isVisible);
        String offer = robot.lookup("#recoveryText").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(offer.contains("did not finish") && offer.contains("Resume runs the") && offer.contains("Roll back undoes"), offer);
        assertFalse(offer.contains("first: Nothing to undo"), "the offer names the first undo that changes something: " + offer);
        assertTrue(offer.contains("have been stopped for") && offer.endsWith("the home's writers keep nothing."),
                "a question asked while services are down says so, and for how long (issue 30): " + offer);
        verifyThat("#next", isDisabled());
        shoot(robot, "0-recovery");
        robot.clickOn("#rollbackRun");
        String asked = confirmations.get(confirmations.size() - 1);
        assertTrue(asked.contains("have been stopped for") && asked.contains("websocket-ingestion")
                && asked.contains("the home's writers keep nothing"), "the question says what waiting costs: " + asked);

        assertEquals(before, stack.pointsInVolume());
        assertTrue(stack.journal().unfinishedRun().isEmpty());
        verifyThat("#recoveryBanner", n -> !n.isVisible());
    }

    @Test
    void aStaleRunIsOfferedWithWhatChangedAndItsUndoPlanIsShownBeforeTheRollback(FxRobot robot) {
        long before = stack.pointsInVolume();
        leaveAnInterruptedRun();
        var rebuilt = stack.docker.containers().stream().filter(c -> c.service.equals("data-api")).findFirst().orElseThrow();
        stack.docker.removeContainer(rebuilt.id);
        stack.docker.addContainer("homeiq", "data-api", rebuilt.image, rebuilt.volumes, true);
        robot.interact(() -> assembly.wizard().openProfile(null));

        String offer = robot.lookup("#recoveryText").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(offer.contains("The stack has changed since") && offer.contains("data-api") && offer.contains("ago"), offer);
        assertFalse(offer.contains("Resume runs the"), "a stale run is not offered to resume: " + offer);
        verifyThat("#resumeRun", n -> !n.isVisible());
        shoot(robot, "0-stale-recovery");
        robot.clickOn("#rollbackRun");

        String shown = confirmations.get(confirmations.size() - 1);
        assertTrue(shown.contains("STALE") && shown.contains("ok  backup set") && shown.contains("Roll it back anyway"), shown);
        assertEquals(before, stack.pointsInVolume());
        assertTrue(stack.journal().unfinishedRun().isEmpty());
    }

    @Test
    void anInterruptedRunCanBeResumedToTheEnd(FxRobot robot) {
        leaveAnInterruptedRun();
        robot.interact(() -> assembly.wizard().openProfile(null));

        robot.clickOn("#resumeRun");

        assertEquals(RunStatus.SUCCEEDED, stack.journal().runs().get(0).status());
        assertEquals(0, stack.pointsInVolume(), "the reset finished");
        assertEquals(5, assembly.wizard().currentIndexProperty().get());
        stack.profile.services().forEach(s -> assertTrue(stack.docker.running(s.name()).isPresent(), s.name()));
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#backupStatus").queryAs(javafx.scene.control.Label.class).getText();
    }

    private StepState state(int step) {
        return assembly.wizard().steps().get(step).state();
    }

    @Test
    void theChecksProposeTheGentlestModeThatFixesWhatTheyFound(FxRobot robot) {
        assertEquals(ResetMode.REPAIR, assembly.wizard().modeProperty().get(), "only retention differs on this stack");
        verifyThat("#modeRepair", (javafx.scene.control.RadioButton b) -> b.isSelected());
        verifyThat("#modeCost", (javafx.scene.control.Label cost) -> cost.getText().contains("no downtime, no point deleted"));
        var checks = (io.github.influxreset.steps.prerequisites.PrerequisitesViewModel) assembly.wizard().steps().get(0);
        Finding proposal = checks.findings().stream().filter(f -> f.subject().equals("Reset mode"))
                .findFirst().orElseThrow();
        assertTrue(proposal.message().startsWith("repair proposed: a repair fixes everything found, in place: bucket "
                + "home_assistant_events keeps 30d, not 365d"), proposal.message());

        stack.ports.influx().write("home_assistant_events", "home_assistant_events,entity_id=a,stray=x confidence=\"high\" 1\n");
        robot.clickOn("#runChecks");

        assertEquals(ResetMode.ONLINE, assembly.wizard().modeProperty().get(), "a wrong type needs the data rewritten: online, on 2.x");
        verifyThat("#modeCost", (javafx.scene.control.Label cost) -> cost.getText().equals(ResetMode.ONLINE.cost()));
        shoot(robot, "1-prerequisites-modes");
    }

    /** Found in a real window: a profile that did not load left "Opening the profile…" in the footer. */
    @Test
    void aProfileThatDoesNotLoadIsSaidAndLeavesNoTaskLineBehind(FxRobot robot) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: broken\ninflux: [this is not: a map\n");

        robot.interact(() -> assembly.wizard().openProfile(bad));

        assertTrue(assembly.wizard().errorProperty().get().contains("is not valid YAML at line 3"),
                assembly.wizard().errorProperty().get());
        assertEquals("", assembly.wizard().tasks().progressMessageProperty().get());
    }

    /** Issue 30, item 2: an edited profile was not read again by "Run the checks again". */
    @Test
    void runTheChecksAgainReadsTheEditedProfile(FxRobot robot) throws Exception {
        robot.interact(() -> assembly.wizard().openProfile(stack.profile.source().orElseThrow()));
        Path file = stack.profile.source().orElseThrow();
        Files.writeString(file, Files.readString(file).replace("name: home_assistant_events, retention: 365d",
                "name: home_assistant_events, retention: 400d"));

        robot.clickOn("#runChecks");

        assertEquals("400d", assembly.wizard().session().profile().bucket("home_assistant_events").orElseThrow().retention()
                .toString(), "the profile as its file says now");
        assertEquals(StepState.DONE, state(0), assembly.wizard().errorProperty().get());
    }

    @Test
    void aRepairRunsEndToEndWithEveryPointKeptAndNoServiceStopped(FxRobot robot) {
        long before = stack.pointsInVolume();
        assertEquals(ResetMode.REPAIR, assembly.wizard().modeProperty().get());
        new WizardDriver(robot).backUpAndGoToTheConfirmation();
        String prompt = robot.lookup("#confirmPrompt").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(prompt.startsWith("Nothing is deleted and no service stops"), prompt);
        new WizardDriver(robot).confirmAndReset("homeiq");
        robot.clickOn("#next");

        assertTrue(assembly.wizard().finishedProperty().get(), assembly.wizard().errorProperty().get());
        assertEquals(before, stack.pointsInVolume(), "not one point deleted");
        stack.profile.buckets().forEach(b -> assertEquals(b.retention(),
                stack.docker.volume(TestStack.INFLUX_VOLUME).buckets.get(b.name()).retention, b.name()));
        assertTrue(stack.docker.calls().stream().noneMatch(c -> c.startsWith("stop")), stack.docker.calls().toString());
    }

    /** The text a label shows on screen is all of its text: nothing cut to "…" (issue 15, finding 11). */
    private static void assertShownWhole(javafx.scene.control.Labeled labeled) {
        String shown = labeled.lookupAll(".text").stream().filter(n -> n instanceof javafx.scene.text.Text)
                .map(n -> ((javafx.scene.text.Text) n).getText()).findFirst().orElse(labeled.getText());
        assertEquals(labeled.getText(), shown, "cut short on screen");
    }

    private void goThroughReset(FxRobot robot) {
        assertEquals(StepState.DONE, state(0), "the checks ran when the wizard opened");
        verifyThat("#profileName", (javafx.scene.control.Label l) -> l.getText().equals("HomeIQ"));
        shoot(robot, "1-prerequisites");
        verifyThat("#rollback", isDisabled());
        robot.clickOn("#modeFull");
        assertEquals(ResetMode.FULL, assembly.wizard().modeProperty().get(), "the user's choice over the proposal");
        robot.clickOn("#next");
        assertEquals("createBackup", stage.getScene().getFocusOwner().getId(), "the focus goes to what the step is for");
        shoot(robot, "2-backup-before");
        robot.clickOn("#createBackup");
        assertEquals(StepState.DONE, state(1));
        verifyThat("#rollback", isEnabled());
        shoot(robot, "2-backup");
        robot.clickOn("#next");
        assertEquals("confirmText", stage.getScene().getFocusOwner().getId(), "on the confirmation, the field to type in");
        verifyThat("#resetButton", isDisabled());
        robot.clickOn("#confirmText").write("homeiq");
        verifyThat("#resetButton", isEnabled());
        shoot(robot, "3-confirm");
        robot.clickOn("#resetButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(whileResetting.isEmpty(), "the reset ran once confirmed");
        String during = whileResetting.get(whileResetting.size() - 1);
        assertTrue(during.endsWith("| rollback disabled") && !during.contains("at any time") && !during.contains("Roll back undoes")
                && during.contains("the validation and the restart follow by themselves"),
                "while the reset runs the screen promises nothing the disabled button cannot do: " + during);
    }

    @Test
    void theWholeWizardRunsFromTheKeyboard(FxRobot robot) {
        assertEquals(StepState.DONE, state(0));
        robot.type(KeyCode.ENTER);
        assertEquals(1, assembly.wizard().currentIndexProperty().get(), "Enter is Next; focus on " + stage.getScene().getFocusOwner());
        pressOn(robot, "#createBackup");
        assertEquals(StepState.DONE, state(1));
        robot.type(KeyCode.ENTER);
        tabTo(robot, "#confirmText");
        robot.write("homeiq");
        pressOn(robot, "#resetButton");
        assertEquals(StepState.DONE, state(3), assembly.wizard().errorProperty().get());
        assertEquals(StepState.DONE, state(4), "validated without a key pressed");
        assertEquals(StepState.DONE, state(5), "restarted without a key pressed");
        robot.type(KeyCode.ENTER);

        assertTrue(assembly.wizard().finishedProperty().get(), "Enter on the last step is Finish");
        assertTrue(notices.stream().anyMatch(n -> n.title().equals("Writing the backup finished") && n.succeeded()),
                "a notice when a long task ends: " + notices);
    }

    @Test
    void escapeLeavesTheBackupBrowserThenAsksBeforeQuitting(FxRobot robot) {
        pressOn(robot, "#openBackups");
        assertTrue(assembly.wizard().overlays().backupsProperty().get());
        robot.type(KeyCode.ESCAPE);
        assertFalse(assembly.wizard().overlays().backupsProperty().get(), "Esc closes the backup browser");
        assertTrue(confirmations.isEmpty());
        robot.type(KeyCode.ESCAPE);

        assertEquals(java.util.List.of("Quit the wizard: Nothing more will be changed. Quit?"), confirmations);
        assertTrue(assembly.wizard().finishedProperty().get());
    }

    /** Moves the focus with Tab until it is on the node (as a keyboard user would), then presses Space. */
    private void pressOn(FxRobot robot, String id) {
        tabTo(robot, id);
        robot.type(KeyCode.SPACE);
    }

    private void tabTo(FxRobot robot, String id) {
        javafx.scene.Node target = robot.lookup(id).query();
        for (int presses = 0; presses < 40 && !target.isFocused(); presses++) {
            robot.type(KeyCode.TAB);
        }
        assertTrue(target.isFocused(), id + " cannot be reached with Tab; focus is on " + stage.getScene().getFocusOwner());
    }

    @Test
    void clicksThroughAllSixStepsAndFinishes(FxRobot robot) {
        goThroughReset(robot);
        for (int step = 2; step <= 5; step++) {
            assertEquals(StepState.DONE, state(step), "step " + step + ": " + assembly.wizard().errorProperty().get());
        }
        assertEquals(5, assembly.wizard().currentIndexProperty().get(), "the run went on to the restart by itself");
        robot.clickOn("#back");
        shoot(robot, "5-validate");
        robot.clickOn("#back");
        assertTrue(robot.lookup("#resetStatus").queryAs(javafx.scene.control.Label.class).getText()
                .startsWith("All "), "each screen of the run can be looked at afterwards");
        javafx.scene.control.ListView<?> actions = robot.lookup("#resetActions").queryAs(javafx.scene.control.ListView.class);
        assertTrue(!actions.getItems().isEmpty() && actions.getItems().stream().allMatch(a -> a.toString().startsWith("✔ ")),
                "every action marked done: " + actions.getItems());
        shoot(robot, "4-reset");
        robot.clickOn("#next");
        robot.clickOn("#next");
        String report = robot.lookup("#runReport").queryAs(javafx.scene.control.TextArea.class).getText();
        assertTrue(report.lines().anyMatch(l -> l.matches("Outcome\\s+succeeded")) && report.contains("Validate"), report);
        assertFalse(report.contains("|---") || report.contains("**"), "read as text, not as Markdown: " + report);
        assertFalse(report.contains(TestStack.TOKEN), "no secret in the report");
        shoot(robot, "6-restart");
        verifyThat("#rollback", isDisabled());
        assertEquals("Finish", robot.lookup("#next").queryAs(Button.class).getText());
        robot.clickOn("#next");

        assertTrue(assembly.wizard().finishedProperty().get());
        assertEquals(0, stack.pointsInVolume(), "the reset emptied the buckets");
        assertEquals(RunStatus.SUCCEEDED, stack.journal().runs().get(0).status());
    }

    @Test
    void aServiceNotHealthyBeforeTheRunIsSaidSoAtTheEndNotCalledHealthy(FxRobot robot) {
        String why = "http://127.0.0.1:8006/health answered HTTP 200 but its reply says status unhealthy";
        stack.docker.makeUnhealthy("data-api", why);

        goThroughReset(robot);

        assertEquals(StepState.DONE, state(5), assembly.wizard().errorProperty().get());
        String status = robot.lookup("#restartStatus").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(status.contains("not healthy, as before the run: data-api"), status);
        javafx.scene.control.ListView<?> services = robot.lookup("#services").queryAs(javafx.scene.control.ListView.class);
        assertTrue(services.getItems().stream().anyMatch(i -> i.toString().startsWith("⚠ data-api: runs but is not healthy: "
                + why)), "data-api is not called healthy: " + services.getItems());
        assertTrue(services.getItems().stream().anyMatch(i -> i.toString().startsWith("✔ websocket-ingestion: healthy")),
                services.getItems().toString());
    }

    @Test
    void rollbackBeforeTheConfirmationUndoesTheRunAndStartsOver(FxRobot robot) {
        long before = stack.pointsInVolume();
        robot.clickOn("#modeFull");
        new WizardDriver(robot).backUpAndGoToTheConfirmation();
        String hint = robot.lookup("#rollback").queryAs(Button.class).getTooltip().getText();
        assertTrue(hint.startsWith("Undo this run and put the stack back as it was before it"), "says what it achieves: " + hint);

        robot.clickOn("#rollback");

        assertEquals(before, stack.pointsInVolume());
        assertEquals(RunStatus.ROLLED_BACK, stack.journal().runs().get(0).status());
        assertEquals(0, assembly.wizard().currentIndexProperty().get());
        assertEquals("Rolled back: the stack is as it was before the run.", assembly.wizard().tasks().progressMessageProperty().get(),
                "back at the first step with a word of why (issue 15, finding 5)");
        verifyThat("#rollback", isDisabled());
        shoot(robot, "7-rolled-back");
    }

    @Test
    void aFailureShowsOneSentenceAndTheRunIsRolledBack(FxRobot robot) {
        long before = stack.pointsInVolume();
        stack.docker.failNextStartOf("sports-data");
        goThroughReset(robot);

        assertEquals(StepState.FAILED, state(5));
        assertEquals(StepState.PENDING, state(1), "a new run needs a new backup");
        String error = assembly.wizard().errorProperty().get();
        assertTrue(error.contains("sports-data") && error.contains("rolled back"), error);
        assertFalse(error.contains("Exception"), error);
        assertEquals(before, stack.pointsInVolume());
        assertEquals(RunStatus.ROLLED_BACK, stack.journal().runs().get(0).status());
        assertEquals(5, assembly.wizard().currentIndexProperty().get(), "the failed step stays in view");
        verifyThat("#back", isEnabled());
        shoot(robot, "8-failure");
        robot.clickOn("#back");
        assertTrue(robot.lookup("#validationReport").queryAs(javafx.scene.control.TableView.class).getItems().isEmpty(),
                "the rolled-back run's buckets are not listed as OK (issue 30, item 4)");
    }

    /**
     * Issue 30, item 1: from the confirmation to the last service healthy the wizard runs on by itself,
     * so a person who reads a screen for a minute (the journal's clock moved on by 60 s) adds nothing
     * to the downtime. Before, the run waited for Next after the reset with the services stopped.
     */
    @Test
    void theRunGoesOnByItselfSoAPersonWhoWaitsAMinuteAddsNothingToTheDowntime(FxRobot robot) {
        goThroughReset(robot);
        int shownRightAfterTheClick = assembly.wizard().currentIndexProperty().get();
        stack.journalClock.advance(java.time.Duration.ofSeconds(60));
        for (int clicks = 0; clicks < 3 && !assembly.wizard().finishedProperty().get(); clicks++) {
            robot.clickOn("#next");
        }

        assertEquals(5, shownRightAfterTheClick, "the restart was reached without a click");
        assertTrue(assembly.wizard().finishedProperty().get(), assembly.wizard().errorProperty().get());
        var run = stack.journal().runs().get(0);
        var downtime = io.github.influxreset.engine.report.RunTimeline.of(run, stack.journal().actions(run.id())).downtime()
                .orElseThrow();
        assertTrue(downtime.millis() < 60_000, "the minute the person waited is not downtime: " + downtime.millis() + " ms");
    }

    /** Issue 30, item 4: the reset's list marks what was done, what failed, what the rollback undid and what never ran. */
    @Test
    void aFailedResetMarksEachActionAsItEnded(FxRobot robot) {
        stack.docker.failNextStartOf("influxdb");
        goThroughReset(robot);

        assertEquals(StepState.FAILED, state(3));
        java.util.List<String> marked = robot.lookup("#resetActions").queryAs(javafx.scene.control.ListView.class).getItems()
                .stream().map(Object::toString).toList();
        int failed = (int) marked.stream().takeWhile(a -> a.startsWith("↺ ") && a.endsWith(" (undone)")).count();
        assertTrue(failed > 0 && marked.get(failed).startsWith("✖ ") && marked.get(failed).endsWith(" (failed)")
                && marked.subList(failed + 1, marked.size()).stream().allMatch(a -> a.startsWith("○ ")), marked.toString());
        assertTrue(robot.lookup("#resetStatus").queryAs(javafx.scene.control.Label.class).getText()
                .contains("failed; the run was rolled back"));
        shoot(robot, "4-reset-failed");
    }

    /** Issue 30, item 4: a confirmation word that does not enable Reset gets a sentence saying why. */
    @Test
    void aWrongConfirmationWordIsToldWhyResetStaysOff(FxRobot robot) {
        new WizardDriver(robot).backUpAndGoToTheConfirmation();
        verifyThat("#confirmHint", n -> !n.isVisible());
        robot.clickOn("#confirmText").write("HomeIQ");

        verifyThat("#resetButton", isDisabled());
        verifyThat("#confirmHint", (javafx.scene.control.Label l) -> l.isVisible() && l.getText()
                .equals("'HomeIQ' differs from 'homeiq' in upper and lower case: type it exactly as shown."));
        shoot(robot, "3-confirm-wrong-word");
        robot.interact(() -> robot.lookup("#confirmText").queryAs(javafx.scene.control.TextField.class).setText("homeiw"));
        verifyThat("#confirmHint", (javafx.scene.control.Label l) -> l.getText()
                .equals("'homeiw' is not 'homeiq': type the name exactly as shown."));
        robot.interact(() -> robot.lookup("#confirmText").queryAs(javafx.scene.control.TextField.class).setText("homeiq"));
        verifyThat("#confirmHint", n -> !n.isVisible());
        verifyThat("#resetButton", isEnabled());
    }

    /** Issue 30: a run started in a window that showed a failed one starts clean: no old result, error or mark. */
    @Test
    void aSecondRunInTheSameWindowStartsCleanAndGoesOnByItself(FxRobot robot) {
        stack.docker.failNextStartOf("sports-data");
        goThroughReset(robot);
        assertEquals(StepState.FAILED, state(5));
        while (assembly.wizard().currentIndexProperty().get() > 1) {
            robot.clickOn("#back");
        }
        robot.clickOn("#createBackup");

        for (int later = 2; later <= 5; later++) {
            assertEquals(StepState.PENDING, state(later), "step " + later + " shows nothing of the failed run");
        }
        assertEquals("", assembly.wizard().errorProperty().get(), "the old error is gone");
        robot.clickOn("#next");
        new WizardDriver(robot).confirmAndReset("homeiq");

        assertEquals(StepState.DONE, state(5), assembly.wizard().errorProperty().get());
        assertEquals(RunStatus.SUCCEEDED, stack.journal().runs().get(0).status());
    }
}
