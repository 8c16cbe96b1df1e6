package io.github.influxreset.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real test rig: a Docker engine and two images built locally {@code FROM scratch} (there is
 * no registry): Debian's influxd 1.6.7 with its libc, and busybox for stand-in services. Set up
 * with the {@code docker} CLI, as a user would. Everything listens on 127.0.0.1 with host
 * networking.
 */
public final class DockerRig {
    public static final String BUSYBOX_IMAGE = "influx-reset-test/busybox:1";
    public static final String INFLUX_IMAGE = "influx-reset-test/influxdb:1.6.7";
    public static final String INFLUX2_IMAGE = "influx-reset-test/influxdb:2.7.12";
    private static final Path INFLUXD = Path.of("/usr/bin/influxd");
    private static final Path BUSYBOX = Path.of("/usr/bin/busybox");
    private static boolean imagesBuilt;

    private DockerRig() {
    }

    /** Why the rig cannot run here, or empty when it can. */
    public static Optional<String> unavailableReason() {
        if (!Files.exists(Path.of("/var/run/docker.sock"))) {
            return Optional.of("no Docker engine (/var/run/docker.sock is absent)");
        }
        if (!Files.isExecutable(INFLUXD) || !Files.isExecutable(BUSYBOX)) {
            return Optional.of("Debian's influxdb and busybox-static packages are not installed");
        }
        try {
            docker("version", "--format", "{{.Server.Version}}");
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("the Docker engine does not answer: " + e.getMessage());
        }
    }

    public static synchronized void buildImages() {
        if (imagesBuilt) {
            return;
        }
        try {
            buildBusybox();
            buildInflux();
            if (Influxd2Process.binary().isPresent()) {
                buildInflux2(Influxd2Process.binary().get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        imagesBuilt = true;
    }

    private static void buildBusybox() throws IOException {
        Path context = Files.createTempDirectory("busybox-image");
        Files.copy(BUSYBOX, context.resolve("busybox"));
        Files.createDirectories(context.resolve("www"));
        Files.writeString(context.resolve("www/health"), "ok\n");
        Files.writeString(context.resolve("Dockerfile"), String.join("\n",
                "FROM scratch",
                "COPY busybox /bin/busybox",
                "COPY busybox /bin/sh",
                "COPY www /www",
                "ENTRYPOINT [\"/bin/busybox\"]", ""));
        docker("build", "-q", "-t", BUSYBOX_IMAGE, context.toString());
    }

    private static void buildInflux() throws IOException {
        Path context = Files.createTempDirectory("influx-image");
        Path root = context.resolve("rootfs");
        copy(INFLUXD, root.resolve("usr/bin/influxd"));
        // as the official images, a shell: the full reset moves the data aside inside the volume with it
        copy(BUSYBOX, root.resolve("bin/busybox"));
        copy(BUSYBOX, root.resolve("bin/sh"));
        for (String library : List.of("/lib/x86_64-linux-gnu/libc.so.6", "/lib64/ld-linux-x86-64.so.2")) {
            copy(Path.of(library).toRealPath(), root.resolve(library.substring(1)));
        }
        Files.createDirectories(root.resolve("tmp"));
        Files.createDirectories(root.resolve("var/lib/influxdb"));
        Files.writeString(context.resolve("Dockerfile"), String.join("\n",
                "FROM scratch",
                "COPY rootfs/ /",
                "ENV INFLUXDB_REPORTING_DISABLED=true INFLUXDB_META_DIR=/var/lib/influxdb/meta "
                        + "INFLUXDB_DATA_DIR=/var/lib/influxdb/data INFLUXDB_DATA_WAL_DIR=/var/lib/influxdb/wal "
                        + "INFLUXDB_DATA_QUERY_LOG_ENABLED=false INFLUXDB_HTTP_LOG_ENABLED=false",
                "VOLUME /var/lib/influxdb",
                "ENTRYPOINT [\"/usr/bin/influxd\"]", ""));
        docker("build", "-q", "-t", INFLUX_IMAGE, context.toString());
    }

    /**
     * InfluxDB 2.7.12 as the official image lays it out where the product depends on it: data in
     * /var/lib/influxdb2, configuration in /etc/influxdb2 (two volumes), and the first setup from
     * DOCKER_INFLUXDB_INIT_* on an empty data volume (our own small init, below).
     */
    private static void buildInflux2(Path influxd) throws IOException {
        Path context = Files.createTempDirectory("influx2-image");
        Path root = context.resolve("rootfs");
        copy(influxd, root.resolve("usr/bin/influxd"));
        copy(influxd.resolveSibling("influx"), root.resolve("usr/bin/influx"));
        copy(BUSYBOX, root.resolve("bin/busybox"));
        copy(BUSYBOX, root.resolve("bin/sh"));
        for (String library : List.of("/lib/x86_64-linux-gnu/libc.so.6", "/lib/x86_64-linux-gnu/libgcc_s.so.1",
                "/lib64/ld-linux-x86-64.so.2")) {
            copy(Path.of(library).toRealPath(), root.resolve(library.substring(1)));
        }
        Files.createDirectories(root.resolve("tmp"));
        Files.createDirectories(root.resolve("var/lib/influxdb2"));
        Files.createDirectories(root.resolve("etc/influxdb2"));
        try (var init = DockerRig.class.getResourceAsStream("/rig/influxdb2-init.sh")) {
            Files.write(root.resolve("init.sh"), init.readAllBytes());
        }
        root.resolve("init.sh").toFile().setExecutable(true);
        Files.writeString(context.resolve("Dockerfile"), String.join("\n",
                "FROM scratch",
                "COPY rootfs/ /",
                "ENV INFLUXD_BOLT_PATH=/var/lib/influxdb2/influxd.bolt INFLUXD_ENGINE_PATH=/var/lib/influxdb2/engine "
                        + "INFLUXD_SQLITE_PATH=/var/lib/influxdb2/influxd.sqlite INFLUX_CONFIGS_PATH=/etc/influxdb2/influx-configs "
                        + "INFLUXD_REPORTING_DISABLED=true PATH=/usr/bin:/bin",
                "VOLUME /var/lib/influxdb2 /etc/influxdb2",
                "ENTRYPOINT [\"/bin/sh\", \"/init.sh\"]", ""));
        docker("build", "-q", "-t", INFLUX2_IMAGE, context.toString());
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }

    /** Runs the docker CLI; returns its output, throws with its error output when it fails. */
    public static String docker(String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + err.strip());
            }
            return out.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A free TCP port on 127.0.0.1. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
