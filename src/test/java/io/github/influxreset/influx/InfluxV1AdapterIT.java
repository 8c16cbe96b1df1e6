package io.github.influxreset.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.domain.Severity;
import io.github.influxreset.engine.checks.SchemaValidator;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.testing.InfluxdProcess;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 1.x adapter and the validator against a real influxd 1.6.7. */
class InfluxV1AdapterIT {
    @TempDir
    Path dir;
    InfluxdProcess server;
    Profile profile;
    InfluxV1Adapter influx;

    @BeforeEach
    void start() throws Exception {
        server = new InfluxdProcess(dir.resolve("influxd"));
        Path file = dir.resolve("v1.yaml");
        Files.writeString(file, String.join("\n",
                "stack: {composeProject: homeiq}",
                "influx: {version: 1, url: '" + server.url() + "'}",
                "buckets: [{name: home_assistant_events, retention: 365d}, {name: weather_data, retention: 180d}]",
                "schema:",
                "  - measurement: home_assistant_events",
                "    bucket: home_assistant_events",
                "    tags: [entity_id, domain, area]",
                "    fields: {state_value: string, normalized_value: float, duration_seconds: float, on: boolean, count: integer}",
                "backups: {dir: " + dir.resolve("backups") + "}", ""));
        profile = new ProfileLoader(Map.of(), dir).load(file);
        influx = new InfluxV1Adapter(profile.influx());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRefusedLineIsToldInInfluxDbsOwnWordsNotAsAnUnreachableServer() {
        influx.createBucket(new io.github.influxreset.domain.BucketSpec("home_assistant_events",
                io.github.influxreset.domain.Retention.parse("365d").orElseThrow()));

        ResetException garbage = assertThrows(ResetException.class, () ->
                influx.write("home_assistant_events", "garb\u0001age\u001f line\n"));

        assertTrue(garbage.getMessage().startsWith("InfluxDB refused the points for home_assistant_events: unable to parse"),
                garbage.getMessage());
        assertTrue(garbage.getMessage().contains("garb?age? line"), "control characters shown safely: " + garbage.getMessage());
        assertFalse(garbage.hint().contains("field type conflict"), garbage.hint());

        ResetException huge = assertThrows(ResetException.class, () ->
                influx.write("home_assistant_events", "x".repeat(100_000) + " v=1\n"));

        assertTrue(huge.getMessage().length() < 600, "cut to a readable length: " + huge.getMessage().length());
        assertTrue(huge.getMessage().contains("characters in all"), huge.getMessage());
        assertTrue(huge.hint().contains("64 KiB"), huge.hint());
    }

    private void createBucketsAsTheResetDoes() {
        profile.buckets().forEach(influx::createBucket);
    }

    @Test
    void databasesGetTheirDefaultRetentionAndItCanBeChangedInPlace() {
        influx.createBucket(new BucketSpec("a", Retention.parse("365d").orElseThrow()));
        influx.createBucket(new BucketSpec("forever", Retention.INFINITE));
        assertEquals("365d", retentionOf("a"));
        assertEquals("0", retentionOf("forever"));

        influx.updateRetention(new BucketSpec("a", Retention.parse("30d").orElseThrow()));
        assertEquals("30d", retentionOf("a"));

        influx.deleteBucket("a");
        influx.deleteBucket("a");
        assertTrue(influx.buckets().stream().noneMatch(b -> b.name().equals("a")));
    }

    @Test
    void newPointsAreCountedFromAMoment() {
        createBucketsAsTheResetDoes();
        java.time.Instant moment = java.time.Instant.now().minusSeconds(60);
        long before = (moment.getEpochSecond() - 60) * 1_000_000_000L;
        long after = (moment.getEpochSecond() + 30) * 1_000_000_000L;
        influx.write("home_assistant_events", "e,entity_id=x v=1 " + before + "\ne,entity_id=x v=2,w=3 " + after
                + "\ne,entity_id=y v=4 " + (after + 1) + "\nother,entity_id=z v=5 " + after + "\n");

        assertEquals(3, influx.pointsSince("home_assistant_events", moment));
        assertEquals(0, influx.pointsSince("home_assistant_events", java.time.Instant.now().plusSeconds(5)));
    }

    @Test
    void aFreshlyResetStoreValidatesCleanAndTheProbeIsGone() {
        createBucketsAsTheResetDoes();
        List<Finding> report = new SchemaValidator(profile, influx).validate("t1");

        assertTrue(report.stream().noneMatch(f -> f.severity() == Severity.ERROR), report.toString());
        assertTrue(report.stream().anyMatch(f -> f.message().contains("probe point written, read back and deleted")));
        assertTrue(report.stream().anyMatch(f -> f.message().startsWith("typical query p95")), report.toString());
        assertEquals(0, influx.countWhere("home_assistant_events", "home_assistant_events", "entity_id",
                SchemaValidator.PROBE_PREFIX + "t1"));
        assertEquals(0, cli("--profile", profile.source().orElseThrow().toString(), "validate").code);
    }

    @Test
    void validateExitsOneOnDriftNamingTheWrongTypeAndTheExtraTag() throws Exception {
        createBucketsAsTheResetDoes();
        Path file = profile.source().orElseThrow();
        influx.write("home_assistant_events", "home_assistant_events,entity_id=sensor.x,room=kitchen "
                + "normalized_value=\"twenty\" " + System.currentTimeMillis() * 1_000_000L + "\n");
        Result drift = cli("--profile", file.toString(), "validate");

        assertEquals(1, drift.code, drift.out);
        assertTrue(drift.out.contains("normalized_value is string, expected float"), drift.out);
        assertTrue(drift.out.contains("extra tag room"), drift.out);
    }

    @Test
    void exportWritesEveryPointAsLineProtocolThatWritesBackTheSame() throws Exception {
        createBucketsAsTheResetDoes();
        long now = System.currentTimeMillis() * 1_000_000L;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            lines.append("home_assistant_events,entity_id=e").append(i % 4).append(",area=a\\ b state_value=\"v ").append(i)
                    .append("\",count=").append(i).append("i,on=true,normalized_value=").append(i).append(".5 ")
                    .append(now - i * 1_000_000L).append('\n');
        }
        influx.write("home_assistant_events", lines.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertEquals(500, influx.export("home_assistant_events", out));

        influx.createBucket(new BucketSpec("copy", Retention.parse("365d").orElseThrow()));
        influx.write("copy", out.toString(StandardCharsets.UTF_8));
        assertEquals(Map.of("home_assistant_events", 500L), influx.countPoints("copy"));
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        influx.export("copy", again);
        assertEquals(out.toString(StandardCharsets.UTF_8), again.toString(StandardCharsets.UTF_8), "identical round trip");
    }

    @Test
    void anUnreachableServerIsOneSentence() {
        server.close();
        ResetException e = assertThrows(ResetException.class, influx::health);
        assertTrue(e.getMessage().startsWith("InfluxDB does not answer at " + server.url()), e.getMessage());
        assertFalse(e.userText().contains("Exception"));
    }

    @Test
    void httpsToAPlainHttpServerIsNamedATlsFailure() {
        var spec = new io.github.influxreset.domain.InfluxSpec(1, "influxdb", server.url().replace("http:", "https:"), "",
                io.github.influxreset.domain.Secret.empty(), "", io.github.influxreset.domain.Secret.empty(), "",
                io.github.influxreset.domain.Secret.empty());
        ResetException e = assertThrows(ResetException.class, () -> new InfluxV1Adapter(spec).health());
        assertTrue(e.getMessage().startsWith("The TLS handshake with InfluxDB"), e.getMessage());
        assertTrue(e.userText().contains("http:// versus https://"), e.userText());
    }

    private String retentionOf(String bucket) {
        return influx.buckets().stream().filter(b -> b.name().equals(bucket)).findFirst().orElseThrow().retention().format();
    }

    private record Result(int code, String out) {
    }

    private Result cli(String... args) {
        AppContext context = new AppContext(new AppHome(dir.resolve("home")), new ProfileLoader(Map.of(), dir));
        var result = io.github.influxreset.testing.CliRun.run(context, "", args);
        return new Result(result.code(), result.out());
    }
}
