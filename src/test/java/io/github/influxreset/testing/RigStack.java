package io.github.influxreset.testing;

import static io.github.influxreset.testing.DockerRig.docker;

import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A compose-labelled stack on the real engine: InfluxDB 1.6.7 with a named volume (or, made with
 * {@link #v2}, InfluxDB 2.7.12 with its data and configuration volumes, set up by the image's init
 * from DOCKER_INFLUXDB_INIT_* and a .env the profile reads its token from), and four
 * busybox services serving /health (one with a Docker HEALTHCHECK), all on host networking and
 * 127.0.0.1 ports; plus its v1 profile. Labelled as compose labels them (project folder and
 * files). SQLite as HomeIQ keeps it: data-api's metadata.db (WAL mode, rows still in the WAL) in
 * the named volume {@link #sqliteVolume} at /app/data, sports-data's webhooks.db in the bind mount
 * {@code data/}. {@link #close()} removes every container and volume.
 */
public final class RigStack implements AutoCloseable {
    public static final List<String> SERVICES = List.of("websocket-ingestion", "enrichment-pipeline", "data-api", "sports-data");

    public final String project = "irt" + UUID.randomUUID().toString().substring(0, 8);
    public final int influxPort = DockerRig.freePort();
    private final int rpcPort = DockerRig.freePort();
    public final int[] servicePorts = new int[SERVICES.size()];
    public static final String TOKEN = "rig-operator-TOKEN-2x";
    public static final String PASSWORD = "rig-password-2x";
    public final String volume = project + "_influxdb-data";
    public final String configVolume = project + "_influxdb-config";
    public final String sqliteVolume = project + "_sqlite-data";
    /** The devices data-api's metadata.db holds, the last ones only in its WAL. */
    public static final int DEVICES = 40;
    public final Path dir;
    public final int version;
    private boolean v1Settings;
    private boolean imageSetsUp = true;
    /** A writer of InfluxDB that the profile leaves out (as HomeIQ's collectors), when asked for. */
    public static final String EXTRA_WRITER = "carbon-intensity";
    private boolean extraWriter;
    private String carryRule = "";
    public Profile profile;

    public RigStack(Path dir) {
        this(dir, 1);
    }

    private RigStack(Path dir, int version) {
        this.dir = dir;
        this.version = version;
    }

    /**
     * The 2.x stack without DOCKER_INFLUXDB_INIT_*: set up once over the API (as a user would), so
     * that after a full reset the product's own setup is what makes the org and token.
     */
    public RigStack withoutImageSetup() {
        imageSetsUp = false;
        return this;
    }

    /** One more service, {@link #EXTRA_WRITER}, given INFLUXDB_URL and left out of the profile. */
    public RigStack withExtraWriter() {
        extraWriter = true;
        return this;
    }

    /** Adds a carry rule to the profile's home_assistant_events schema, such as {@code extraTags: drop}. */
    /** On 1.x, every service gets the settings a 1.x client has: URL, database, user and password. */
    public RigStack withV1ClientSettings() {
        v1Settings = true;
        return this;
    }

    public RigStack withCarryRule(String yamlLine) {
        carryRule = yamlLine;
        return this;
    }

    /** The stack with InfluxDB 2.7.12 (needs the binary of .ci/build-influxdb2). */
    public static RigStack v2(Path dir) {
        Influxd2Process.requireBinary();
        return new RigStack(dir, 2);
    }

    public String url() {
        return "http://127.0.0.1:" + influxPort;
    }

    public String containerName(String service) {
        return project + "-" + service + "-1";
    }

    /** Starts the stack and waits until InfluxDB answers; writes its profile. */
    public RigStack start() throws IOException {
        Files.createDirectories(dir);
        docker("volume", "create", "--label", "com.docker.compose.project=" + project,
                "--label", "com.docker.compose.volume=influxdb-data", volume);
        seedSqlite();
        if (version == 2) {
            startInflux2();
        } else {
            docker(concat(labels("influxdb"), "-v", volume + ":/var/lib/influxdb",
                    "-e", "INFLUXDB_HTTP_BIND_ADDRESS=127.0.0.1:" + influxPort,
                    "-e", "INFLUXDB_BIND_ADDRESS=127.0.0.1:" + rpcPort, "--restart", "unless-stopped",
                    DockerRig.INFLUX_IMAGE));
        }
        for (int i = 0; i < SERVICES.size(); i++) {
            servicePorts[i] = DockerRig.freePort();
            String health = "http://127.0.0.1:" + servicePorts[i] + "/health";
            List<String> extra = i == 2 ? List.of("--health-cmd", "/bin/busybox wget -q -O /dev/null " + health,
                    "--health-interval", "1s", "--health-retries", "30") : List.of();
            String[] args = concat(labels(SERVICES.get(i)), "--init");
            if (SERVICES.get(i).equals("data-api")) {
                args = concat(args, "-v", sqliteVolume + ":/app/data");
            } else if (SERVICES.get(i).equals("sports-data")) {
                args = concat(args, "-v", dir.resolve("data") + ":/app/data");
            }
            args = concat(args, extra.toArray(String[]::new));
            if (version == 2) {
                args = concat(args, "-e", "INFLUXDB_URL=" + url(), "-e", "INFLUXDB_TOKEN=" + TOKEN, "-e", "INFLUXDB_ORG=homeiq");
            } else if (v1Settings) {
                args = concat(args, "-e", "INFLUXDB_URL=" + url(), "-e", "INFLUXDB_DB=home_assistant_events",
                        "-e", "INFLUXDB_USER=homeiq", "-e", "INFLUXDB_PASSWORD=" + PASSWORD);
            }
            docker(concat(args, DockerRig.BUSYBOX_IMAGE, "httpd", "-f", "-p", "127.0.0.1:" + servicePorts[i], "-h", "/www"));
        }
        if (extraWriter) {
            docker(concat(labels(EXTRA_WRITER), "--init", "-e", "INFLUXDB_URL=" + url(), DockerRig.BUSYBOX_IMAGE, "httpd", "-f",
                    "-p", "127.0.0.1:" + DockerRig.freePort(), "-h", "/www"));
        }
        writeProfile();
        if (version == 2) {
            awaitToken();
        } else {
            Http.await(url() + "/ping", 30_000);
        }
        return this;
    }

    /**
     * data-api's metadata.db in its named volume, copied in while a connection holds the last
     * devices in the WAL (as a live service leaves it), and sports-data's webhooks.db on the host.
     */
    private void seedSqlite() throws IOException {
        docker("volume", "create", "--label", "com.docker.compose.project=" + project,
                "--label", "com.docker.compose.volume=sqlite-data", sqliteVolume);
        Path seed = Files.createDirectories(dir.resolve("seed"));
        Path db = seed.resolve("metadata.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            s.executeUpdate("CREATE TABLE devices (device_id TEXT PRIMARY KEY, name TEXT NOT NULL, manufacturer TEXT)");
            s.executeUpdate("CREATE TABLE entities (entity_id TEXT PRIMARY KEY, device_id TEXT REFERENCES devices "
                    + "ON DELETE CASCADE, domain TEXT NOT NULL)");
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            for (int i = 0; i < DEVICES; i++) {
                s.executeUpdate("INSERT INTO devices VALUES ('dev" + i + "', 'Device " + i + "', 'Acme')");
            }
            docker("run", "--rm", "-v", sqliteVolume + ":/app/data", "-v", seed + ":/seed:ro", "--label",
                    "io.github.influxreset.test=true", DockerRig.BUSYBOX_IMAGE, "cp", "/seed/metadata.db",
                    "/seed/metadata.db-wal", "/app/data/");
        } catch (SQLException e) {
            throw new IOException(e);
        }
        Path webhooks = Files.createDirectories(dir.resolve("data")).resolve("webhooks.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + webhooks); var s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE webhooks (id INTEGER PRIMARY KEY, url TEXT NOT NULL)");
            s.executeUpdate("INSERT INTO webhooks (url) VALUES ('http://127.0.0.1:9/hook')");
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    /** The bytes of a file in data-api's SQLite volume (its database, or the database's WAL). */
    public byte[] sqliteVolumeFile(String name) throws IOException {
        Path out = Files.createTempDirectory(dir, "volume-file-");
        docker("cp", containerName("data-api") + ":/app/data/" + name, out.toString());
        return Files.readAllBytes(out.resolve(name));
    }

    /** As compose starts the official image: two volumes, the init's variables, its restart policy. */
    private void startInflux2() {
        docker("volume", "create", "--label", "com.docker.compose.project=" + project,
                "--label", "com.docker.compose.volume=influxdb-config", configVolume);
        String[] init = imageSetsUp ? new String[] {"-e", "DOCKER_INFLUXDB_INIT_MODE=setup",
            "-e", "DOCKER_INFLUXDB_INIT_USERNAME=admin", "-e", "DOCKER_INFLUXDB_INIT_PASSWORD=" + PASSWORD,
            "-e", "DOCKER_INFLUXDB_INIT_ORG=homeiq", "-e", "DOCKER_INFLUXDB_INIT_BUCKET=home_assistant_events",
            "-e", "DOCKER_INFLUXDB_INIT_ADMIN_TOKEN=" + TOKEN} : new String[0];
        String[] run = concat(labels("influxdb"), "-v", volume + ":/var/lib/influxdb2", "-v", configVolume + ":/etc/influxdb2");
        docker(concat(concat(run, init), "-e", "INFLUXD_HTTP_BIND_ADDRESS=127.0.0.1:" + influxPort,
                "-e", "INFLUXD_INIT_PORT=" + rpcPort, "--restart", "unless-stopped", DockerRig.INFLUX2_IMAGE));
        if (!imageSetsUp) {
            Http.await(url() + "/ping", 30_000);
            DockerRig.docker("exec", containerName("influxdb"), "influx", "setup", "--force", "--host", url(),
                    "--username", "admin", "--password", PASSWORD, "--org", "homeiq", "--bucket", "home_assistant_events",
                    "--token", TOKEN);
        }
    }

    /** Waits until the image's init has set up the server and the operator token is accepted. */
    private void awaitToken() {
        var client = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url() + "/api/v2/orgs"))
                .header("Authorization", "Token " + TOKEN).timeout(java.time.Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + 60_000_000_000L;
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                int status = client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
                last = "HTTP " + status;
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
        }
        throw new IllegalStateException("the 2.x rig did not accept its token (" + last + "); its log:\n"
                + docker("logs", "--tail", "40", containerName("influxdb")));
    }

    /** As compose labels HomeIQ's containers: websocket-ingestion after enrichment and data-api, both after InfluxDB. */
    private static String dependsOn(String service) {
        return switch (service) {
            case "websocket-ingestion" -> "enrichment-pipeline:service_healthy:false,data-api:service_healthy:false";
            case "enrichment-pipeline", "data-api" -> "influxdb:service_healthy:false";
            default -> "";
        };
    }

    private String[] labels(String service) {
        return new String[] {"run", "-d", "--network", "host", "--name", containerName(service),
            "--label", "com.docker.compose.depends_on=" + dependsOn(service),
            "--label", "com.docker.compose.project=" + project, "--label", "com.docker.compose.service=" + service,
            "--label", "com.docker.compose.oneoff=False", "--label", "com.docker.compose.container-number=1",
            "--label", "com.docker.compose.project.working_dir=" + dir,
            "--label", "com.docker.compose.project.config_files=" + dir.resolve("docker-compose.yml")};
    }

    private void writeProfile() throws IOException {
        Files.createDirectories(dir);
        Path compose = dir.resolve("docker-compose.yml");
        Files.writeString(compose, "# the stack of project " + project + "\nservices: {}\n");
        StringBuilder yaml = new StringBuilder();
        yaml.append("name: rig\nstack: {composeProject: ").append(project).append(", configFiles: [").append(compose).append("]");
        if (version == 2) {
            Path env = dir.resolve(".env");
            Files.writeString(env, "INFLUXDB_TOKEN=" + TOKEN + "\nINFLUXDB_PASSWORD=" + PASSWORD + "\n");
            yaml.append(", envFile: ").append(env).append("}\n");
            yaml.append("influx: {version: 2, service: influxdb, url: '").append(url()).append("', org: homeiq, ")
                    .append("token: '${INFLUXDB_TOKEN}', setup: {username: admin, password: '${INFLUXDB_PASSWORD}'}}\n");
        } else {
            yaml.append("}\n");
            yaml.append("influx: {version: 1, service: influxdb, url: '").append(url()).append("'}\n");
        }
        yaml.append("buckets:\n  - {name: home_assistant_events, retention: 365d}\n  - {name: weather_data, retention: 180d}\n");
        yaml.append("schema:\n  - measurement: home_assistant_events\n    bucket: home_assistant_events\n");
        yaml.append("    tags: [entity_id, domain, area]\n    fields: {state_value: string, normalized_value: float}\n");
        if (!carryRule.isEmpty()) {
            yaml.append("    ").append(carryRule).append('\n');
        }
        yaml.append("services:\n");
        for (int i = 0; i < SERVICES.size(); i++) {
            yaml.append("  - {name: ").append(SERVICES.get(i)).append(", health: 'http://127.0.0.1:")
                    .append(servicePorts[i]).append("/health', timeout: 30s}\n");
        }
        yaml.append("sqlite:\n  - {service: data-api, path: /app/data/metadata.db}\n  - {path: ")
                .append(dir.resolve("data/webhooks.db")).append("}\n");
        yaml.append("backups: {dir: ").append(dir.resolve("backups")).append("}\n");
        Path file = dir.resolve("rig.yaml");
        Files.writeString(file, yaml.toString());
        profile = new ProfileLoader(Map.of(), dir).load(file);
    }

    @Override
    public void close() {
        String ids = docker("ps", "-aq", "--filter", "label=com.docker.compose.project=" + project);
        if (!ids.isBlank()) {
            docker(concat(new String[] {"rm", "-f", "-v"}, ids.split("\\s+")));
        }
        String helpers = docker("ps", "-aq", "--filter", "label=io.github.influxreset.helper=true");
        if (!helpers.isBlank()) {
            docker(concat(new String[] {"rm", "-f", "-v"}, helpers.split("\\s+")));
        }
        String volumes = docker("volume", "ls", "-q", "--filter", "name=" + project);
        if (!volumes.isBlank()) {
            docker(concat(new String[] {"volume", "rm", "-f"}, volumes.split("\\s+")));
        }
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
