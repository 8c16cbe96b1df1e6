package io.github.influxreset.docker;

import io.github.influxreset.engine.actions.EveryAction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.backup.FileBackupStore;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.log.LogBus;
import io.github.influxreset.engine.log.SecretMasker;
import io.github.influxreset.engine.plan.ResetPlanner;
import io.github.influxreset.engine.port.Ports;
import io.github.influxreset.engine.run.ActionCatalog;
import io.github.influxreset.engine.run.FaultInjector;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.Runner;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.store.SqliteJournal;
import io.github.influxreset.store.SqliteMetadataStore;
import io.github.influxreset.testing.DockerRig;
import io.github.influxreset.testing.Http;
import io.github.influxreset.testing.RequiresDocker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A stack made by Debian's docker-compose: found by the wizard, and still compose's after a reset. */
@ExtendWith(RequiresDocker.class)
class ComposeStackIT {
    @TempDir
    Path dir;
    String project = "irc" + UUID.randomUUID().toString().substring(0, 8);
    int influxPort = DockerRig.freePort();
    int apiPort = DockerRig.freePort();
    Path composeFile;

    @BeforeEach
    void composeUp() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/docker-compose"))) {
            String reason = "Debian's docker-compose is not installed";
            if (Boolean.getBoolean("require.docker")) {
                throw new IllegalStateException(reason + " (required: -Drequire.docker=true)");
            }
            System.out.println("SKIPPED ComposeStackIT: " + reason);
            Assumptions.abort(reason);
        }
        Path file = dir.resolve("docker-compose.yml");
        Files.writeString(file, String.join("\n",
                "version: \"2.4\"",
                "services:",
                "  influxdb:",
                "    image: " + DockerRig.INFLUX_IMAGE,
                "    network_mode: host",
                "    restart: unless-stopped",
                "    environment:",
                "      INFLUXDB_HTTP_BIND_ADDRESS: 127.0.0.1:" + influxPort,
                "      INFLUXDB_BIND_ADDRESS: 127.0.0.1:" + DockerRig.freePort(),
                "    volumes: [influxdb-data:/var/lib/influxdb]",
                "  data-api:",
                "    image: " + DockerRig.BUSYBOX_IMAGE,
                "    network_mode: host",
                "    init: true",
                "    command: [httpd, -f, -p, \"127.0.0.1:" + apiPort + "\", -h, /www]",
                "volumes:",
                "  influxdb-data: {}", ""));
        composeFile = file;
        compose("up", "-d");
        Http.await("http://127.0.0.1:" + influxPort + "/ping", 30_000);
    }

    @AfterEach
    void composeDown() throws Exception {
        if (composeFile != null && Files.exists(composeFile)) {
            compose("down", "-v", "--remove-orphans");
        }
    }

    @Test
    void theFirstRunFindsTheProjectFromTheLabelsComposeWrote() throws Exception {
        Files.writeString(dir.resolve(".env"), "INFLUXDB_DB=home\n");
        var found = new DockerJavaAdapter("unix:///var/run/docker.sock").composeProjects().stream()
                .filter(p -> p.name().equals(project)).findFirst().orElseThrow();
        var draft = new io.github.influxreset.config.StackGuesser(dir).guess(found);

        assertEquals(java.util.Optional.of(dir.toRealPath()), found.workingDir().map(Path::normalize));
        assertEquals(List.of(composeFile.toRealPath()), found.configFiles());
        assertEquals(java.util.Optional.of(dir.toRealPath().resolve(".env")), draft.envFile());
        assertEquals("influxdb", draft.influxService());
        assertEquals(1, draft.influxVersion());
        assertEquals("http://127.0.0.1:" + influxPort, draft.url());
        assertEquals(List.of("data-api"), draft.services());
    }

    /**
     * A full reset keeps compose's container and volumes: the stack's own {@code docker-compose up
     * -d} (after a stop, as a user restarting the stack) starts InfluxDB on the reset's data; after
     * the rollback of a reset, on the old data again.
     */
    @Test
    void composeStartsInfluxOnTheNewDataAfterAFullResetAndOnTheOldAfterItsRollback() throws Exception {
        Profile profile = profile();
        DockerJavaAdapter docker = new DockerJavaAdapter("unix:///var/run/docker.sock");
        InfluxV1Adapter influx = new InfluxV1Adapter(profile.influx());
        var metadata = new SqliteMetadataStore(docker, profile.stack().composeProject());
        Ports base = new Ports(docker, influx, null, metadata);
        Ports ports = new Ports(docker, influx, new FileBackupStore(profile, base, Clock.systemUTC(), "test"), metadata);
        String container = compose("ps", "-q", "influxdb");
        assertEquals(2, docker.discover(project).containers().size(), "the wizard finds every compose service");
        influx.createBucket(new io.github.influxreset.domain.BucketSpec(EVENTS,
                io.github.influxreset.domain.Retention.parse("30d").orElseThrow()));
        influx.write(EVENTS, "home_assistant_events,entity_id=a value=1 " + System.currentTimeMillis() * 1_000_000L + "\n");

        Runner runner = runner();
        runner.finish(fullReset(runner, profile, ports));

        assertEquals(container, compose("ps", "-q", "influxdb"), "the same container, compose's own");
        restartWithCompose();
        assertEquals(Map.of(), influx.countPoints(EVENTS), "compose starts InfluxDB on the reset's data");
        assertEquals("365d", influx.buckets().stream().filter(b -> b.name().equals(EVENTS)).findFirst().orElseThrow()
                .retention().format(), "the profile's bucket");

        influx.write(EVENTS, "home_assistant_events,entity_id=b value=2 " + System.currentTimeMillis() * 1_000_000L + "\n");
        runner.rollback(fullReset(runner, profile, ports));

        restartWithCompose();
        assertEquals(Map.of(EVENTS, 1L), influx.countPoints(EVENTS), "after the rollback compose starts it on the old data");
        assertEquals(container, compose("ps", "-q", "influxdb"));
        docker.close();
    }

    private static final String EVENTS = "home_assistant_events";

    private Runner runner() {
        return new Runner(new SqliteJournal(dir.resolve("journal.db"), SecretMasker.NONE, Clock.systemUTC()),
                EveryAction.catalog(), FaultInjector.NONE);
    }

    private RunContext fullReset(Runner runner, Profile profile, Ports ports) {
        Plan plan = new ResetPlanner(Clock.systemUTC()).plan(profile, ports, ResetMode.FULL).plan();
        RunContext run = runner.begin(plan, id -> new RunContext(profile, ports, new LogBus(SecretMasker.NONE), runner.journal(), id));
        run.confirm(profile.confirmationWord());
        for (Step step : Step.values()) {
            runner.runStep(run, plan, step, Progress.NONE);
        }
        return run;
    }

    private void restartWithCompose() throws Exception {
        compose("stop", "influxdb");
        compose("up", "-d");
        Http.await("http://127.0.0.1:" + influxPort + "/ping", 30_000);
    }

    private Profile profile() throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, String.join("\n",
                "stack: {composeProject: " + project + ", configFiles: [" + composeFile + "]}",
                "influx: {version: 1, service: influxdb, url: 'http://127.0.0.1:" + influxPort + "'}",
                "buckets: [{name: home_assistant_events, retention: 365d}]",
                "services: [{name: data-api, health: 'http://127.0.0.1:" + apiPort + "/health', timeout: 30s}]",
                "backups: {dir: " + dir.resolve("backups") + "}", ""));
        return new ProfileLoader(Map.of(), dir).load(file);
    }

    private String compose(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-p", project, "-f", composeFile.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out.strip();
    }
}
