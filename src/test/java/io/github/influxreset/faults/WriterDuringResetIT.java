package io.github.influxreset.faults;

import static io.github.influxreset.testing.DockerRig.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.engine.run.RunRecord;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.testing.CliProcess;
import io.github.influxreset.testing.DockerRig;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import io.github.influxreset.testing.RigWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A service of the stack writes a numbered point five times a second all through a reset (a busybox
 * stand-in posting to InfluxDB 1.6.7, stopped and started by the reset like every service). Every
 * point it logged as written must be afterwards in the run's backup set or in the new bucket.
 */
@ExtendWith(RequiresDocker.class)
class WriterDuringResetIT {
    @TempDir
    Path dir;
    RigStack rig;
    RigWriter writer;
    InfluxV1Adapter influx;
    Path profile;

    @BeforeEach
    void start() throws Exception {
        rig = new RigStack(dir.resolve("rig")).start();
        influx = new InfluxV1Adapter(rig.profile.influx());
        influx.createBucket(new BucketSpec("home_assistant_events", Retention.parse("30d").orElseThrow()));
        // a volume that takes a moment to snapshot: the export ends well before the writers stop, as on a big database
        docker("run", "--rm", "--network", "none", "-v", rig.volume + ":/data", DockerRig.BUSYBOX_IMAGE,
                "dd", "if=/dev/zero", "of=/data/padding", "bs=1M", "count=300");
        writer = RigWriter.start(rig);
        profile = RigWriter.listedIn(rig.profile.source().orElseThrow());
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"buckets", "full"})
    void everyPointWrittenBeforeTheStopIsInTheSetOrTheNewBucket(String mode) throws Exception {
        Path home = dir.resolve("home");
        int code = CliProcess.run(home, dir.resolve("cli.log"), null, List.of("--profile", profile.toString(), "reset",
                "--mode", mode, "--yes"));
        assertEquals(0, code, Files.readString(dir.resolve("cli.log")));
        writer.awaitWrites(3);

        Set<Long> logged = writer.acknowledged();
        Set<Long> kept = new TreeSet<>(RigWriter.numbersIn(exportOfTheRunsSet(home)));
        kept.addAll(RigWriter.numbersIn(liveExport()));
        Set<Long> lost = logged.stream().filter(n -> !kept.contains(n)).collect(Collectors.toCollection(TreeSet::new));

        System.out.println("WRITER DURING RESET (" + mode + "): " + logged.size() + " points logged as written, "
                + lost.size() + " lost; in the first set " + RigWriter.numbersIn(exportOf(home, firstSet(home))) + ", in the run's "
                + RigWriter.numbersIn(exportOfTheRunsSet(home)) + ", live " + RigWriter.numbersIn(liveExport()) + ", logged " + logged);
        assertTrue(logged.size() > 10, "the writer wrote throughout: " + logged.size());
        assertEquals(Set.of(), lost, "points the writer wrote that are in neither the run's set nor the new bucket");
        assertTrue(Files.readString(dir.resolve("cli.log")).matches(
                "(?s).*Data flow home_assistant_events: \\d+ new points? since the services were restarted.*"),
                "the product saw the writer's points flow again after the restart");
        assertTrue(Files.readString(dir.resolve("cli.log")).contains("Points were written after the backup set was made"),
                "the run saw the late points and sealed the set with them");
    }

    private String exportOfTheRunsSet(Path home) throws Exception {
        AppContext app = new AppContext(new AppHome(home), new ProfileLoader(Map.of(), dir));
        RunRecord run = app.journal(rig.profile).runs().get(0);
        return exportOf(home, run.backupId());
    }

    /** The oldest set in the backup folder: the one the run wrote before the writers stopped. */
    private String firstSet(Path home) {
        AppContext app = new AppContext(new AppHome(home), new ProfileLoader(Map.of(), dir));
        List<String> sets = app.ports(rig.profile).backups().list();
        return sets.get(sets.size() - 1);
    }

    /** The bucket's lines as the set holds them: its export, and what its seal added at the stop. */
    private String exportOf(Path home, String set) {
        AppContext app = new AppContext(new AppHome(home), new ProfileLoader(Map.of(), dir));
        StringBuilder lines = new StringBuilder();
        app.ports(rig.profile).backups().exportLines(set, "home_assistant_events", line -> lines.append(line).append('\n'));
        return lines.toString();
    }

    private String liveExport() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        influx.export("home_assistant_events", out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
