package io.github.influxreset.bench;

import io.github.influxreset.engine.actions.EveryAction;
import static io.github.influxreset.testing.DockerRig.docker;

import io.github.influxreset.backup.FileBackupStore;
import io.github.influxreset.docker.DockerJavaAdapter;
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
import io.github.influxreset.engine.run.PlannedAction;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.Runner;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.store.SqliteJournal;
import io.github.influxreset.store.SqliteMetadataStore;
import io.github.influxreset.testing.DockerRig;
import io.github.influxreset.testing.Http;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a full reset costs beyond its work, on the rig (first service stopped → InfluxDB's data moved
 * aside and InfluxDB started empty → every service healthy → the old data dropped), median of 5,
 * beside the same work done with the docker CLI in the same run. Prints; asserts nothing about
 * time. Run with {@code mvn -Pbench verify}.
 */
@Tag("benchmark")
@ExtendWith(RequiresDocker.class)
class RestartCostBenchmark {
    private static final int RUNS = 5;
    @TempDir
    Path dir;

    @Test
    void downtimeOfAFullResetBesideTheDockerCli() throws Exception {
        List<Double> ours = new ArrayList<>();
        List<Double> cli = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            try (RigStack rig = new RigStack(dir.resolve("ours" + i)).start()) {
                ours.add(withEngine(rig));
            }
            try (RigStack rig = new RigStack(dir.resolve("cli" + i)).start()) {
                cli.add(withCli(rig));
            }
        }
        double engine = median(ours);
        double baseline = median(cli);
        System.out.printf("%nBENCHMARK downtime of stop -> recreate -> all healthy (median of %d)%n", RUNS);
        System.out.printf("  influx-reset engine: %.2f s   runs %s%n", engine, ours);
        System.out.printf("  docker CLI         : %.2f s   runs %s%n", baseline, cli);
        System.out.printf("  ratio engine / CLI : %.2fx   (goal <= 1.2x and <= 6 s)%n%n", engine / baseline);
        Bench.print("downtime_seconds", engine);
        Bench.print("downtime_cli_seconds", baseline);
        Bench.print("downtime_ratio", engine / baseline);
    }

    private double withEngine(RigStack rig) throws Exception {
        try (DockerJavaAdapter docker = new DockerJavaAdapter("unix:///var/run/docker.sock")) {
            InfluxV1Adapter influx = new InfluxV1Adapter(rig.profile.influx());
            var metadata = new SqliteMetadataStore(docker, rig.profile.stack().composeProject());
            Ports base = new Ports(docker, influx, null, metadata);
            Ports ports = new Ports(docker, influx, new FileBackupStore(rig.profile, base, Clock.systemUTC(), "bench"), metadata);
            Plan full = new ResetPlanner(Clock.systemUTC()).plan(rig.profile, ports, ResetMode.FULL).plan();
            List<PlannedAction> withoutValidation = full.actions().stream().filter(a -> a.step() != Step.VALIDATE).toList();
            List<PlannedAction> renumbered = new ArrayList<>();
            for (PlannedAction a : withoutValidation) {
                renumbered.add(new PlannedAction(renumbered.size(), a.step(), a.action()));
            }
            Plan plan = new Plan(full.id(), full.profileName(), ResetMode.FULL, renumbered);
            Runner runner = new Runner(new SqliteJournal(rig.dir.resolve("journal.db"), SecretMasker.NONE, Clock.systemUTC()),
                    EveryAction.catalog(), FaultInjector.NONE);
            RunContext run = runner.begin(plan, id -> new RunContext(rig.profile, ports, new LogBus(SecretMasker.NONE),
                    runner.journal(), id));
            run.confirm(rig.profile.confirmationWord());
            for (Step step : List.of(Step.PREREQUISITES, Step.BACKUP, Step.CONFIRM)) {
                runner.runStep(run, plan, step, Progress.NONE);
            }
            long start = System.nanoTime();
            runner.runStep(run, plan, Step.RESET, Progress.NONE);
            runner.runStep(run, plan, Step.RESTART, Progress.NONE);
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** The same work by hand: stop, move the volume's data aside inside it, start on it empty, wait, drop the old data. */
    private double withCli(RigStack rig) {
        String influxName = rig.containerName("influxdb");
        long start = System.nanoTime();
        for (int i = RigStack.SERVICES.size() - 1; i >= 0; i--) {
            docker("stop", rig.containerName(RigStack.SERVICES.get(i)));
        }
        docker("stop", influxName);
        docker("run", "--rm", "--network", "none", "-v", rig.volume + ":/v", "--entrypoint", "/bin/sh", DockerRig.INFLUX_IMAGE,
                "-c", "mkdir /v/.aside && for e in /v/*; do mv \"$e\" /v/.aside/; done");
        docker("start", influxName);
        Http.await(rig.url() + "/ping", 60_000);
        for (int i = 0; i < RigStack.SERVICES.size(); i++) {
            docker("start", rig.containerName(RigStack.SERVICES.get(i)));
            Http.await("http://127.0.0.1:" + rig.servicePorts[i] + "/health", 60_000);
        }
        docker("run", "--rm", "--network", "none", "-v", rig.volume + ":/v", "--entrypoint", "/bin/sh", DockerRig.INFLUX_IMAGE,
                "-c", "rm -rf /v/.aside");
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }
}
