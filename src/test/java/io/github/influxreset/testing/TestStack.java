package io.github.influxreset.testing;

import io.github.influxreset.backup.FileBackupStore;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.domain.ServiceSpec;
import io.github.influxreset.engine.actions.EveryAction;
import io.github.influxreset.engine.log.LogBus;
import io.github.influxreset.engine.log.LogEvent;
import io.github.influxreset.engine.log.SecretMasker;
import io.github.influxreset.engine.port.Ports;
import io.github.influxreset.engine.run.ActionCatalog;
import io.github.influxreset.engine.run.FaultInjector;
import io.github.influxreset.engine.run.Runner;
import io.github.influxreset.store.SqliteJournal;
import io.github.influxreset.store.SqliteMetadataStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The HomeIQ stack in memory (fake Docker and InfluxDB) with real files: the profile, the SQLite
 * metadata database, backup sets and the journal live in a temporary folder.
 */
public final class TestStack {
    public static final String TOKEN = "tok-SECRET-4711";
    public static final String PASSWORD = "pw-SECRET-0815";
    public static final String INFLUX_VOLUME = "homeiq_influxdb-data";

    public final Path dir;
    public final Profile profile;
    public final FakeDocker docker = new FakeDocker();
    public final FakeInflux influx;
    public final Ports ports;
    public final LogBus log;
    public final List<LogEvent> events = new CopyOnWriteArrayList<>();
    public final ActionCatalog catalog = EveryAction.catalog();
    /** The engine the fake Docker stands for, as a first run's saved profile names it. */
    public static final String ENGINE = "tcp://127.0.0.1:2376";
    /** The journal's clock: a test moves it on to stand for a person who takes their time. */
    public final MovingClock journalClock = new MovingClock();

    public TestStack(Path dir) throws IOException {
        this(dir, java.util.function.UnaryOperator.identity());
    }

