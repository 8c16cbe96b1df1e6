package io.github.influxreset.faults;

import static io.github.influxreset.testing.DockerRig.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.engine.actions.KeepVolumeCopy;
import io.github.influxreset.engine.run.ActionStatus;
import io.github.influxreset.engine.run.Journal;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.testing.CliProcess;
import io.github.influxreset.testing.DockerRig;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line is killed ({@code kill -9}) while a helper container copies the InfluxDB volume
 * to its kept copy (a restore from a set's volume snapshots keeps one), in the middle of an action:
 * the helper is left holding the copy. Rollback must still put everything back (the helper and its
 * anonymous volumes go first), and the next reset must run. Checked from outside: every container
 * and volume on the engine, before and after.
 */
@ExtendWith(RequiresDocker.class)
class HelperLeftBehindIT {
    private static final int POINTS = 300;
    @TempDir
    static Path dir;
    static RigStack rig;
    static InfluxV1Adapter influx;

    @BeforeAll
    static void start() throws Exception {
        rig = new RigStack(dir.resolve("rig")).start();
        influx = new InfluxV1Adapter(rig.profile.influx());
        influx.createBucket(new BucketSpec("home_assistant_events", Retention.parse("30d").orElseThrow()));
        StringBuilder lines = new StringBuilder();
        long now = System.currentTimeMillis() * 1_000_000L;
        for (int i = 0; i < POINTS; i++) {
            lines.append("home_assistant_events,entity_id=s").append(i % 3).append(" normalized_value=").append(i)
                    .append(" ").append(now - i * 1_000_000_000L).append('\n');
        }
        influx.write("home_assistant_events", lines.toString());
        // a volume big enough that copying it takes a moment, so the kill lands inside the copy
        docker("run", "--rm", "--network", "none", "-v", rig.volume + ":/data", DockerRig.BUSYBOX_IMAGE,
                "dd", "if=/dev/zero", "of=/data/padding", "bs=1M", "count=400");
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    void aKillWhileAHelperCopiesTheVolumeIsRolledBackWithNothingLeftOver() throws Exception {
        Path home = dir.resolve("home");
        assertEquals(0, cli(home, "backup"), "a set to restore from");
        String set = new AppContext(new AppHome(home), new ProfileLoader(Map.of(), dir)).ports(rig.profile).backups().list()
                .get(0);
        String containers = allContainers();
        String volumes = docker("volume", "ls", "-q");
        Process reset = CliProcess.start(home, dir.resolve("cli.log"), null, List.of("--profile",
                rig.profile.source().orElseThrow().toString(), "restore", set, "--from", "volumes", "--yes"));

        awaitCopyStartedWithAHelper(home, reset);
        reset.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(!docker("ps", "-aq", "--filter", "label=io.github.influxreset.helper=true").isBlank(),
                "the killed run left its helper behind");

        assertEquals(0, cli(home, "rollback"), "rollback after a kill inside the copy");
        assertEquals(POINTS, points(), "every point is back");
        assertEquals(containers, allContainers(), "no container left over or missing");
        assertEquals(volumes, docker("volume", "ls", "-q"), "no volume left over or missing");
        assertEquals(RunStatus.ROLLED_BACK, journal(home).runs().get(0).status());

        assertEquals(0, cli(home, "reset", "--mode", "full", "--yes"), "the next reset runs");
        assertEquals(0, points());
    }

    private static void awaitCopyStartedWithAHelper(Path home, Process reset) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline && reset.isAlive()) {
            boolean copying = journal(home).runs().stream().findFirst().map(run -> journal(home).actions(run.id()).stream()
                    .anyMatch(a -> a.kind().equals(KeepVolumeCopy.KIND) && a.status() == ActionStatus.STARTED)).orElse(false);
            if (copying && !docker("ps", "-aq", "--filter", "label=io.github.influxreset.helper=true").isBlank()) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        }
        throw new AssertionError("the restore never reached the volume copy with a helper running");
    }

    /** Every container on the engine with its name and image, sorted. */
    private static String allContainers() {
        return String.join("\n", docker("ps", "-a", "--format", "{{.Names}} {{.Image}}").lines().sorted().toList());
    }

    private static long points() {
        return influx.countPoints("home_assistant_events").values().stream().mapToLong(Long::longValue).sum();
    }

    private static Journal journal(Path home) {
        return new AppContext(new AppHome(home), new ProfileLoader(Map.of(), dir)).journal(rig.profile);
    }

    private static int cli(Path home, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--profile", rig.profile.source().orElseThrow().toString()));
        all.addAll(List.of(args));
        return CliProcess.run(home, dir.resolve("cli.log"), null, all);
    }
}
