package io.github.influxreset.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.influx.v2.InfluxV2Adapter;
import io.github.influxreset.testing.CliRun;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code restore ID --into-existing} on the real servers: a set's points written into a bucket
 * that has moved on since (new points written, some old ones deleted), which keeps its own; then
 * the merge undone with the verified backup it wrote first. (A merge killed midway is rolled back
 * from its journal like every run.)
 */
@ExtendWith(RequiresDocker.class)
class MergeRestoreOnRealServersIT {
    private static final int IN_THE_SET = 1_000;
    private static final int WRITTEN_SINCE = 500;
    private static final int DELETED_SINCE = IN_THE_SET / 5;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "InfluxDB {0}.x")
    @ValueSource(ints = {1, 2})
    void theSetsPointsJoinTheLiveOnesAndTheMergeCanBeUndone(int version) throws Exception {
        try (RigStack rig = (version == 1 ? new RigStack(dir.resolve("rig")) : RigStack.v2(dir.resolve("rig"))).start()) {
            InfluxPort influx = version == 1 ? new InfluxV1Adapter(rig.profile.influx()) : new InfluxV2Adapter(rig.profile.influx());
            if (influx.buckets().stream().noneMatch(b -> b.name().equals("home_assistant_events"))) {
                influx.createBucket(new BucketSpec("home_assistant_events", Retention.parse("0").orElseThrow()));
            }
            long now = System.currentTimeMillis() * 1_000_000L;
            influx.write("home_assistant_events", lines(0, IN_THE_SET, now));
            AppContext app = new AppContext(new AppHome(dir.resolve("home")), new ProfileLoader(Map.of(), dir));
            String profile = rig.profile.source().orElseThrow().toString();
            CliRun backup = CliRun.run(app, "", "--profile", profile, "backup");
            assertEquals(0, backup.code(), backup.err());
            String setId = app.ports(rig.profile).backups().list().get(0);
            influx.write("home_assistant_events", lines(IN_THE_SET, IN_THE_SET + WRITTEN_SINCE, now));
            influx.deleteWhere("home_assistant_events", "home_assistant_events", "entity_id", "sensor.s0");
            long before = IN_THE_SET + WRITTEN_SINCE - DELETED_SINCE - WRITTEN_SINCE / 5;
            assertEquals(before, points(influx));

            CliRun merge = CliRun.run(app, "", "--profile", profile, "restore", setId, "--bucket", "home_assistant_events",
                    "--into-existing", "--yes");

            assertEquals(0, merge.code(), merge.err());
            assertEquals(before + DELETED_SINCE, points(influx), "the deleted points of the set are back, nothing doubled");
            assertTrue(merge.err().contains(DELETED_SINCE + " new points from the set"), merge.err());

            var run = app.journal(rig.profile).runs().get(0);
            assertEquals(RunStatus.SUCCEEDED, run.status());
            CliRun undo = CliRun.run(app, "", "--profile", profile, "restore", run.backupId(), "--yes");

            assertEquals(0, undo.code(), undo.err());
            assertEquals(before, points(influx), "the merge's own backup brings the bucket back as it was before it");
        }
    }

    private static long points(InfluxPort influx) {
        return influx.countPoints("home_assistant_events").values().stream().mapToLong(Long::longValue).sum();
    }

    /** Points {@code from} to {@code to}, a second apart before {@code now}, over five sensors. */
    private static String lines(int from, int to, long now) {
        StringBuilder lines = new StringBuilder();
        for (int i = from; i < to; i++) {
            lines.append("home_assistant_events,entity_id=sensor.s").append(i % 5).append(" normalized_value=").append(i)
                    .append(".5 ").append(now - (i + 1) * 1_000_000_000L).append('\n');
        }
        return lines.toString();
    }
}
