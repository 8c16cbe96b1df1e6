package io.github.influxreset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.UnknownHostKey;
import io.github.influxreset.testing.StackCli;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --trust-host-key}: the key is trusted only when the machine shows the fingerprint the user gave. */
class TrustHostKeyCliTest {
    @TempDir
    Path dir;
    TestStack stack;
    UnknownHostKey key;
    StackCli cli;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
        cli = new StackCli(stack);
        key = new UnknownHostKey("nas.local", "ssh://admin@nas.local", "ssh-ed25519 SHA256:q0XkCIKWfrJ3eHTPtYbA",
                "nas.local ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHostKeyOfTheNas", dir.resolve("home/.ssh/known_hosts"));
        stack.docker.showHostKey(key);
    }

    @Test
    void anUnknownKeyFailsTheCheckNamingItsFingerprintAndTheOption() {
        assertEquals(1, cli.run("check"));
        assertTrue(cli.out().contains("is not known: it shows ssh-ed25519 SHA256:q0XkCIKWfrJ3eHTPtYbA")
                && cli.out().contains("influx-reset check --trust-host-key SHA256:q0XkCIKWfrJ3eHTPtYbA"), cli.out());
        assertFalse(Files.exists(key.knownHosts()));
    }

    @Test
    void theFingerprintTheMachineShowsIsTrustedAndTheChecksPass() throws Exception {
        assertEquals(0, cli.run("check", "--trust-host-key", "SHA256:q0XkCIKWfrJ3eHTPtYbA"), cli.out() + cli.err());

        assertTrue(cli.out().contains("SSH host key ssh-ed25519 SHA256:q0XkCIKWfrJ3eHTPtYbA of nas.local added to "
                + key.knownHosts()), cli.out());
        assertTrue(cli.out().contains("All checks passed."), cli.out());
        assertEquals(key.knownHostsLine() + "\n", Files.readString(key.knownHosts()));
        assertEquals(0, cli.run("check"), "known from now on: " + cli.out());
    }

    @Test
    void aKeyGivenWhenNoneIsUnknownTrustsNothing() {
        stack.docker.showHostKey(null);

        assertEquals(0, cli.run("check", "--trust-host-key", "SHA256:q0XkCIKWfrJ3eHTPtYbA"), cli.err());

        assertTrue(cli.out().contains("No SSH host key to trust") && cli.out().contains("All checks passed."), cli.out());
        assertFalse(Files.exists(key.knownHosts()));
    }

    @Test
    void anotherFingerprintIsRefusedAndNothingIsTrusted() {
        assertEquals(2, cli.run("check", "--trust-host-key", "SHA256:someOtherKey"));

        assertTrue(cli.err().contains("shows the SSH host key ssh-ed25519 SHA256:q0XkCIKWfrJ3eHTPtYbA, not SHA256:someOtherKey: "
                + "nothing was trusted."), cli.err());
        assertFalse(Files.exists(key.knownHosts()));
    }
}