    /** The stack with its profile's text changed by {@code editProfile} before it is read. */
    public TestStack(Path dir, java.util.function.UnaryOperator<String> editProfile) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("srv/data"));
        Files.writeString(dir.resolve("srv/docker-compose.yml"), "services: {}\n");
        Files.writeString(dir.resolve("srv/.env"), "INFLUXDB_TOKEN=" + TOKEN + "\nINFLUXDB_PASSWORD=" + PASSWORD + "\n");
        createMetadataDb(dir.resolve("srv/data/metadata.db"));
        Path profileFile = dir.resolve("homeiq.yaml");
        Files.writeString(profileFile, editProfile.apply(ProfileLoader.embeddedText().replace("/srv/homeiq",
                dir.resolve("srv").toString()).replace("~/influx-reset-backups", dir.resolve("backups").toString())));
        profile = new ProfileLoader(Map.of(), dir).load(profileFile);
        influx = new FakeInflux(docker, profile.influx().service());
        log = new LogBus(new SecretMasker(profile.secrets()));
        log.subscribe(events::add);
        var metadata = new SqliteMetadataStore(docker, profile.stack().composeProject());
        Ports base = new Ports(docker, influx, null, metadata);
        ports = new Ports(docker, influx, new FileBackupStore(profile, base, Clock.systemUTC(), "test"), metadata);
        startStack();
    }

    private void startStack() {
        docker.addContainer("homeiq", "influxdb", "influxdb:2.7", List.of(INFLUX_VOLUME), true);
        for (ServiceSpec service : profile.services()) {
            docker.addContainer("homeiq", service.name(), "homeiq/" + service.name(), List.of(), true);
        }
        InfluxData data = docker.volume(INFLUX_VOLUME);
        profile.buckets().forEach(b -> data.buckets.put(b.name(), new InfluxData.Bucket(Retention.parse("30d").orElseThrow())));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            lines.append("home_assistant_events,entity_id=sensor.t").append(i % 5).append(",domain=sensor state_value=\"")
                    .append(i).append("\",normalized_value=").append(i).append(".5 ").append(1_700_000_000_000_000_000L + i)
                    .append('\n');
        }
        influx.write("home_assistant_events", lines.toString());
        influx.write("weather_data", "weather,station=home temp=21.5 1700000000000000000\n");
    }

    /**
     * Makes the fake engine look as compose left it: the project's folder (compose file and .env)
     * on its labels, InfluxDB publishing 8086, and data-api mounting the folder with metadata.db.
     * Also adds a project without InfluxDB.
     */
    public void labelAsCompose() throws IOException {
        Path srv = dir.resolve("srv");
        Files.writeString(srv.resolve(".env"), "INFLUXDB_URL=http://influxdb:8086\nINFLUXDB_ORG=homeiq\n"
                + "INFLUXDB_TOKEN=" + TOKEN + "\nINFLUXDB_PASSWORD=" + PASSWORD + "\n");
        docker.setWorkingDir("homeiq", srv);
        for (FakeDocker.Container container : docker.containers()) {
            if (container.service.equals("influxdb")) {
                container.publishedPorts.put(8086, 8086);
            }
            if (container.service.equals("data-api")) {
                container.binds.add(new io.github.influxreset.domain.MountInfo(io.github.influxreset.domain.MountInfo.Kind.BIND,
                        srv.resolve("data").toString(), "/app/data"));
            }
        }
        docker.addContainer("mqtt", "mosquitto", "eclipse-mosquitto:2", List.of(), true);
    }

    /**
     * Replaces bucket home_assistant_events (30 days) with points that drifted from the schema:
     * {@code recent} points every ten minutes with normalized_value written as integers and a tag
     * {@code stray} the schema does not list, the first {@code unconvertible} of them with a
     * confidence of "n/a", and {@code old} points from 400 days ago.
     */
    public void writeDriftedEvents(int recent, int unconvertible, int old) {
        influx.deleteBucket("home_assistant_events");
        influx.createBucket(new io.github.influxreset.domain.BucketSpec("home_assistant_events",
                Retention.parse("30d").orElseThrow()));
        long now = System.currentTimeMillis() * 1_000_000L;
        long tenMinutes = 600_000_000_000L;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < recent; i++) {
            lines.append("home_assistant_events,entity_id=sensor.t").append(i % 4).append(",stray=s").append(i % 2)
                    .append(" normalized_value=").append(i).append("i,state_value=\"").append(i).append('"')
                    .append(i < unconvertible ? ",confidence=\"n/a\"" : "").append(' ').append(now - i * tenMinutes).append('\n');
        }
        long longAgo = now - 400L * 24 * 3600 * 1_000_000_000L;
        for (int i = 0; i < old; i++) {
            lines.append("home_assistant_events,entity_id=sensor.old normalized_value=").append(i).append("i ")
                    .append(longAgo - i * tenMinutes).append('\n');
        }
        influx.write("home_assistant_events", lines.toString());
    }

    /**
     * Points a service writes while the stack runs: recent ones of the schema's measurement, with
     * normalized_value as integers (as the drifted events have it), to be written after a backup.
     */
    public static String lateEvents(int count) {
        long now = System.currentTimeMillis() * 1_000_000L;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append("home_assistant_events,entity_id=sensor.late normalized_value=").append(i).append("i ")
                    .append(now - i * 1_000_000L).append('\n');
        }
        return lines.toString();
    }

    /**
     * Makes websocket-ingestion a writer of the stack: each time it starts, it writes one point to
     * home_assistant_events, so a run's data-flow check sees points flow again at once.
     */
    public void writerWritesWhenStarted() {
        docker.whenStarted("websocket-ingestion", () -> influx.write("home_assistant_events",
                "home_assistant_events,entity_id=sensor.writer state_value=\"on\" " + System.currentTimeMillis() * 1_000_000L
                        + "\n"));
    }

    /** The first run's finder on this fake engine, saving profiles under {@code home}. */
    public io.github.influxreset.engine.session.StackFinder finder(Path home) {
        return new io.github.influxreset.app.MachineStackFinder(
                () -> io.github.influxreset.domain.DockerEngine.plain(ENGINE, "DOCKER_HOST"), () -> List.of(
                        new io.github.influxreset.domain.DockerContext("default", ENGINE, true),
                        new io.github.influxreset.domain.DockerContext("nas", "tcp://127.0.0.1:2377", false)),
                docker::composeProjects,
                project -> io.github.influxreset.app.MachineStackFinder.volumeDatabases(docker, project), spec -> influx,
                new io.github.influxreset.app.AppHome(home), new ProfileLoader(Map.of(), dir), dir, log);
    }

    public Runner runner() {
        return new Runner(journal(), catalog, FaultInjector.NONE);
    }

    public SqliteJournal journal() {
        return new SqliteJournal(dir.resolve("journal.db"), new SecretMasker(profile.secrets()), journalClock);
    }

    /**
     * The points InfluxDB serves from its volume: every bucket but those a buckets reset keeps aside
     * under a run's {@code .before-RUN} name until it ends well (see {@link #bucketsSetAside}).
     */
    public long pointsInVolume() {
        return docker.volume(INFLUX_VOLUME).buckets.entrySet().stream().filter(b -> !b.getKey().contains(".before-"))
                .mapToLong(b -> b.getValue().points.size()).sum();
    }

    /** The buckets a run keeps aside under its {@code .before-RUN} name. */
    public List<String> bucketsSetAside() {
        return docker.volume(INFLUX_VOLUME).buckets.keySet().stream().filter(b -> b.contains(".before-")).sorted().toList();
    }

    private static void createMetadataDb(Path file) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE devices (id TEXT PRIMARY KEY, name TEXT)");
            s.executeUpdate("INSERT INTO devices VALUES ('d1', 'Kitchen sensor')");
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
