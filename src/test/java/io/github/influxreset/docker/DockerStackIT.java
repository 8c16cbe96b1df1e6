package io.github.influxreset.docker;

import io.github.influxreset.engine.actions.EveryAction;
import static io.github.influxreset.testing.DockerRig.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.influxreset.backup.FileBackupStore;
import io.github.influxreset.domain.ContainerInfo;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.StackSnapshot;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.log.LogBus;
import io.github.influxreset.engine.log.SecretMasker;
import io.github.influxreset.engine.plan.ResetPlanner;
import io.github.influxreset.engine.port.Ports;
import io.github.influxreset.engine.run.ActionCatalog;
import io.github.influxreset.engine.run.FaultInjector;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.engine.run.Runner;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.store.SqliteJournal;
import io.github.influxreset.store.SqliteMetadataStore;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Docker adapter and the full reset on a real engine with a real InfluxDB 1.6.7. */
@ExtendWith(RequiresDocker.class)
class DockerStackIT {
    @TempDir
    Path dir;
    RigStack rig;
    DockerJavaAdapter docker;
    InfluxV1Adapter influx;
    Ports ports;
    Runner runner;
    LogBus log = new LogBus(SecretMasker.NONE);

    @BeforeEach
    void startStack() throws Exception {
        rig = new RigStack(dir).start();
        docker = new DockerJavaAdapter("unix:///var/run/docker.sock");
        influx = new InfluxV1Adapter(rig.profile.influx());
        var metadata = new SqliteMetadataStore(docker, rig.profile.stack().composeProject());
        Ports base = new Ports(docker, influx, null, metadata);
        ports = new Ports(docker, influx, new FileBackupStore(rig.profile, base, Clock.systemUTC(), "test"), metadata);
        runner = new Runner(new SqliteJournal(dir.resolve("journal.db"), SecretMasker.NONE, Clock.systemUTC()),
                EveryAction.catalog(), FaultInjector.NONE);
    }

    @AfterEach
    void removeStack() throws Exception {
        rig.close();
        docker.close();
    }

