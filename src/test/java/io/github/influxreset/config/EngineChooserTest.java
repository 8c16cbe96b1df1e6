package io.github.influxreset.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.DockerContext;
import io.github.influxreset.domain.DockerEngine;
import io.github.influxreset.domain.ResetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine is the one the user named, in the docker CLI's order, with the profile first (issue 28, item 1). */
class EngineChooserTest {
    private static final String NAS = "tcp://127.0.0.1:2376";

    @TempDir
    Path home;

    private DockerEngine choose(Map<String, String> environment) {
        return new EngineChooser(environment, home).choose(Optional.empty(), Optional.empty());
    }

    /** Writes a context as 'docker context create' does: meta.json under the SHA-256 of its name. */
    private void context(String name, String host, boolean withTls) throws Exception {
        Path meta = home.resolve(".docker/contexts/meta").resolve(EngineChooser.digest(name));
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":"
                + "{\"Host\":\"" + host + "\",\"SkipTLSVerify\":false}}}");
        if (withTls) {
            Path tls = home.resolve(".docker/contexts/tls").resolve(EngineChooser.digest(name)).resolve("docker");
            Files.createDirectories(tls);
            Files.writeString(tls.resolve("ca.pem"), "not read here");
        }
    }

    private void currentContext(String name) throws Exception {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{\"registry\":{\"auth\":\"c2VjcmV0\"}},"
                + "\"currentContext\":\"" + name + "\"}");
    }

    @Test
    void theDigestIsTheOneTheDockerCliUsesForAContextFolder() {
        // Docker Desktop's context 'desktop-linux' lives in contexts/meta/fe9c…, as sha256sum of its name gives
        assertEquals("fe9c6bd7a66301f49ca9b6a70b217107cd1284598bfc254700c989b916da791e", EngineChooser.digest("desktop-linux"));
    }

    @Test
    void dockerHostIsUsedWhenTheProfileNamesNoEngine() {
        DockerEngine engine = choose(Map.of("DOCKER_HOST", "unix:///nonexistent.sock"));

        assertEquals("unix:///nonexistent.sock", engine.host());
        assertEquals("DOCKER_HOST", engine.chosenBy());
    }

    @Test
    void theProfilesHostWinsOverDockerHost() {
        DockerEngine engine = new EngineChooser(Map.of("DOCKER_HOST", "unix:///other.sock"), home)
                .choose(Optional.of("unix:///srv/docker.sock"), Optional.empty());

        assertEquals("unix:///srv/docker.sock", engine.host());
        assertEquals("the profile's docker.host", engine.chosenBy());
    }

    @Test
    void theCurrentContextIsUsedWhenNoVariableNamesAnEngine() throws Exception {
        context("nas", NAS, true);
        currentContext("nas");

        DockerEngine engine = choose(Map.of());

        assertEquals(NAS, engine.host());
        assertEquals(Optional.of("nas"), engine.context());
        assertEquals(Optional.of(home.resolve(".docker/contexts/tls").resolve(EngineChooser.digest("nas")).resolve("docker")),
                engine.tlsMaterial(), "the context's TLS material");
        assertTrue(engine.describe().contains("docker context 'nas'"), engine.describe());
    }

    @Test
    void dockerHostBeatsTheCurrentContextAndDockerContextBeatsConfigJson() throws Exception {
        context("nas", NAS, false);
        context("pi", "tcp://127.0.0.1:2377", false);
        currentContext("nas");

        assertEquals("unix:///run/user/1000/docker.sock",
                choose(Map.of("DOCKER_HOST", "unix:///run/user/1000/docker.sock")).host());
        assertEquals("tcp://127.0.0.1:2377", choose(Map.of("DOCKER_CONTEXT", "pi")).host());
        assertEquals("DOCKER_CONTEXT", choose(Map.of("DOCKER_CONTEXT", "pi")).chosenBy().replaceFirst(".*named by ", ""));
    }

    @Test
    void dockerConfigMovesTheSettingsFolder() throws Exception {
        context("nas", NAS, false);
        Path moved = home.resolve("elsewhere");
        Files.move(home.resolve(".docker"), moved);

        DockerEngine engine = choose(Map.of("DOCKER_CONFIG", moved.toString(), "DOCKER_CONTEXT", "nas"));

        assertEquals(NAS, engine.host());
    }

    @Test
    void nothingNamedIsTheLocalSocketAndSaysWhy() {
        DockerEngine engine = choose(Map.of());

        assertEquals(DockerEngine.LOCAL_SOCKET, engine.host());
        assertTrue(engine.chosenBy().contains("no docker.host, DOCKER_HOST or docker context"), engine.chosenBy());
        assertEquals(DockerEngine.LOCAL_SOCKET, choose(Map.of("DOCKER_CONTEXT", "default")).host());
    }

    @Test
    void aContextThatDoesNotExistIsASentenceNotTheLocalSocket() {
        ResetException missing = assertThrows(ResetException.class, () -> choose(Map.of("DOCKER_CONTEXT", "nas")));

        assertEquals(ResetException.Reason.BAD_INPUT, missing.reason());
        assertTrue(missing.userText().contains("docker context 'nas'") && missing.userText().contains("docker context ls"),
                missing.userText());
    }

    @Test
    void aContextThatSkipsTlsVerificationIsRefused() throws Exception {
        context("careless", NAS, false);
        Path meta = home.resolve(".docker/contexts/meta").resolve(EngineChooser.digest("careless")).resolve("meta.json");
        Files.writeString(meta, Files.readString(meta).replace("\"SkipTLSVerify\":false", "\"SkipTLSVerify\":true"));

        ResetException refused = assertThrows(ResetException.class, () -> choose(Map.of("DOCKER_CONTEXT", "careless")));

        assertTrue(refused.userText().contains("skips TLS verification"), refused.userText());
    }

    @Test
    void aBrokenConfigJsonNamesTheFileButNeverItsCredentials() throws Exception {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\": {\"r\": {\"auth\": c2VjcmV0}}");

        ResetException broken = assertThrows(ResetException.class, () -> choose(Map.of()));

        assertTrue(broken.userText().contains("config.json") && broken.userText().contains("not valid JSON"), broken.userText());
        assertFalse(broken.userText().contains("c2VjcmV0"), broken.userText());
    }

    @Test
    void dockerTlsVerifyTakesTheCertificatesFromDockerCertPath() throws Exception {
        Path certs = Files.createDirectories(home.resolve("certs"));
        Files.writeString(certs.resolve("ca.pem"), "not read here");

        DockerEngine engine = choose(Map.of("DOCKER_HOST", NAS, "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", certs.toString()));
        ResetException noCa = assertThrows(ResetException.class, () -> choose(Map.of("DOCKER_HOST", NAS,
                "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", home.resolve("none").toString())));

        assertEquals(Optional.of(certs), engine.tlsMaterial());
        assertTrue(noCa.userText().contains("DOCKER_CERT_PATH"), noCa.userText());
    }

    @Test
    void theKnownEnginesAreTheContextsWithTheCurrentOneMarked() throws Exception {
        context("nas", NAS, false);
        context("pi", "ssh://pi@127.0.0.1", false);
        currentContext("pi");

        List<DockerContext> known = new EngineChooser(Map.of(), home).contexts();

        assertEquals(List.of(new DockerContext("default", DockerEngine.LOCAL_SOCKET, false),
                new DockerContext("nas", NAS, false), new DockerContext("pi", "ssh://pi@127.0.0.1", true)), known);
    }

    @Test
    void aProfileNamingBothAHostAndAContextIsRefused() {
        ResetException both = assertThrows(ResetException.class, () -> new EngineChooser(Map.of(), home)
                .choose(Optional.of(NAS), Optional.of("nas")));

        assertTrue(both.userText().contains("both docker.host and docker.context"), both.userText());
    }
}
