package io.github.influxreset.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.WizardAssembly;
import io.github.influxreset.docker.KnownHostsFile;
import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.StepState;
import io.github.influxreset.domain.UnknownHostKey;
import io.github.influxreset.engine.session.ResetSession;
import io.github.influxreset.engine.tasks.SameThreadTaskRunner;
import io.github.influxreset.steps.prerequisites.PrerequisitesViewModel;
import io.github.influxreset.testing.ScriptedDialogs;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An ssh:// engine whose machine shows a host key known_hosts lacks: the checks put it to the user
 * with its fingerprint; yes records it (as ssh does) and the checks pass, no changes nothing.
 */
@ExtendWith(ApplicationExtension.class)
class HostKeyQuestionTest {
    @TempDir
    Path dir;
    private TestStack stack;
    private ScriptedDialogs dialogs;
    private WizardAssembly assembly;
    private UnknownHostKey key;

    @Start
    void start(Stage stage) throws Exception {
        stack = new TestStack(Files.createDirectories(dir.resolve("stack")));
        key = new UnknownHostKey("[nas.local]:2222", "ssh://admin@nas.local:2222", "ssh-ed25519 SHA256:q0XkCIKWfrJ3eHTPtYbA",
                "[nas.local]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHostKeyOfTheNas", dir.resolve("home/.ssh/known_hosts"));
        stack.docker.showHostKey(key);
        dialogs = new ScriptedDialogs(true);
        assembly = new WizardAssembly(new SameThreadTaskRunner(), file -> new ResetSession(stack.profile, stack.ports,
                stack.runner(), stack.log, Clock.systemUTC(), new KnownHostsFile()), dialogs, stack.log,
                stack.finder(dir.resolve("home")));
        stage.setScene(assembly.scene());
        stage.show();
    }

    private PrerequisitesViewModel checks() {
        return (PrerequisitesViewModel) assembly.wizard().steps().get(0);
    }

    private Finding engineFinding() {
        return checks().findings().stream().filter(f -> f.subject().equals("Docker engine")).findFirst().orElseThrow();
    }

    @Test
    void trustedTheKeyIsRecordedAsSshRecordsItAndTheChecksPass(FxRobot robot) throws Exception {
        robot.interact(() -> assembly.wizard().openProfile(null));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, dialogs.confirmations.size(), "asked once: " + dialogs.confirmations);
        assertTrue(dialogs.confirmations.get(0).startsWith("Trust this machine's SSH host key?: The machine at "
                + "ssh://admin@nas.local:2222 shows the SSH host key ssh-ed25519 SHA256:q0XkCIKWfrJ3eHTPtYbA"),
                dialogs.confirmations.get(0));
        assertEquals(key.knownHostsLine() + "\n", Files.readString(key.knownHosts()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.knownHosts())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.knownHosts().getParent())));
        assertFalse(engineFinding().severity().isProblem(), engineFinding().toString());
        assertEquals(StepState.DONE, checks().state(), assembly.wizard().errorProperty().get());
    }

    @Test
    void refusedNothingIsWrittenAndTheCheckSaysWhatToDo(FxRobot robot) {
        dialogs.answer(false);
        robot.interact(() -> assembly.wizard().openProfile(null));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, dialogs.confirmations.size(), "asked once: " + dialogs.confirmations);
        assertFalse(Files.exists(key.knownHosts()), "no known_hosts written");
        assertTrue(engineFinding().severity().isProblem());
        assertTrue(engineFinding().message().contains("is not known: it shows ssh-ed25519 SHA256:q0XkCIKWfrJ3eHTPtYbA. "
                + "A key is never accepted without you."), engineFinding().message());
        assertEquals(StepState.FAILED, checks().state());

        robot.interact(() -> checks().runChecks());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, dialogs.confirmations.size(), "asked again when the checks run again");
        assertEquals("Running the checks found problems: see them above.",
                assembly.wizard().tasks().progressMessageProperty().get(), "not 'Done.'");
    }
}
