package io.github.influxreset.docker;

import static io.github.influxreset.testing.DockerRig.docker;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.config.EngineChooser;
import io.github.influxreset.domain.ComposeProject;
import io.github.influxreset.domain.DockerEngine;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.testing.DockerRig;
import io.github.influxreset.testing.Required;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.SecondEngine;
import io.github.influxreset.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second, real Docker engine on {@code tcp://127.0.0.1} with TLS and client certificates (issue
 * 28): the engine named by DOCKER_HOST + DOCKER_TLS_VERIFY + DOCKER_CERT_PATH, or by a docker context
 * holding TLS material, is the one acted on; without the right certificates it is a sentence.
 */
@ExtendWith(RequiresDocker.class)
class EngineOverTlsIT {
    @TempDir
    static Path dir;
    static SecondEngine engine;

    @BeforeAll
    static void startTheSecondEngine() throws Exception {
        SecondEngine.unavailableReason().ifPresent(reason -> Required.missing("EngineOverTlsIT", reason));
        engine = SecondEngine.start(dir.resolve("engine"), new TestCertificates("influx-reset test CA"));
    }

    @AfterAll
    static void stopIt() throws Exception {
        if (engine != null) {
            engine.close();
        }
    }

    private DockerEngine chosen(Map<String, String> environment) {
        return new EngineChooser(environment, dir).choose(Optional.empty(), Optional.empty());
    }

    private static List<String> projects(DockerEngine on) throws Exception {
        try (DockerJavaAdapter docker = new DockerJavaAdapter(on)) {
            return docker.composeProjects().stream().map(ComposeProject::name).toList();
        }
    }

    @Test
    void dockerTlsVerifyActsOnTheEngineTheUserNamedNotTheLocalOne() throws Exception {
        String onlyOnTheFirst = "irt" + UUID.randomUUID().toString().substring(0, 8);
        String container = docker("create", "--label", "com.docker.compose.project=" + onlyOnTheFirst,
                "--label", "com.docker.compose.service=app", DockerRig.BUSYBOX_IMAGE, "true");
        try {
            DockerEngine named = chosen(Map.of("DOCKER_HOST", engine.host(), "DOCKER_TLS_VERIFY", "1",
                    "DOCKER_CERT_PATH", engine.clientCertificates.toString()));

            assertTrue(named.describe().contains(engine.host()) && named.describe().contains("TLS verified"), named.describe());
            assertFalse(projects(named).contains(onlyOnTheFirst), "the second engine has no such project");
            assertTrue(projects(chosen(Map.of())).contains(onlyOnTheFirst), "the local engine has it");
        } finally {
            docker("rm", container);
        }
    }

    @Test
    void aContextHoldingTlsMaterialIsUsedAsTheDockerCliUsesIt() throws Exception {
        Path meta = dir.resolve(".docker/contexts/meta").resolve(EngineChooser.digest("nas"));
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"nas\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\""
                + engine.host() + "\",\"SkipTLSVerify\":false}}}");
        Path tls = Files.createDirectories(dir.resolve(".docker/contexts/tls").resolve(EngineChooser.digest("nas"))
                .resolve("docker"));
        for (String file : List.of("ca.pem", "cert.pem", "key.pem")) {
            Files.copy(engine.clientCertificates.resolve(file), tls.resolve(file));
        }

        DockerEngine named = chosen(Map.of("DOCKER_CONTEXT", "nas"));

        try (DockerJavaAdapter docker = new DockerJavaAdapter(named)) {
            assertFalse(docker.engineVersion().isBlank());
        }
    }

    @Test
    void withoutTlsItIsASentenceThatSaysTheEngineWantsTls() {
        ResetException refused = assertThrows(ResetException.class, () -> version(chosen(Map.of("DOCKER_HOST", engine.host()))));

        assertTrue(refused.userText().contains(engine.host()) && refused.userText().contains("DOCKER_TLS_VERIFY"),
                refused.userText());
    }

    @Test
    void aClientCertificateOfAnotherAuthorityIsRefusedWithASentence() throws Exception {
        Path impostor = new TestCertificates("another CA").client(dir.resolve("impostor"));

        ResetException refused = assertThrows(ResetException.class, () -> version(chosen(Map.of("DOCKER_HOST", engine.host(),
                "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", impostor.toString()))));

        assertTrue(refused.userText().contains("TLS") && refused.userText().contains(engine.host()), refused.userText());
        assertFalse(refused.userText().contains("Exception"), refused.userText());
    }

    private static String version(DockerEngine on) throws Exception {
        try (DockerJavaAdapter docker = new DockerJavaAdapter(on)) {
            return docker.engineVersion();
        }
    }
}
