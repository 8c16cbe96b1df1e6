package io.github.influxreset.docker;

import static io.github.influxreset.testing.DockerRig.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.config.EngineChooser;
import io.github.influxreset.domain.ComposeProject;
import io.github.influxreset.domain.DockerEngine;
import io.github.influxreset.domain.HostKeyNotKnown;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.testing.DockerRig;
import io.github.influxreset.testing.Required;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.SshServer;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rig's engine reached as {@code ssh://root@127.0.0.1:PORT} through Debian's OpenSSH server
 * (issue 28): the product lists, copies and snapshots through the SSH link, never through this
 * machine's folders; the host key is checked and never accepted silently.
 */
@ExtendWith(RequiresDocker.class)
class EngineOverSshIT {
    @TempDir
    static Path dir;
    static SshServer ssh;

    @BeforeAll
    static void startSsh() throws Exception {
        SshServer.unavailableReason().ifPresent(reason -> Required.missing("EngineOverSshIT", reason));
        ssh = SshServer.start(dir.resolve("ssh"));
    }

    @AfterAll
    static void stopSsh() throws Exception {
        if (ssh != null) {
            ssh.close();
        }
    }

    private static DockerEngine overSsh() {
        return new EngineChooser(Map.of("DOCKER_HOST", ssh.engine()), ssh.home).choose(Optional.empty(), Optional.empty());
    }

    @Test
    void theEngineIsReachedOverSshAndItsVolumesNeverThroughThisMachinesFolders() throws Exception {
        String project = "irt" + UUID.randomUUID().toString().substring(0, 8);
        String volume = project + "_data";
        docker("volume", "create", volume);
        String writer = docker("run", "-d", "--label", "com.docker.compose.project=" + project, "--label",
                "com.docker.compose.service=app", "-v", volume + ":/data", DockerRig.BUSYBOX_IMAGE, "sh", "-c",
                "echo hello-over-ssh > /data/file && sleep 3600");
        try (DockerJavaAdapter docker = new DockerJavaAdapter(overSsh())) {
            assertFalse(docker.engineVersion().isBlank());
            assertTrue(docker.composeProjects().stream().map(ComposeProject::name).anyMatch(project::equals));
            ByteArrayOutputStream tar = new ByteArrayOutputStream();
            docker.snapshotVolume(volume, DockerRig.BUSYBOX_IMAGE, tar);

            assertTrue(tar.toString(java.nio.charset.StandardCharsets.ISO_8859_1).contains("hello-over-ssh"),
                    "the volume's file came through the link");
            assertEquals(java.util.OptionalLong.empty(), docker.volumeSize(volume),
                    "a remote engine's mount point is not a folder of this machine: never read here");
        } finally {
            docker("rm", "-f", writer);
            docker("volume", "rm", volume);
        }
    }

    @Test
    void anUnknownHostKeyIsRefusedWithItsFingerprintAndNotAccepted() throws Exception {
        Path knownHosts = ssh.home.resolve(".ssh/known_hosts");
        String known = Files.readString(knownHosts);
        Files.writeString(knownHosts, "");
        try {
            ResetException refused = assertThrows(ResetException.class, () -> new DockerJavaAdapter(overSsh()).close());

            assertTrue(refused.userText().contains("is not known") && refused.userText().contains("SHA256:"),
                    refused.userText());
            assertEquals("", Files.readString(knownHosts), "nothing was added to known_hosts");
        } finally {
            Files.writeString(knownHosts, known);
        }
    }

    @Test
    void anUnknownHostKeyTheUserTrustsIsRecordedAsSshRecordsItAndTheEngineAnswers() throws Exception {
        Path knownHosts = ssh.home.resolve(".ssh/known_hosts");
        String known = Files.readString(knownHosts);
        Files.delete(knownHosts);
        try {
            HostKeyNotKnown question = assertThrows(HostKeyNotKnown.class, () -> new DockerJavaAdapter(overSsh()).close());
            String fingerprint = question.key().fingerprint();
            assertTrue(command("ssh-keygen", "-lf", dir.resolve("ssh/host_key.pub").toString())
                    .contains(fingerprint.substring(fingerprint.indexOf(' ') + 1) + " "), "the machine's own key: " + fingerprint);

            new KnownHostsFile().trust(question.key());

            try (DockerJavaAdapter docker = new DockerJavaAdapter(overSsh())) {
                assertFalse(docker.engineVersion().isBlank());
            }
            assertTrue(command("ssh-keygen", "-F", "[127.0.0.1]:" + ssh.port, "-f", knownHosts.toString())
                    .contains("ssh-ed25519"), "ssh finds the line it would have written");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(knownHosts)));
        } finally {
            Files.writeString(knownHosts, known);
        }
    }

    private static String command(String... args) throws Exception {
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", args) + ": " + output);
        return output;
    }

    @Test
    void aChangedHostKeyIsRefusedAsAPossibleImpostor() throws Exception {
        Path knownHosts = ssh.home.resolve(".ssh/known_hosts");
        String known = Files.readString(knownHosts);
        ssh.forgeKnownHosts();
        try {
            ResetException refused = assertThrows(ResetException.class, () -> new DockerJavaAdapter(overSsh()).close());

            assertTrue(refused.userText().contains("is not the one known_hosts recorded")
                    && refused.userText().contains("nothing was done"), refused.userText());
        } finally {
            Files.writeString(knownHosts, known);
        }
    }

    @Test
    void aKeyTheMachineDoesNotKnowIsASentenceNamingTheSshCommand() throws Exception {
        Path stranger = Files.createDirectories(dir.resolve("stranger/.ssh"));
        Files.copy(ssh.home.resolve(".ssh/known_hosts"), stranger.resolve("known_hosts"));
        new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", stranger.resolve("id_ed25519").toString())
                .start().waitFor();
        DockerEngine engine = new EngineChooser(Map.of("DOCKER_HOST", ssh.engine()), dir.resolve("stranger"))
                .choose(Optional.empty(), Optional.empty());

        ResetException refused = assertThrows(ResetException.class, () -> new DockerJavaAdapter(engine).close());

        assertTrue(refused.userText().contains("refused every SSH key") && refused.userText().contains("ssh -p " + ssh.port
                + " root@127.0.0.1"), refused.userText());
    }
}
