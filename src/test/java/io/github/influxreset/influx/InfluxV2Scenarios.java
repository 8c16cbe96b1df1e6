package io.github.influxreset.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.FieldType;
import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.domain.Severity;
import io.github.influxreset.engine.checks.SchemaValidator;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.influx.v2.InfluxV2Adapter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the 2.x adapter does, as scenarios run against two servers: the in-process double checked
 * against the OpenAPI contract ({@link InfluxV2AdapterTest}) and a real InfluxDB 2.7.12
 * ({@link InfluxV2ServerIT}). Where they differ, the real server is right.
 */
abstract class InfluxV2Scenarios {
    static final String TOKEN = "v2-TOKEN-secret";
    @TempDir
    Path dir;
    Server server;

    /** A server under test: fresh (never set up) or set up with an org and the operator token. */
    interface Server extends AutoCloseable {
        String url();

        String version();

        void createBucket(String name, long everySeconds);

        long points(String bucket);

        @Override
        void close();
    }

    /** A server that was never set up. */
    abstract Server fresh();

    /** A server set up with org and operator token. */
    abstract Server setUp(String org, String token);

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    Profile profile(String url, String token, String org) throws Exception {
        Path file = dir.resolve("v2.yaml");
        Files.writeString(file, String.join("\n",
                "stack: {composeProject: homeiq}",
                "influx: {version: 2, url: '" + url + "', org: " + org + ", token: " + token
                        + ", setup: {username: admin, password: pw-secret-1}}",
                "buckets: [{name: home_assistant_events, retention: 365d}, {name: system_metrics, retention: 30d}]",
                "schema:",
                "  - measurement: home_assistant_events",
                "    bucket: home_assistant_events",
                "    tags: [entity_id, domain]",
                "    fields: {state_value: string, normalized_value: float, on: boolean, count: integer}",
                "backups: {dir: " + dir.resolve("backups") + "}", ""));
        return new ProfileLoader(Map.of(), dir).load(file);
    }

    @Test
    void onboardingThenBucketsWithTheirRetention() throws Exception {
        server = fresh();
        Profile profile = profile(server.url(), TOKEN, "homeiq");
        try (InfluxV2Adapter influx = new InfluxV2Adapter(profile.influx())) {
            assertEquals(server.version(), influx.health());
            influx.setup("home_assistant_events");
            influx.setup("home_assistant_events");

            influx.updateRetention(new BucketSpec("home_assistant_events", Retention.parse("365d").orElseThrow()));
            influx.createBucket(new BucketSpec("system_metrics", Retention.parse("30d").orElseThrow()));
            assertEquals(Map.of("home_assistant_events", "365d", "system_metrics", "30d"), retentions(influx));

            influx.deleteBucket("system_metrics");
            influx.deleteBucket("system_metrics");
            assertEquals(Map.of("home_assistant_events", "365d"), retentions(influx));
        }
    }

    @Test
    void validationWritesReadsAndDeletesTheProbeWithDeclaredTypes() throws Exception {
        server = setUp("homeiq", TOKEN);
        server.createBucket("home_assistant_events", 365 * 86_400L);
        server.createBucket("system_metrics", 30 * 86_400L);
        Profile profile = profile(server.url(), TOKEN, "homeiq");
        try (InfluxV2Adapter influx = new InfluxV2Adapter(profile.influx())) {
            List<Finding> report = new SchemaValidator(profile, influx).validate("v2run");

            assertTrue(report.stream().noneMatch(f -> f.severity() == Severity.ERROR), report.toString());
            assertTrue(report.stream().anyMatch(f -> f.message().contains("probe point written, read back and deleted")));
            assertEquals(0, server.points("home_assistant_events"));
        }
    }

    @Test
    void measurementsAndTheirKeysAreListedForLearning() throws Exception {
        server = setUp("homeiq", TOKEN);
        server.createBucket("home_assistant_events", 365 * 86_400L);
        Profile profile = profile(server.url(), TOKEN, "homeiq");
        try (InfluxV2Adapter influx = new InfluxV2Adapter(profile.influx())) {
            long now = System.currentTimeMillis() * 1_000_000L;
            influx.write("home_assistant_events", "home_assistant_events,entity_id=x attr_a=1.5,state=\"on\" " + now + "\n"
                    + "sensor_states,entity_id=y value=2i " + now + "\n");

            assertEquals(List.of("home_assistant_events", "sensor_states"), influx.measurements("home_assistant_events"));
            assertEquals(List.of("entity_id"), influx.tagKeys("home_assistant_events", "sensor_states"));
            assertEquals(Map.of("value", FieldType.INTEGER), influx.fieldKeys("home_assistant_events", "sensor_states"));
        }
    }

