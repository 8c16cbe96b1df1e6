package io.github.influxreset.docker;

import io.github.influxreset.engine.actions.EveryAction;
import static io.github.influxreset.testing.DockerRig.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.backup.FileBackupStore;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.log.LogBus;
import io.github.influxreset.engine.log.SecretMasker;
import io.github.influxreset.engine.plan.ResetPlanner;
import io.github.influxreset.engine.port.Ports;
import io.github.influxreset.engine.run.ActionCatalog;
import io.github.influxreset.engine.run.FaultInjector;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.PlannedAction;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.Runner;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.store.SqliteJournal;
import io.github.influxreset.store.SqliteMetadataStore;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the real stack, for every action of both reset modes: run the plan up to and including that
 * action, roll back, and check the stack is exactly as before (points, container, services,
 * volumes). Proves each action's undo, and that a failure at any point is safe.
 */
@ExtendWith(RequiresDocker.class)
class EveryActionUndoIT {
    private static final int POINTS = 300;
    @TempDir
    static Path dir;
    static RigStack rig;
    static DockerJavaAdapter docker;
    static InfluxV1Adapter influx;
    static Ports ports;

    @BeforeAll
    static void startStack() throws Exception {
        rig = new RigStack(dir).start();
        docker = new DockerJavaAdapter("unix:///var/run/docker.sock");
        influx = new InfluxV1Adapter(rig.profile.influx());
        var metadata = new SqliteMetadataStore(docker, rig.profile.stack().composeProject());
        Ports base = new Ports(docker, influx, null, metadata);
        ports = new Ports(docker, influx, new FileBackupStore(rig.profile, base, Clock.systemUTC(), "test"), metadata);
        influx.createBucket(new BucketSpec("home_assistant_events", Retention.parse("30d").orElseThrow()));
        long now = System.currentTimeMillis() * 1_000_000L;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < POINTS; i++) {
            lines.append("home_assistant_events,entity_id=e").append(i % 3).append(" normalized_value=").append(i)
                    .append(".5 ").append(now - i * 1_000_000_000L).append('\n');
        }
        influx.write("home_assistant_events", lines.toString());
    }

    @AfterAll
    static void removeStack() throws Exception {
        rig.close();
        docker.close();
    }

    @Test
    void everyFullResetActionIsUndoneExactly() {
        checkEveryPrefix(ResetMode.FULL);
    }

    @Test
    void everyBucketResetActionIsUndoneExactly() {
        checkEveryPrefix(ResetMode.BUCKETS);
    }

    private void checkEveryPrefix(ResetMode mode) {
        Plan full = new ResetPlanner(Clock.systemUTC()).plan(rig.profile, ports, mode).plan();
        List<PlannedAction> reset = full.actionsOf(Step.RESET);
        String configBefore = configOf("influxdb");
        String volumesBefore = docker("volume", "ls", "-q");
        for (PlannedAction last : reset) {
            Plan prefix = new ResetPlanner(Clock.systemUTC()).plan(rig.profile, ports, mode).plan();
            Plan truncated = new Plan(prefix.id(), prefix.profileName(), mode,
                    new ArrayList<>(prefix.actions().subList(0, last.index() + 1)));
            Runner runner = new Runner(new SqliteJournal(dir.resolve("journal.db"), SecretMasker.NONE, Clock.systemUTC()),
                    EveryAction.catalog(), FaultInjector.NONE);
            RunContext run = runner.begin(truncated, id -> new RunContext(rig.profile, ports,
                    new LogBus(SecretMasker.NONE), runner.journal(), id));
            run.confirm(rig.profile.confirmationWord());
            for (Step step : Step.values()) {
                runner.runStep(run, truncated, step, Progress.NONE);
            }
            runner.rollback(run);

            String after = "after undoing up to '" + last.describe() + "'";
            assertEquals(POINTS, influx.countPoints("home_assistant_events").get("home_assistant_events"), after);
            assertEquals("30d", influx.buckets().stream().filter(b -> b.name().equals("home_assistant_events"))
                    .findFirst().orElseThrow().retention().format(), after);
            assertEquals(configBefore, configOf("influxdb"), after);
            for (String service : RigStack.SERVICES) {
                assertTrue(docker.discover(rig.project).service(service).orElseThrow().isRunning(), service + " " + after);
            }
            assertEquals(volumesBefore, docker("volume", "ls", "-q"), after);
        }
    }

    private static String configOf(String service) {
        return docker("inspect", "--format", "{{json .Config.Env}} {{json .Config.Labels}} {{.Config.Image}} "
                + "{{json .HostConfig.RestartPolicy}} {{.HostConfig.NetworkMode}} {{range .Mounts}}{{.Name}}:{{.Destination}} {{end}}",
                rig.containerName(service));
    }
}