    private void seed(int points) {
        long now = System.currentTimeMillis() * 1_000_000L;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < points; i++) {
            lines.append("home_assistant_events,entity_id=sensor.s").append(i % 7).append(",domain=sensor state_value=\"")
                    .append(i).append("\",normalized_value=").append(i).append(".25 ").append(now - i * 1_000_000_000L)
                    .append('\n');
        }
        influx.createBucket(new io.github.influxreset.domain.BucketSpec("home_assistant_events",
                io.github.influxreset.domain.Retention.parse("30d").orElseThrow()));
        influx.write("home_assistant_events", lines.toString());
    }

    private long points() {
        return influx.countPoints("home_assistant_events").getOrDefault("home_assistant_events", 0L);
    }

    @Test
    void discoveryFindsEveryServiceByItsComposeLabelsWithTheInfluxVolume() {
        StackSnapshot stack = docker.discover(rig.project);

        assertEquals(5, stack.containers().size());
        for (String service : RigStack.SERVICES) {
            ContainerInfo container = stack.service(service).orElseThrow();
            assertEquals(rig.containerName(service), container.name());
            assertTrue(container.isRunning());
        }
        assertEquals(List.of(rig.volume), stack.service("influxdb").orElseThrow().volumeNames());
        assertFalse("none".equals(stack.service("data-api").orElseThrow().health()), "data-api has a health check");
    }

    @Test
    void stopAndStartAreIdempotentAndWaitForHealth() {
        String id = docker.discover(rig.project).service("data-api").orElseThrow().id();
        docker.stop(id, Duration.ofSeconds(10));
        docker.stop(id, Duration.ofSeconds(10));
        assertFalse(docker.discover(rig.project).service("data-api").orElseThrow().isRunning());
        docker.start(id);
        docker.start(id);
        docker.waitHealthy(id, Optional.empty(), Duration.ofSeconds(30));
        assertEquals("healthy", docker.discover(rig.project).service("data-api").orElseThrow().health());
    }

    @Test
    void fullResetStartsTheSameContainerOnItsEmptiedVolumeAndRollbackBringsEveryPointBack() throws Exception {
        seed(2_000);
        JsonNode before = inspect(rig.containerName("influxdb"));
        String volumesBefore = docker("volume", "ls", "-q");
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(rig.profile, ports, ResetMode.FULL).plan();
        RunContext run = runner.begin(plan, id -> new RunContext(rig.profile, ports, log, runner.journal(), id));
        run.confirm(rig.profile.confirmationWord());
        for (Step step : EnumSet.of(Step.PREREQUISITES, Step.BACKUP, Step.CONFIRM, Step.RESET)) {
            runner.runStep(run, plan, step, Progress.NONE);
        }

        JsonNode after = inspect(rig.containerName("influxdb"));
        assertEquals(before.path("Id"), after.path("Id"), "the same container");
        assertSameConfiguration(before, after);
        assertEquals(0, points(), "the emptied volume shows none of the old points");
        assertEquals(volumesBefore, docker("volume", "ls", "-q"), "no volume copied, made or removed");
        assertTrue(docker("run", "--rm", "--network", "none", "-v", rig.volume + ":/v", "--entrypoint", "/bin/sh",
                io.github.influxreset.testing.DockerRig.INFLUX_IMAGE, "-c", "ls -a /v").contains(".influx-reset-before-"
                + run.runId()), "the old data waits inside the volume");
        List<io.github.influxreset.domain.Finding> report = new io.github.influxreset.engine.checks.SchemaValidator(rig.profile, influx)
                .validate(run.runId());
        assertTrue(report.stream().noneMatch(f -> f.severity().isProblem()), "the freshly reset store validates: " + report);
        assertEquals("365d", influx.buckets().stream().filter(b -> b.name().equals("home_assistant_events"))
                .findFirst().orElseThrow().retention().format());

        runner.rollback(run);

        assertEquals(2_000, points());
        assertSameConfiguration(before, inspect(rig.containerName("influxdb")));
        for (String service : RigStack.SERVICES) {
            assertTrue(docker.discover(rig.project).service(service).orElseThrow().isRunning(), service);
        }
        assertEquals(volumesBefore, docker("volume", "ls", "-q"), "no copies or helper volumes left");
        assertEquals("", docker("ps", "-aq", "--filter", "label=io.github.influxreset.helper=true"), "no helpers left");
        assertEquals(RunStatus.ROLLED_BACK, runner.journal().run(run.runId()).orElseThrow().status());
    }

    @Test
    void aServiceThatNeverBecomesHealthyTimesOutNamingItWithItsLastLogLines() {
        String id = docker.discover(rig.project).service("sports-data").orElseThrow().id();
        ResetException failure = assertThrows(ResetException.class, () -> docker.waitHealthy(id,
                Optional.of("http://127.0.0.1:" + io.github.influxreset.testing.DockerRig.freePort() + "/health"),
                Duration.ofSeconds(2)));
        assertTrue(failure.getMessage().contains(rig.containerName("sports-data")), failure.getMessage());
        assertTrue(failure.getMessage().contains("did not become healthy within 2 s"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Last log lines"), failure.getMessage());
    }

    @Test
    void execStreamsOutputAndCopyMovesDirectoriesInAndOutAsTar() throws Exception {
        String id = docker.discover(rig.project).service("data-api").orElseThrow().id();
        List<String> lines = new java.util.ArrayList<>();
        assertEquals(0, docker.exec(id, List.of("/bin/busybox", "echo", "hello from data-api"), lines::add));
        assertEquals(List.of("hello from data-api"), lines);
        assertEquals(3, docker.exec(id, List.of("/bin/sh", "-c", "exit 3"), lines::add));

        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        docker.copyOut(id, "/www", out);
        assertTrue(tarEntries(out.toByteArray()).contains("www/health"), "the directory came out as tar");

        java.io.ByteArrayOutputStream tar = new java.io.ByteArrayOutputStream();
        try (var archive = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(tar)) {
            byte[] body = "copied in\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("note.txt");
            entry.setSize(body.length);
            archive.putArchiveEntry(entry);
            archive.write(body);
            archive.closeArchiveEntry();
        }
        docker.copyIn(id, "/www", new java.io.ByteArrayInputStream(tar.toByteArray()));
        lines.clear();
        docker.exec(id, List.of("/bin/busybox", "cat", "/www/note.txt"), lines::add);
        assertEquals(List.of("copied in"), lines);
    }

    private static List<String> tarEntries(byte[] tar) throws java.io.IOException {
        List<String> names = new java.util.ArrayList<>();
        try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(new java.io.ByteArrayInputStream(tar))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static List<String> binds(JsonNode inspect) {
        List<String> binds = new java.util.ArrayList<>();
        inspect.path("HostConfig").path("Binds").forEach(b -> binds.add(b.asText().replaceFirst(":rw$", "")));
        return binds;
    }

    private static JsonNode inspect(String name) throws Exception {
        return new ObjectMapper().readTree(docker("inspect", name)).get(0);
    }

    private static void assertSameConfiguration(JsonNode before, JsonNode after) {
        for (String field : List.of("Image", "Env", "Cmd", "Entrypoint", "Labels", "Healthcheck", "User", "WorkingDir")) {
            assertEquals(before.path("Config").path(field), after.path("Config").path(field), "Config." + field);
        }
        // docker-java writes the default access mode out (":rw"); Docker means the same without it
        assertEquals(binds(before), binds(after), "HostConfig.Binds");
        assertEquals(before.path("Mounts").findValues("RW"), after.path("Mounts").findValues("RW"), "Mounts.RW");
        for (String field : List.of("NetworkMode", "RestartPolicy", "Init", "PortBindings")) {
            assertEquals(before.path("HostConfig").path(field), after.path("HostConfig").path(field), "HostConfig." + field);
        }
        assertEquals(before.path("Mounts").findValuesAsText("Name"), after.path("Mounts").findValuesAsText("Name"), "volumes");
        assertEquals(before.path("Name"), after.path("Name"));
    }
}
