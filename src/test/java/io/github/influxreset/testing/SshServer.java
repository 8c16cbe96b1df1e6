package io.github.influxreset.testing;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's OpenSSH server on 127.0.0.1, started by a test with keys it makes: the way a user's
 * desktop reaches a NAS. {@link #home} is a user's home whose {@code .ssh} holds the login key and a
 * {@code known_hosts} that knows the server; logging in as root, it reaches the rig's Docker engine
 * through {@code docker system dial-stdio}.
 */
public final class SshServer implements AutoCloseable {
    private static final Path SSHD = Path.of("/usr/sbin/sshd");

    public final int port = DockerRig.freePort();
    /** A user's home: {@code .ssh/id_ed25519} logs in, {@code .ssh/known_hosts} knows this server. */
    public final Path home;
    private final Path dir;
    private final Process sshd;

    private SshServer(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        this.home = dir.resolve("home");
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        keygen(dir.resolve("host_key"));
        keygen(ssh.resolve("id_ed25519"));
        Files.copy(ssh.resolve("id_ed25519.pub"), dir.resolve("authorized_keys"));
        Files.writeString(ssh.resolve("known_hosts"), knownHostsLine(dir.resolve("host_key.pub")));
        Files.createDirectories(Path.of("/run/sshd"));
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "ListenAddress 127.0.0.1", "Port " + port, "HostKey " + dir.resolve("host_key"),
                "PidFile " + dir.resolve("sshd.pid"), "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PasswordAuthentication no", "KbdInteractiveAuthentication no", "PermitRootLogin prohibit-password",
                "UsePAM no", "StrictModes no", "MaxSessions 64", "MaxStartups 64", "LogLevel ERROR", ""));
        sshd = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
    }

    /** Why no SSH server can be started here, or empty when it can. */
    public static Optional<String> unavailableReason() {
        if (!Files.isExecutable(SSHD)) {
            return Optional.of("no OpenSSH server (" + SSHD + "; Debian's openssh-server, which .ci/run installs)");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("the test SSH server logs in as root; this runs as " + System.getProperty("user.name"));
        }
        return Optional.empty();
    }

    /** Starts the server and waits until it accepts connections. */
    public static SshServer start(Path dir) throws IOException, InterruptedException {
        SshServer server = new SshServer(Files.createDirectories(dir));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", server.port)) {
                return server;
            } catch (IOException notYet) {
                if (!server.sshd.isAlive()) {
                    throw new IllegalStateException("sshd exited: " + Files.readString(dir.resolve("sshd.log")));
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        server.close();
        throw new IllegalStateException("sshd did not listen within 30 s: " + Files.readString(dir.resolve("sshd.log")));
    }

    /** The engine's address over this server. */
    public String engine() {
        return "ssh://root@127.0.0.1:" + port;
    }

    /** A known_hosts line for this server's port, as ssh writes it. */
    private String knownHostsLine(Path hostPublicKey) throws IOException {
        String[] key = Files.readString(hostPublicKey).strip().split(" ");
        return "[127.0.0.1]:" + port + " " + key[0] + " " + key[1] + "\n";
    }

    /** Writes a known_hosts with another key for this server: as after a reinstall, or an impostor. */
    public void forgeKnownHosts() throws IOException, InterruptedException {
        keygen(dir.resolve("other_key"));
        Files.writeString(home.resolve(".ssh/known_hosts"), knownHostsLine(dir.resolve("other_key.pub")));
    }

    private static void keygen(Path key) throws IOException, InterruptedException {
        Process keygen = new ProcessBuilder(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "influx-reset-test",
                "-f", key.toString())).redirectErrorStream(true).start();
        String output = new String(keygen.getInputStream().readAllBytes());
        if (keygen.waitFor() != 0) {
            throw new IllegalStateException("ssh-keygen failed: " + output);
        }
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    }

    @Override
    public void close() throws InterruptedException {
        sshd.destroy();
        if (!sshd.waitFor(30, TimeUnit.SECONDS)) {
            sshd.destroyForcibly().waitFor();
        }
    }
}
