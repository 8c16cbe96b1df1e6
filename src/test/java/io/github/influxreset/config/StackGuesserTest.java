package io.github.influxreset.config;

import io.github.influxreset.domain.DockerEngine;
import io.github.influxreset.domain.ProfileDraft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.ComposeProject;
import io.github.influxreset.domain.ComposeService;
import io.github.influxreset.domain.MountInfo;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.Secret;
import io.github.influxreset.domain.SqliteSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first run's guesses from a compose project, and the profile written from them. */
class StackGuesserTest {
    private static final String TOKEN = "tok-SECRET-first-run";
    /** The engine the stack was found on: another than the local socket, as a user's DOCKER_HOST may name. */
    private static final String ENGINE = "tcp://127.0.0.1:2376";
    private static final DockerEngine FOUND_ON = DockerEngine.plain(ENGINE, "DOCKER_HOST");
    @TempDir
    Path dir;
    Path srv;
    StackGuesser guesser;

    @BeforeEach
    void stackFolder() throws Exception {
        srv = Files.createDirectories(dir.resolve("srv/homeiq"));
        Files.writeString(srv.resolve("docker-compose.yml"), "services: {}\n");
        Files.createDirectories(srv.resolve("data/nested"));
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + srv.resolve("data/nested/metadata.db"));
             var s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE devices (id TEXT)");
        }
        Files.writeString(srv.resolve("data/notes.db"), "not a database");
        guesser = new StackGuesser(dir.resolve("home"));
    }

    private ComposeProject homeiq(String influxImage, Map<Integer, Integer> ports, boolean hostNetwork,
                                  Map<String, String> influxEnv) {
        ComposeService influx = new ComposeService("influxdb", "homeiq-influxdb-1", influxImage, true, ports,
                hostNetwork, List.of(new MountInfo(MountInfo.Kind.VOLUME, "homeiq_influxdb-data", "/var/lib/influxdb2")),
                influxEnv);
        ComposeService api = new ComposeService("data-api", "homeiq-data-api-1", "homeiq/data-api", true, Map.of(), false,
                List.of(new MountInfo(MountInfo.Kind.BIND, srv.resolve("data").toString(), "/app/data")), Map.of());
        ComposeService ingestion = new ComposeService("websocket-ingestion", "homeiq-websocket-ingestion-1",
                "homeiq/ingestion", true, Map.of(), false, List.of(), Map.of());
        return new ComposeProject("homeiq", Optional.of(srv), List.of(srv.resolve("docker-compose.yml")), Optional.empty(),
                List.of(api, influx, ingestion));
    }

    @Test
    void a2xStackIsReadFromItsEnvFileWithTheUrlMadeReachableFromThisHost() throws Exception {
        Files.writeString(srv.resolve(".env"), "# HomeIQ\nINFLUXDB_URL=http://influxdb:8086\nINFLUXDB_ORG=homeiq\n"
                + "INFLUXDB_TOKEN=\"" + TOKEN + "\"\nINFLUXDB_PASSWORD=pw-SECRET\n");

        ProfileDraft draft = guesser.guess(homeiq("influxdb:2.7", Map.of(8086, 18086), false, Map.of()));

        assertEquals(2, draft.influxVersion());
        assertEquals("influxdb", draft.influxService());
        assertEquals("http://127.0.0.1:18086", draft.url(), "the .env names the service, which this host cannot resolve");
        assertEquals("homeiq", draft.org());
        assertEquals(Secret.of(TOKEN), draft.token());
        assertEquals(Optional.of("INFLUXDB_TOKEN"), draft.tokenVariable());
        assertEquals(List.of("data-api", "websocket-ingestion"), draft.services());
        assertEquals(List.of(SqliteSpec.onHost(srv.resolve("data/nested/metadata.db").toString())), draft.sqlite());
        assertEquals(Optional.of(srv.resolve(".env")), draft.envFile());
        assertTrue(draft.notes().stream().anyMatch(n -> n.contains("only containers can reach")), draft.notes().toString());
        assertTrue(draft.notes().stream().noneMatch(n -> n.contains(TOKEN) || n.contains("pw-SECRET")),
                "the notes (logged by the first run) name variables, never their values");
        assertFalse(draft.toString().contains(TOKEN), "nor does the draft's text");
    }

    @Test
    void theSavedProfileRefersToTheEnvFileForSecretsAndLoadsAsTheGuessSaid() throws Exception {
        Files.writeString(srv.resolve(".env"), "INFLUXDB_ORG=homeiq\nINFLUXDB_TOKEN=" + TOKEN + "\nINFLUXDB_PASSWORD=pw-SECRET\n");
        ProfileDraft draft = guesser.guess(homeiq("influxdb:2.7", Map.of(8086, 8086), false, Map.of()));
        Path file = dir.resolve("profiles/homeiq.yaml");
        ProfileLoader loader = new ProfileLoader(Map.of(), dir.resolve("home"));

        DraftWriter.save(draft, FOUND_ON, file, loader);

        String text = Files.readString(file);
        assertFalse(text.contains(TOKEN), text);
        assertFalse(text.contains("pw-SECRET"), text);
        assertTrue(text.contains("${INFLUXDB_TOKEN}"), text);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Profile profile = loader.load(file);
        assertEquals("homeiq", profile.name());
        assertEquals("http://127.0.0.1:8086", profile.influx().url());
        assertEquals(Secret.of(TOKEN), profile.influx().token());
        assertEquals(Secret.of("pw-SECRET"), profile.influx().setupPassword());
        assertEquals(List.of("data-api", "websocket-ingestion"), profile.services().stream().map(s -> s.name()).toList());
        assertEquals(List.of(SqliteSpec.onHost(srv.resolve("data/nested/metadata.db").toString())), profile.sqlite());
        assertEquals(4, profile.buckets().size(), "the HomeIQ buckets");
        assertEquals(dir.resolve("home/influx-reset-backups"), profile.backups().dir());
        assertEquals(ENGINE, profile.dockerHost(), "the engine the stack was found on (issue 30, item 2)");
        assertFalse(text.contains("${DOCKER_HOST"), "not a variable that points elsewhere when it is unset: " + text);
    }

    @Test
    void aTokenTypedByTheUserIsWrittenAsItIsIntoAFileOnlyTheUserCanRead() throws Exception {
        ProfileDraft guessed = guesser.guess(homeiq("influxdb:2.7", Map.of(), false, Map.of("DOCKER_INFLUXDB_INIT_ORG", "home")));
        assertEquals("home", guessed.org(), "the org of the container's setup when the project has no .env");
        assertTrue(guessed.token().isEmpty());
        ProfileDraft typed = guessed.edited(2, "http://127.0.0.1:8086", "home", Secret.of("typed-token"), "admin",
                Secret.of("typed-pw"), List.of(), dir.resolve("backups"));
        Path file = dir.resolve("typed.yaml");

        DraftWriter.save(typed, FOUND_ON, file, new ProfileLoader(Map.of(), dir));

        Profile profile = new ProfileLoader(Map.of(), dir).load(file);
        assertEquals(Secret.of("typed-token"), profile.influx().token());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aDraftThatWouldNotLoadIsRefusedWithASentenceAndNothingIsWritten() {
        ProfileDraft guessed = guesser.guess(homeiq("influxdb:2.7", Map.of(), false, Map.of()));
        ProfileDraft noToken = guessed.edited(2, "http://127.0.0.1:8086", "homeiq", Secret.empty(), "admin",
                Secret.empty(), List.of(), dir.resolve("backups"));
        ProfileDraft badUrl = guessed.edited(2, "influx at home", "homeiq", Secret.of("t"), "admin",
                Secret.empty(), List.of(), dir.resolve("backups"));
        Path file = dir.resolve("refused/homeiq.yaml");
        ProfileLoader loader = new ProfileLoader(Map.of(), dir);

        ResetException empty = assertThrows(ResetException.class, () -> DraftWriter.save(noToken, FOUND_ON, file, loader));
        ResetException url = assertThrows(ResetException.class, () -> DraftWriter.save(badUrl, FOUND_ON, file, loader));

        assertTrue(empty.userText().contains("token is empty"), empty.userText());
        assertTrue(url.userText().contains("influx.url must look like http://HOST:PORT"), url.userText());
        assertFalse(Files.exists(file.getParent()), "nothing written");
    }

    @Test
    void a1xStackOnTheHostNetworkIsFoundByItsBindAddress() {
        ProfileDraft draft = guesser.guess(homeiq("influx-reset-test/influxdb:1.6.7", Map.of(), true,
                Map.of("INFLUXDB_HTTP_BIND_ADDRESS", "127.0.0.1:18123")));

        assertEquals(1, draft.influxVersion());
        assertEquals("http://127.0.0.1:18123", draft.url());
        assertEquals(Optional.empty(), draft.envFile());
        assertTrue(draft.notes().get(0).contains("no .env file"), draft.notes().toString());
    }

    /**
     * Issue 30, item 2: a 2.x container on the host network bound to 127.0.0.1:27086 by
     * INFLUXD_HTTP_BIND_ADDRESS was proposed as 127.0.0.1:8086, which does not answer.
     */
    @Test
    void a2xStackOnTheHostNetworkIsFoundByInfluxdsBindAddress() {
        ProfileDraft draft = guesser.guess(homeiq("influxdb:2.7.12", Map.of(), true,
                Map.of("INFLUXD_HTTP_BIND_ADDRESS", "127.0.0.1:27086")));

        assertEquals("http://127.0.0.1:27086", draft.url());
        assertTrue(draft.notes().contains("URL from INFLUXD_HTTP_BIND_ADDRESS of InfluxDB's container, which uses the host's "
                + "network."), draft.notes().toString());
    }

    /** Issue 30, item 2: the writers' own setting is how the stack reaches InfluxDB; it wins over a default port. */
    @Test
    void aWritersOwnUrlNamingThisHostIsTheGuess() {
        ComposeProject project = homeiq("influxdb:2.7.12", Map.of(), true, Map.of());
        List<ComposeService> services = new java.util.ArrayList<>(project.services());
        services.add(new ComposeService("enrichment-pipeline", "homeiq-enrichment-pipeline-1", "homeiq/enrichment", true,
                Map.of(), true, List.of(), Map.of("INFLUXDB_URL", "http://127.0.0.1:27086/")));

        ProfileDraft draft = guesser.guess(new ComposeProject("homeiq", Optional.of(srv), project.configFiles(),
                Optional.empty(), services));

        assertEquals("http://127.0.0.1:27086", draft.url());
        assertTrue(draft.notes().contains("URL from INFLUXDB_URL of service enrichment-pipeline, which reaches InfluxDB on "
                + "this host."), draft.notes().toString());
    }

    @Test
    void a2xServerBesideA1xStackIsNeitherTheStacksInfluxDbNorAServiceToStop() {
        ComposeProject project = homeiq("influxdb:1.8", Map.of(8086, 18086), false, Map.of());
        List<ComposeService> services = new java.util.ArrayList<>(project.services());
        services.add(new ComposeService("influxdb2", "homeiq-influxdb2-1", "influxdb:2.7", true, Map.of(8086, 18087), false,
                List.of(), Map.of("INFLUX_CONFIGS_PATH", "/etc/influxdb2/influx-configs")));
        ProfileDraft draft = guesser.guess(new ComposeProject("homeiq", project.workingDir(), project.configFiles(),
                Optional.empty(), services));

        assertEquals("influxdb", draft.influxService());
        assertEquals(1, draft.influxVersion());
        assertFalse(draft.services().contains("influxdb2"), draft.services().toString());
        assertTrue(draft.notes().contains("Service 'influxdb2' is an InfluxDB server too (influxdb:2.7): left out of the "
                + "services and never stopped; to move the data to it, name it in moveTo (see the README)."),
                draft.notes().toString());
    }

    @Test
    void theProposedProjectIsOneWithInfluxDbRunningFirst() {
        ComposeService mqtt = new ComposeService("mosquitto", "mqtt-1", "eclipse-mosquitto:2", true, Map.of(), false,
                List.of(), Map.of());
        ComposeService stoppedInflux = new ComposeService("influxdb", "old-influxdb-1", "influxdb:1.8", false, Map.of(),
                false, List.of(), Map.of());
        ComposeProject broker = new ComposeProject("aaa-mqtt", Optional.empty(), List.of(), Optional.empty(), List.of(mqtt));
        ComposeProject old = new ComposeProject("aaa-old", Optional.empty(), List.of(), Optional.empty(), List.of(stoppedInflux));
        ComposeProject home = homeiq("influxdb:2.7", Map.of(), false, Map.of());

        assertEquals("homeiq", ComposeProject.likeliest(List.of(broker, old, home)).orElseThrow().name());
        assertEquals("aaa-old", ComposeProject.likeliest(List.of(broker, old)).orElseThrow().name());
        assertTrue(ComposeProject.likeliest(List.of(broker)).isEmpty());
    }
}
