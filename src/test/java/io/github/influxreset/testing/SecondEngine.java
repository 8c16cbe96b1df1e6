package io.github.influxreset.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A second Docker engine beside the rig's, listening on {@code tcp://127.0.0.1:PORT} with TLS and
 * client certificates made by the test ({@link TestCertificates}): the engine a user reaches on a
 * NAS. Its own data, exec root and pid file; no bridge, no iptables, as {@code .ci/run} starts the first.
 */
public final class SecondEngine implements AutoCloseable {
    public final int port = DockerRig.freePort();
    public final Path clientCertificates;
    private final Process dockerd;
    private final Path log;
    private final Path root;

    private SecondEngine(Path dir, TestCertificates authority) throws Exception {
        Path server = authority.server(dir.resolve("server"));
        clientCertificates = authority.client(dir.resolve("client"));
        log = dir.resolve("dockerd.log");
        // a short root: containerd's socket path must fit in a unix socket address; dockerd mounts its data root,
        // so it lives outside the test's folder and is unmounted by close() whatever became of dockerd
        root = Files.createTempDirectory(Path.of("/tmp"), "ire");
        Path exec = Files.createDirectories(root.resolve("exec"));
        dockerd = new ProcessBuilder(List.of("dockerd", "--tlsverify", "--tlscacert", server.resolve("ca.pem").toString(),
                "--tlscert", server.resolve("cert.pem").toString(), "--tlskey", server.resolve("key.pem").toString(),
                "-H", "tcp://127.0.0.1:" + port, "--data-root", root.resolve("data").toString(), "--exec-root", exec.toString(),
                "--pidfile", dir.resolve("dockerd.pid").toString(), "--bridge=none", "--iptables=false", "--ip6tables=false"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Why a second engine cannot be started here, or empty when it can. */
    public static Optional<String> unavailableReason() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("a second dockerd needs root; this runs as " + System.getProperty("user.name"));
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/dockerd")) && !Files.isExecutable(Path.of("/usr/bin/dockerd"))) {
            return Optional.of("no dockerd on this machine");
        }
        return Optional.empty();
    }

    /** Starts the engine and waits until it answers over TLS. */
    public static SecondEngine start(Path dir, TestCertificates authority) throws Exception {
        SecondEngine engine = new SecondEngine(dir, authority);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            if (engine.docker("version").waitFor() == 0) {
                return engine;
            }
            if (!engine.dockerd.isAlive()) {
                engine.close();
                throw new IllegalStateException("the second dockerd exited: " + Files.readString(engine.log));
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        engine.close();
        throw new IllegalStateException("the second dockerd did not answer within a minute: " + engine.log);
    }

    public String host() {
        return "tcp://127.0.0.1:" + port;
    }

    /** The docker CLI on this engine, with the client's certificates. */
    public Process docker(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("docker", "--tlsverify", "-H", host()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DOCKER_CERT_PATH", clientCertificates.toString());
        return builder.start();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        dockerd.destroy();
        if (!dockerd.waitFor(1, TimeUnit.MINUTES)) {
            dockerd.destroyForcibly().waitFor();
        }
        new ProcessBuilder("umount", "-R", root.resolve("data").toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        new ProcessBuilder("rm", "-rf", root.toString()).start().waitFor();
    }
}
