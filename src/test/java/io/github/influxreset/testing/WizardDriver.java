package io.github.influxreset.testing;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Clicks through the wizard by the ids a user's clicks land on, so that a test says what the user
 * does ("back up, confirm, reset") and not which buttons in which order.
 */
public final class WizardDriver {
    private final FxRobot robot;

    public WizardDriver(FxRobot robot) {
        this.robot = robot;
    }

    /** On the first step: chooses a mode by its button's id ({@code modeFull}, {@code modeBuckets}, …). */
    public WizardDriver mode(String buttonId) {
        robot.clickOn("#" + buttonId);
        return this;
    }

    /** From the first step: goes to the backup, writes and verifies it, and goes on to the confirmation. */
    public WizardDriver backUpAndGoToTheConfirmation() {
        robot.clickOn("#next");
        robot.clickOn("#createBackup");
        robot.clickOn("#next");
        return this;
    }

    /** On the confirmation: types the word and presses Reset; the run goes on to the restart by itself. */
    public WizardDriver confirmAndReset(String word) {
        robot.clickOn("#confirmText").write(word);
        robot.clickOn("#resetButton");
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** On the last step: Finish. */
    public void finish() {
        robot.clickOn("#next");
    }
}
