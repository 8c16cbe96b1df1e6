package io.github.influxreset.docker;

import static io.github.influxreset.testing.DockerRig.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.config.StackGuesser;
import io.github.influxreset.domain.ComposeProject;
import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.ProfileDraft;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Severity;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.checks.PrerequisiteChecks;
import io.github.influxreset.engine.plan.ResetPlanner;
import io.github.influxreset.engine.port.Ports;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.PlannedAction;
import io.github.influxreset.testing.DockerRig;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stack shaped as HomeIQ's: compose's depends_on chain (websocket-ingestion after enrichment and
 * data-api, both after InfluxDB), a writer the profile leaves out, a health endpoint that answers
 * 200 but says unhealthy. What the first run proposes, what the checks warn of, in which order the
 * reset stops and starts, and what counts as healthy.
 */
@ExtendWith(RequiresDocker.class)
class HomeIqShapeIT {
    @TempDir
    static Path dir;
    static RigStack rig;
    static Ports ports;

    @BeforeAll
    static void start() throws Exception {
        rig = new RigStack(dir.resolve("rig")).withExtraWriter().start();
        ports = new AppContext(new AppHome(dir.resolve("home")), new ProfileLoader(Map.of(), dir)).ports(rig.profile);
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    void theFirstRunProposesEveryServiceInTheOrderComposeStartsThem() {
        ComposeProject project = ports.docker().composeProjects().stream().filter(p -> p.name().equals(rig.project))
                .findFirst().orElseThrow();
        ProfileDraft draft = new StackGuesser(dir.resolve("user")).guess(project);
        assertEquals(List.of(RigStack.EXTRA_WRITER, "data-api", "enrichment-pipeline", "sports-data", "websocket-ingestion"),
                draft.services());
        assertTrue(draft.notes().contains("Service '" + RigStack.EXTRA_WRITER + "' uses InfluxDB (its environment has "
                + "INFLUXDB_URL)."), draft.notes().toString());
        assertTrue(draft.notes().contains("Service 'websocket-ingestion' uses InfluxDB (depends on enrichment-pipeline)."),
                draft.notes().toString());
    }

    @Test
    void aRunningWriterLeftOutOfTheProfileIsAWarningThatSaysWhatToDo() {
        List<Finding> findings = new PrerequisiteChecks(rig.profile, ports).run();
        Finding writer = findings.stream().filter(f -> f.subject().equals("Service " + RigStack.EXTRA_WRITER)).findFirst()
                .orElseThrow(() -> new AssertionError(findings.toString()));
        assertEquals(Severity.WARNING, writer.severity());
        assertTrue(writer.message().contains("uses InfluxDB (its environment has INFLUXDB_URL)"), writer.message());
        assertTrue(writer.message().contains("add it to 'services' in the profile"), writer.message());
    }

    @Test
    void theResetStopsDependentsFirstAndStartsThemLast() {
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(rig.profile, ports, ResetMode.FULL).plan();
        List<String> stops = services(plan, Step.RESET, "stop-service");
        List<String> starts = services(plan, Step.RESTART, "start-service");
        assertEquals(List.of("sports-data", "websocket-ingestion", "data-api", "enrichment-pipeline", "influxdb"), stops);
        assertEquals(List.of("enrichment-pipeline", "data-api", "websocket-ingestion", "sports-data"), starts);
    }

    @Test
    void aHealthReplyOf200ThatSaysUnhealthyIsNotHealthy() throws Exception {
        Path www = Files.createDirectories(dir.resolve("www"));
        Path health = Files.writeString(www.resolve("health"), "{\"status\":\"unhealthy\",\"influxdb\":\"gone\"}");
        int port = DockerRig.freePort();
        String id = docker("run", "-d", "--network", "host", "-v", www + ":/www:ro", "--label", "io.github.influxreset.test=true",
                DockerRig.BUSYBOX_IMAGE, "httpd", "-f", "-p", "127.0.0.1:" + port, "-h", "/www");
        try {
            Optional<String> url = Optional.of("http://127.0.0.1:" + port + "/health");
            ResetException unhealthy = assertThrows(ResetException.class,
                    () -> ports.docker().waitHealthy(id, url, Duration.ofSeconds(2)));
            assertTrue(unhealthy.getMessage().contains("answered HTTP 200 but its reply says status unhealthy"),
                    unhealthy.getMessage());
            Files.writeString(health, "{\"status\":\"healthy\",\"dependencies\":{\"influxdb\":{\"status\":\"connected\"}}}");
            ports.docker().waitHealthy(id, url, Duration.ofSeconds(10));
        } finally {
            docker("rm", "-f", id);
        }
    }

    private static List<String> services(Plan plan, Step step, String kind) {
        return plan.actions().stream().filter(a -> a.step() == step && a.action().kind().equals(kind))
                .map(PlannedAction::action).map(a -> a.params().get("service")).toList();
    }
}