    @Test
    void newPointsAreCountedFromAMoment() throws Exception {
        server = setUp("homeiq", TOKEN);
        server.createBucket("home_assistant_events", 365 * 86_400L);
        Profile profile = profile(server.url(), TOKEN, "homeiq");
        try (InfluxV2Adapter influx = new InfluxV2Adapter(profile.influx())) {
            java.time.Instant moment = java.time.Instant.now().minusSeconds(60);
            long before = (moment.getEpochSecond() - 60) * 1_000_000_000L;
            long after = (moment.getEpochSecond() + 30) * 1_000_000_000L;
            influx.write("home_assistant_events", "e,entity_id=x v=1 " + before + "\ne,entity_id=x v=2,w=3 " + after
                    + "\ne,entity_id=y v=4 " + (after + 1) + "\nother,entity_id=z v=5 " + after + "\n");

            assertEquals(3, influx.pointsSince("home_assistant_events", moment));
            assertEquals(0, influx.pointsSince("home_assistant_events", java.time.Instant.now().plusSeconds(5)));
        }
    }

    /** What the online reset stands on: a rename keeps the bucket's id, retention and points; a time range is read and counted. */
    @Test
    void aRenamedBucketKeepsItsIdRetentionAndPointsAndATimeRangeIsReadAndCounted() throws Exception {
        server = setUp("homeiq", TOKEN);
        server.createBucket("home_assistant_events", 365 * 86_400L);
        Profile profile = profile(server.url(), TOKEN, "homeiq");
        try (InfluxV2Adapter influx = new InfluxV2Adapter(profile.influx())) {
            java.time.Instant hourAgo = java.time.Instant.now().minusSeconds(3600);
            long old = (hourAgo.getEpochSecond() - 3600) * 1_000_000_000L;
            long recent = (hourAgo.getEpochSecond() + 1800) * 1_000_000_000L;
            influx.write("home_assistant_events", "e,entity_id=x v=1,w=2 " + old + "\ne,entity_id=y v=3 " + recent + "\n");
            String id = influx.bucketIds().get("home_assistant_events");

            influx.renameBucket(id, "home_assistant_events.before-r1");

            assertEquals(id, influx.bucketIds().get("home_assistant_events.before-r1"), "the same bucket, by its id");
            assertTrue(!influx.bucketIds().containsKey("home_assistant_events"), "the old name is free");
            assertEquals("365d", retentions(influx).get("home_assistant_events.before-r1"));
            assertEquals(Map.of("e", Map.of("v", 1L, "w", 1L)), influx.countFieldValues("home_assistant_events.before-r1",
                    java.time.Instant.EPOCH, hourAgo));
            ByteArrayOutputStream recentOnly = new ByteArrayOutputStream();
            assertEquals(1, influx.export("home_assistant_events.before-r1", recentOnly, hourAgo,
                    java.time.Instant.parse("2200-01-01T00:00:00Z")));
            assertTrue(recentOnly.toString(StandardCharsets.UTF_8).startsWith("e,entity_id=y v=3"), recentOnly.toString());
            assertThrows(ResetException.class, () -> influx.write("home_assistant_events", "e v=1\n"),
                    "a write to the freed name is refused until a bucket has it again");
        }
    }

    @Test
    void driftIsReportedWithTheWrongTypeAndTheExtraTag() throws Exception {
        server = setUp("homeiq", TOKEN);
        server.createBucket("home_assistant_events", 365 * 86_400L);
        server.createBucket("system_metrics", 30 * 86_400L);
        Profile profile = profile(server.url(), TOKEN, "homeiq");
        try (InfluxV2Adapter influx = new InfluxV2Adapter(profile.influx())) {
            influx.write("home_assistant_events", "home_assistant_events,entity_id=x,room=hall count=1.5 "
                    + System.currentTimeMillis() * 1_000_000L + "\n");
            assertEquals(Map.of("count", FieldType.FLOAT), influx.fieldKeys("home_assistant_events", "home_assistant_events"));

            List<Finding> report = new SchemaValidator(profile, influx).validate("drift");

            assertTrue(report.stream().anyMatch(f -> f.severity() == Severity.ERROR
                    && f.message().equals("field count is float, expected integer")), report.toString());
            assertTrue(report.stream().anyMatch(f -> f.message().equals("extra tag room is not in the profile")), report.toString());
        }
    }

