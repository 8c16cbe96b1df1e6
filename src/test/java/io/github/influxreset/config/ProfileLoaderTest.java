package io.github.influxreset.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.FieldType;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.Retention;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

class ProfileLoaderTest {
    @TempDir
    Path dir;

    private final ProfileLoader loader = new ProfileLoader(Map.of("INFLUXDB_TOKEN", "t0ken"), Path.of("/home/user"));

    private Profile load(String yaml) throws Exception {
        Path file = dir.resolve("stack.yaml");
        Files.writeString(file, yaml);
        return loader.load(file);
    }

    private ResetException refused(String yaml) {
        ResetException e = assertThrows(ResetException.class, () -> load(yaml));
        assertEquals(ResetException.Reason.BAD_INPUT, e.reason());
        assertTrue(e.getMessage().contains(dir.resolve("stack.yaml").toString()), "names the file: " + e.getMessage());
        return e;
    }

    private static final String MINIMAL = "stack: {composeProject: homeiq}\ninflux: {org: homeiq}\n";

    @Test
    void embeddedProfileIsTheHomeIqStackOfTheBrief() {
        Profile profile = loader.loadEmbedded();
        assertEquals("HomeIQ", profile.name());
        assertEquals(4, profile.buckets().size());
        assertEquals(Retention.parse("365d").orElseThrow(), profile.bucket("home_assistant_events").orElseThrow().retention());
        assertEquals(Retention.parse("30d").orElseThrow(), profile.bucket("system_metrics").orElseThrow().retention());
        var schema = profile.schema().get(0);
        assertTrue(schema.tags().contains("device_id"));
        assertFalse(schema.tags().contains("context_id"), "per-event ids are fields only");
        assertEquals(FieldType.STRING, schema.fields().get("context_id"));
        assertEquals(FieldType.FLOAT, schema.fields().get("energy_consumption"));
        assertEquals("t0ken", profile.influx().token().revealAsString());
        assertEquals(Path.of("/home/user/influx-reset-backups"), profile.backups().dir());
    }

