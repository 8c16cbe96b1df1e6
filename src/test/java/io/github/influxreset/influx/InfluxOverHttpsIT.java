package io.github.influxreset.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.InfluxSpec;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.domain.Secret;
import io.github.influxreset.domain.TlsTrust;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.testing.InfluxdProcess;
import io.github.influxreset.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real InfluxDB 1.6.7 behind HTTPS with a certificate of the home's own CA, made by the test
 * (issue 28, item 3): trusted through {@code influx.caFile}; without it, a sentence naming the key;
 * {@code insecureSkipVerify} only when set, and then a warning in every check.
 */
class InfluxOverHttpsIT {
    @TempDir
    static Path dir;
    static TestCertificates homeCa;
    static InfluxdProcess server;

    @BeforeAll
    static void start() throws Exception {
        homeCa = new TestCertificates("home CA");
        server = new InfluxdProcess(dir.resolve("influxd"), homeCa.server(dir.resolve("server")));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static InfluxV1Adapter adapter(TlsTrust trust) {
        return new InfluxV1Adapter(new InfluxSpec(1, "influxdb", server.url(), "", Secret.empty(), "", Secret.empty(), "admin",
                Secret.empty(), trust));
    }

    @Test
    void theHomesOwnCaGivenAsCaFileIsTrustedAndDataFlows() {
        InfluxV1Adapter influx = adapter(new TlsTrust(Optional.of(dir.resolve("server/ca.pem")), false));

        assertTrue(influx.health().startsWith("1."), "answers over https");
        influx.createBucket(new BucketSpec("home", Retention.parse("30d").orElseThrow()));
        long now = System.currentTimeMillis() * 1_000_000L;
        influx.write("home", "probe v=1 " + now + "\nprobe v=2 " + (now + 1) + "\n");
        assertEquals(Map.of("probe", 2L), influx.countPoints("home"), "written and counted over https");
    }

    @Test
    void withoutTheCaItIsASentenceNamingCaFile() {
        ResetException refused = assertThrows(ResetException.class, () -> adapter(TlsTrust.SYSTEM).health());

        assertTrue(refused.userText().contains("not signed by an authority this computer trusts")
                && refused.userText().contains("influx.caFile"), refused.userText());
    }

    @Test
    void anotherCaIsRefusedToo() throws Exception {
        Path other = new TestCertificates("another CA").server(dir.resolve("other"));

        ResetException refused = assertThrows(ResetException.class,
                () -> adapter(new TlsTrust(Optional.of(other.resolve("ca.pem")), false)).health());

        assertTrue(refused.userText().contains("not signed by an authority"), refused.userText());
    }

    @Test
    void skippingVerificationWorksOnlyWhenSetAndIsWarnedOfInTheProfile() throws Exception {
        Path file = dir.resolve("skip.yaml");
        Files.writeString(file, "name: home\nstack: {composeProject: homeiq}\ninflux: {version: 1, url: '" + server.url()
                + "', insecureSkipVerify: true}\nbuckets: [{name: home, retention: 30d}]\n");

        Profile profile = new ProfileLoader(Map.of(), dir).load(file);

        assertTrue(new InfluxV1Adapter(profile.influx()).health().startsWith("1."));
        assertTrue(profile.warnings().stream().anyMatch(w -> w.contains("insecureSkipVerify is true")
                && w.contains("caFile")), profile.warnings().toString());
    }

    @Test
    void badTlsSettingsAreRefusedWhenTheProfileIsRead() throws Exception {
        Path both = dir.resolve("both.yaml");
        Files.writeString(both, "stack: {composeProject: homeiq}\ninflux: {version: 1, url: '" + server.url() + "', caFile: "
                + dir.resolve("server/ca.pem") + ", insecureSkipVerify: true}\nbuckets: [{name: home, retention: 30d}]\n");
        Path missing = dir.resolve("missing.yaml");
        Files.writeString(missing, "stack: {composeProject: homeiq}\ninflux: {version: 1, url: '" + server.url()
                + "', caFile: /nonexistent/ca.pem}\nbuckets: [{name: home, retention: 30d}]\n");

        ProfileLoader loader = new ProfileLoader(Map.of(), dir);
        ResetException twice = assertThrows(ResetException.class, () -> loader.load(both));
        ResetException absent = assertThrows(ResetException.class, () -> loader.load(missing));

        assertTrue(twice.userText().contains("insecureSkipVerify") && twice.userText().contains("caFile"), twice.userText());
        assertTrue(absent.userText().contains("influx.caFile") && absent.userText().contains("cannot be read"),
                absent.userText());
    }
}