    @Test
    void exportWritesLineProtocolThatWritesBackTheSamePoints() throws Exception {
        server = setUp("homeiq", TOKEN);
        server.createBucket("home_assistant_events", 0);
        server.createBucket("copy", 0);
        Profile profile = profile(server.url(), TOKEN, "homeiq");
        try (InfluxV2Adapter influx = new InfluxV2Adapter(profile.influx())) {
            long now = System.currentTimeMillis() * 1_000_000L;
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                lines.append("home_assistant_events,entity_id=e").append(i % 3).append(" state_value=\"s, ").append(i)
                        .append("\",count=").append(i).append("i ").append(now - i).append('\n');
            }
            influx.write("home_assistant_events", lines.toString());
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            assertEquals(200, influx.export("home_assistant_events", out), "one line per field value");
            influx.write("copy", out.toString(StandardCharsets.UTF_8));

            ByteArrayOutputStream again = new ByteArrayOutputStream();
            influx.export("copy", again);
            assertEquals(sorted(out), sorted(again));
        }
    }

    @Test
    void aRefusedWriteAndAnExportOfNoBucketAreSentencesWithTheServersWords() throws Exception {
        server = setUp("homeiq", TOKEN);
        server.createBucket("home_assistant_events", 0);
        try (InfluxV2Adapter influx = new InfluxV2Adapter(profile(server.url(), TOKEN, "homeiq").influx())) {
            influx.write("home_assistant_events", "events,entity_id=a value=1.5 1000\n");
            ResetException conflict = assertThrows(ResetException.class,
                    () -> influx.write("home_assistant_events", "events,entity_id=a value=\"text\" 2000\n"));
            assertTrue(conflict.getMessage().contains("could not write to bucket home_assistant_events (HTTP 422)")
                    && conflict.getMessage().contains("field type conflict"), conflict.getMessage());
            assertTrue(conflict.hint().contains("field type conflict"), conflict.hint());

            ResetException missing = assertThrows(ResetException.class,
                    () -> influx.export("no_such_bucket", new ByteArrayOutputStream()));
            assertTrue(missing.getMessage().contains("export of bucket no_such_bucket") && missing.getMessage()
                    .contains("could not find bucket"), missing.getMessage());
        }
        try (InfluxV2Adapter stranger = new InfluxV2Adapter(profile(server.url(), "not-the-token", "homeiq").influx())) {
            ResetException refused = assertThrows(ResetException.class,
                    () -> stranger.write("home_assistant_events", "events value=2 3000\n"));
            assertTrue(refused.getMessage().contains("refused the token (HTTP 401)"), refused.getMessage());
            ResetException unread = assertThrows(ResetException.class,
                    () -> stranger.export("home_assistant_events", new ByteArrayOutputStream()));
            assertTrue(unread.getMessage().contains("refused the profile's token for reading bucket home_assistant_events"),
                    unread.getMessage());
            assertTrue(!unread.userText().contains("not-the-token") && !refused.userText().contains("not-the-token"));
        }
    }

    @Test
    void aWrongTokenIsOneSentenceNamingTheToken() throws Exception {
        server = setUp("homeiq", TOKEN);
        try (InfluxV2Adapter influx = new InfluxV2Adapter(profile(server.url(), "not-the-token", "homeiq").influx())) {
            ResetException e = assertThrows(ResetException.class, influx::buckets);
            assertTrue(e.getMessage().contains("refused the token (HTTP 401)"), e.getMessage());
            assertTrue(!e.userText().contains("not-the-token"), "the token is not repeated");
        }
    }

    @Test
    void anUnknownOrgIsNamed() throws Exception {
        server = fresh();
        Profile profile = profile(server.url(), TOKEN, "homeiq");
        try (InfluxV2Adapter influx = new InfluxV2Adapter(profile.influx())) {
            influx.setup("home_assistant_events");
        }
        try (InfluxV2Adapter influx = new InfluxV2Adapter(profile(server.url(), TOKEN, "elsewhere").influx())) {
            ResetException e = assertThrows(ResetException.class, () -> influx.setup("home_assistant_events"));
            assertEquals("InfluxDB has no org 'elsewhere'.", e.getMessage());
        }
    }

    @Test
    void aProfileForTheOtherMajorVersionIsTold() throws Exception {
        server = setUp("homeiq", TOKEN);
        Profile v2 = profile(server.url(), TOKEN, "homeiq");
        var v1Spec = new io.github.influxreset.domain.InfluxSpec(1, "influxdb", server.url(), "", v2.influx().token(), "",
                io.github.influxreset.domain.Secret.empty(), "", io.github.influxreset.domain.Secret.empty());
        ResetException e = assertThrows(ResetException.class, () -> new InfluxV1Adapter(v1Spec).health());
        assertEquals(ResetException.Reason.BAD_INPUT, e.reason());
        assertTrue(e.userText().contains("profile says version 1") && e.userText().contains("influx.version: 2"), e.userText());
    }

    static Map<String, String> retentions(InfluxV2Adapter influx) {
        Map<String, String> retentions = new java.util.TreeMap<>();
        influx.buckets().forEach(b -> retentions.put(b.name(), b.retention().format()));
        return retentions;
    }

    private static List<String> sorted(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8).lines().sorted().toList();
    }
}