    @Test
    void variablesComeFromTheEnvironmentThenFromTheStacksEnvFile() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "# comment\nexport INFLUX_URL=http://127.0.0.1:9999\nINFLUXDB_TOKEN=from-file\n");
        Profile profile = load("stack: {composeProject: homeiq, envFile: " + env + "}\n"
                + "influx: {org: homeiq, url: '${INFLUX_URL}', token: '${INFLUXDB_TOKEN}'}\nbuckets: [{name: a, retention: 1h}]\n");
        assertEquals("http://127.0.0.1:9999", profile.influx().url());
        assertEquals("t0ken", profile.influx().token().revealAsString(), "the environment wins over .env");
    }

    @Test
    void aTimeoutOrBudgetReadsLikeARetention() throws Exception {
        Profile profile = load(MINIMAL + "buckets: [{name: a, retention: 1h}]\nservices: [{name: s, timeout: 2m}]\n"
                + "validation: {queryBudget: 1s500ms}\n");

        assertEquals(java.time.Duration.ofMinutes(2), profile.services().get(0).timeout(), "2m was refused before");
        assertEquals(java.time.Duration.ofMillis(1500), profile.queryBudget());
        assertTrue(refused(MINIMAL + "buckets: [{name: a, retention: 1h}]\nservices: [{name: s, timeout: 2 minutes}]\n")
                .getMessage().contains("must be a time such as 500ms, 30s or 2m, not '2 minutes'"));
    }

    @Test
    void aMissingVariableIsNamed() {
        ResetException e = refused(MINIMAL.replace("org: homeiq", "org: homeiq, token: '${NOT_SET_ANYWHERE}'")
                + "buckets: [{name: a, retention: 1h}]\n");
        assertTrue(e.getMessage().contains("influx.token"), e.getMessage());
        assertTrue(e.getMessage().contains("NOT_SET_ANYWHERE"), e.getMessage());
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> badInputs() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("unknown key", "bukets: []", "bukets"),
                org.junit.jupiter.params.provider.Arguments.of("bad duration",
                        "buckets: [{name: a, retention: 12 parsecs}]", "buckets[0].retention"),
                org.junit.jupiter.params.provider.Arguments.of("retention under 1h",
                        "buckets: [{name: a, retention: 30m}]", "buckets[0].retention"),
                org.junit.jupiter.params.provider.Arguments.of("duplicate bucket",
                        "buckets: [{name: a, retention: 1h}, {name: a, retention: 2h}]", "buckets[1].name"),
                org.junit.jupiter.params.provider.Arguments.of("bad field type", "buckets: [{name: a, retention: 1h}]\n"
                        + "schema: [{measurement: m, bucket: a, tags: [], fields: {x: decimal}}]", "schema[0].fields.x"),
                org.junit.jupiter.params.provider.Arguments.of("unknown bucket in schema", "buckets: [{name: a, retention: 1h}]\n"
                        + "schema: [{measurement: m, bucket: b, tags: [], fields: {}}]", "schema[0].bucket"),
                org.junit.jupiter.params.provider.Arguments.of("retention InfluxDB 1.x cannot hold (300 years)",
                        "buckets: [{name: a, retention: 109500d}]", "buckets[0].retention"),
                org.junit.jupiter.params.provider.Arguments.of("retention that would wrap around",
                        "buckets: [{name: a, retention: 99999999999d}]", "buckets[0].retention"),
                org.junit.jupiter.params.provider.Arguments.of("retention past 64 bits",
                        "buckets: [{name: a, retention: 99999999999999999999d}]", "buckets[0].retention"),
                org.junit.jupiter.params.provider.Arguments.of("backups in the root folder", "buckets: [{name: a, retention: 1h}]\n" + "backups: {dir: /}", "backups.dir"),
                org.junit.jupiter.params.provider.Arguments.of("backups in /etc", "buckets: [{name: a, retention: 1h}]\n" + "backups: {dir: /etc}", "backups.dir"),
                org.junit.jupiter.params.provider.Arguments.of("backups inside Docker's storage",
                        "buckets: [{name: a, retention: 1h}]\n" + "backups: {dir: /var/lib/docker/volumes/homeiq_influxdb-data/_data}", "backups.dir"),
                org.junit.jupiter.params.provider.Arguments.of("backups in the home folder itself",
                        "buckets: [{name: a, retention: 1h}]\n" + "backups: {dir: '" + System.getProperty("user.home") + "'}", "backups.dir"));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("badInputs")
    void eachBadInputIsRefusedNamingTheKey(String what, String body, String key) {
        ResetException e = refused(MINIMAL + body + "\n");
        assertTrue(e.getMessage().contains(key), what + ": " + e.getMessage());
    }

    @Test
    void aHugeFileIsRefusedAtOnceNotParsed() throws Exception {
        Path file = dir.resolve("stack.yaml");
        Files.writeString(file, MINIMAL + "name: '" + "x".repeat(4 << 20) + "'\n");
        long start = System.nanoTime();

        ResetException e = assertThrows(ResetException.class, () -> loader.load(file));

        assertEquals(ResetException.Reason.BAD_INPUT, e.reason());
        assertTrue(e.getMessage().contains("a profile is at most 1024 KiB"), e.getMessage());
        assertTrue(System.nanoTime() - start < java.util.concurrent.TimeUnit.SECONDS.toNanos(5), "refused without parsing");
    }

    @Test
    void aUrlToALinkLocalAddressIsWarnedAbout() throws Exception {
        Profile profile = load("stack: {composeProject: homeiq}\ninflux: {org: homeiq, url: 'http://169.254.169.254:8086'}\n"
                + "buckets: [{name: a, retention: 1h}]\n");
        assertTrue(profile.warnings().stream().anyMatch(w -> w.contains("influx.url") && w.contains("link-local")),
                profile.warnings().toString());
    }

    @Test
    void aKeyDeclaredBothAsTagAndFieldIsRefused() {
        ResetException e = refused(MINIMAL + "buckets: [{name: a, retention: 1h}]\n"
                + "schema: [{measurement: m, bucket: a, tags: [context_id], fields: {context_id: string}}]\n");
        assertTrue(e.getMessage().contains("schema[0].tags") && e.getMessage().contains("context_id"), e.getMessage());
    }

    @Test
    void invalidYamlNamesTheLine() {
        ResetException e = refused("stack: {composeProject: homeiq\ninflux: [\n");
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void aMissingFileSaysHowToWriteOne() {
        ResetException e = assertThrows(ResetException.class, () -> loader.load(dir.resolve("nope.yaml")));
        assertTrue(e.userText().contains("profile init"), e.userText());
    }

    @Test
    void anInfluxVersionOtherThanOneOrTwoIsRefused() {
        ResetException e = refused("stack: {composeProject: homeiq}\ninflux: {version: 3, org: o}\n"
                + "buckets: [{name: a, retention: 1h}]\n");
        assertTrue(e.getMessage().contains("influx.version"), e.getMessage());
    }

    @Test
    void infiniteRetentionIsZero() throws Exception {
        Profile profile = load(MINIMAL + "buckets: [{name: forever, retention: 0}]\n");
        assertTrue(profile.buckets().get(0).retention().isInfinite());
    }
}
