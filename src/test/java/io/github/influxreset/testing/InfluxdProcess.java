package io.github.influxreset.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real InfluxDB 1.x (Debian's influxd) as a plain process on a 127.0.0.1 port, its data in a
 * temporary folder. Without the binary the calling test is skipped, or fails with
 * {@code -Drequire.docker=true} (CI installs it).
 */
public final class InfluxdProcess implements AutoCloseable {
    private static final Path INFLUXD = Path.of("/usr/bin/influxd");
    private final Process process;
    public final int port = DockerRig.freePort();
    private final boolean https;

    public InfluxdProcess(Path dir) {
        this(dir, null);
    }

    /**
     * @param server a folder with {@code cert.pem} and {@code key.pem} ({@link TestCertificates#server}):
     *               the server answers on https:// only; null for http://
     */
    public InfluxdProcess(Path dir, Path server) {
        this.https = server != null;
        requireBinary();
        try {
            Files.createDirectories(dir);
            ProcessBuilder builder = new ProcessBuilder(INFLUXD.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("influxd.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("INFLUXDB_HTTP_BIND_ADDRESS", "127.0.0.1:" + port);
            env.put("INFLUXDB_BIND_ADDRESS", "127.0.0.1:" + DockerRig.freePort());
            env.put("INFLUXDB_REPORTING_DISABLED", "true");
            env.put("INFLUXDB_META_DIR", dir.resolve("meta").toString());
            env.put("INFLUXDB_DATA_DIR", dir.resolve("data").toString());
            env.put("INFLUXDB_DATA_WAL_DIR", dir.resolve("wal").toString());
            env.put("INFLUXDB_DATA_QUERY_LOG_ENABLED", "false");
            env.put("INFLUXDB_HTTP_LOG_ENABLED", "false");
            if (https) {
                env.put("INFLUXDB_HTTP_HTTPS_ENABLED", "true");
                env.put("INFLUXDB_HTTP_HTTPS_CERTIFICATE", server.resolve("cert.pem").toString());
                env.put("INFLUXDB_HTTP_HTTPS_PRIVATE_KEY", server.resolve("key.pem").toString());
            }
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (https) {
            Http.awaitListening(port, 30_000);
        } else {
            Http.await(url() + "/ping", 30_000);
        }
    }

    public String url() {
        return (https ? "https" : "http") + "://127.0.0.1:" + port;
    }

    private static void requireBinary() {
        if (Files.isExecutable(INFLUXD)) {
            return;
        }
        Required.missing("InfluxDB 1.x test", "Debian's influxdb package (/usr/bin/influxd) is not installed");
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
