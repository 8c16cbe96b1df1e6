package io.github.influxreset.testing;

import io.github.influxreset.domain.TlsTrust;
import io.github.influxreset.influx.TlsClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real InfluxDB 2.7.12 ({@code influxd} built by {@code .ci/build-influxdb2}) as a plain process
 * on a 127.0.0.1 port, its bolt, sqlite and engine files in a folder. The binary is found by
 * {@code -Dinfluxd2=PATH}, else {@code INFLUXD2}, else the build script's cache. Without it the
 * calling test is skipped, or fails with {@code -Drequire.docker=true} (CI builds it).
 */
public final class Influxd2Process implements AutoCloseable {
    public static final Path DEFAULT = Path.of("/var/cache/influx-reset-ci/influxd-v2.7.12/influxd");
    private final Process process;
    public final int port = DockerRig.freePort();
    public final Path dir;
    private final Path server;

    public Influxd2Process(Path dir) {
        this(dir, null);
    }

    /**
     * @param server a folder with {@code ca.pem}, {@code cert.pem} and {@code key.pem}
     *               ({@link TestCertificates#server}): the server answers on https:// only; null for http://
     */
    public Influxd2Process(Path dir, Path server) {
        this.dir = dir;
        this.server = server;
        Path binary = requireBinary();
        try {
            Files.createDirectories(dir);
            List<String> command = new ArrayList<>(List.of(binary.toString(), "--bolt-path", dir.resolve("influxd.bolt").toString(),
                    "--engine-path", dir.resolve("engine").toString(), "--sqlite-path", dir.resolve("influxd.sqlite").toString(),
                    "--http-bind-address", "127.0.0.1:" + port, "--reporting-disabled", "--log-level", "warn"));
            if (server != null) {
                command.addAll(List.of("--tls-cert", server.resolve("cert.pem").toString(), "--tls-key",
                        server.resolve("key.pem").toString()));
            }
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("influxd.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (server != null) {
            Http.awaitListening(port, 30_000);
        } else {
            Http.await(url() + "/health", 30_000);
        }
    }

    /** The path of the binary, if there is one here. */
    public static Optional<Path> binary() {
        String configured = System.getProperty("influxd2", System.getenv().getOrDefault("INFLUXD2", ""));
        Path path = configured.isBlank() ? DEFAULT : Path.of(configured);
        return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }

    /** The {@code influx} CLI the build script built beside {@code influxd}. */
    public static Path cli() {
        return binary().orElseThrow().resolveSibling("influx");
    }

    public String url() {
        return (server != null ? "https" : "http") + "://127.0.0.1:" + port;
    }

    /** The first setup (onboarding) with this org, first bucket and operator token. */
    public Influxd2Process setUp(String org, String bucket, String token) {
        String body = "{\"username\":\"admin\",\"password\":\"pw-secret-1\",\"org\":\"" + org + "\",\"bucket\":\""
                + bucket + "\",\"token\":\"" + token + "\"}";
        try {
            HttpClient client = server == null ? HttpClient.newHttpClient()
                    : TlsClients.http(new TlsTrust(Optional.of(server.resolve("ca.pem")), false)).build();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url()
                    + "/api/v2/setup")).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("setup answered " + answer.statusCode() + ": " + answer.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return this;
    }

    /**
     * The binary; without one the calling test is skipped with the reason printed, or fails with
     * {@code -Drequire.docker=true}.
     */
    public static Path requireBinary() {
        Optional<Path> found = binary();
        if (found.isPresent()) {
            return found.get();
        }
        Required.missing("InfluxDB 2.x server test", "no influxd 2.x binary (run .ci/build-influxdb2 and pass -Dinfluxd2=PATH)");
        return null;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
