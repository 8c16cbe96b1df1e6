package io.github.influxreset.docker;

import static io.github.influxreset.testing.DockerRig.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.influx.v2.InfluxV2Adapter;
import io.github.influxreset.testing.CliRun;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What HomeIQ's team did by hand in the end, as {@code reset --mode repair} on the real servers
 * (1.6.7 and 2.7.12): a database keeping 30 days that should keep 365 is fixed in place, every point
 * stays, and no container is stopped or restarted.
 */
@ExtendWith(RequiresDocker.class)
class RepairOnRealServersIT {
    private static final int POINTS = 2_000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "InfluxDB {0}.x")
    @ValueSource(ints = {1, 2})
    void aThirtyDayRetentionBecomesTheProfilesWithEveryPointKeptAndNoServiceStopped(int version) throws Exception {
        try (RigStack rig = (version == 1 ? new RigStack(dir.resolve("rig")) : RigStack.v2(dir.resolve("rig"))).start()) {
            InfluxPort influx = version == 1 ? new InfluxV1Adapter(rig.profile.influx()) : new InfluxV2Adapter(rig.profile.influx());
            Retention thirtyDays = Retention.parse("30d").orElseThrow();
            if (influx.buckets().stream().anyMatch(b -> b.name().equals("home_assistant_events"))) {
                influx.updateRetention(new BucketSpec("home_assistant_events", thirtyDays));
            } else {
                influx.createBucket(new BucketSpec("home_assistant_events", thirtyDays));
            }
            influx.write("home_assistant_events", lines(POINTS));
            Map<String, String> startedBefore = startedAt(rig);
            AppContext app = new AppContext(new AppHome(dir.resolve("home")), new ProfileLoader(Map.of(), dir));

            CliRun repair = CliRun.run(app, "", "--profile", rig.profile.source().orElseThrow().toString(),
                    "reset", "--mode", "repair", "--yes");

            assertEquals(0, repair.code(), repair.err());
            Map<String, String> retention = new TreeMap<>();
            influx.buckets().forEach(b -> retention.put(b.name(), b.retention().format()));
            assertEquals("365d", retention.get("home_assistant_events"));
            assertEquals("180d", retention.get("weather_data"), "the missing bucket was created");
            assertEquals(POINTS, influx.countPoints("home_assistant_events").values().stream().mapToLong(Long::longValue).sum(),
                    "every point is still there");
            assertEquals(startedBefore, startedAt(rig), "no container was stopped or restarted");
            assertTrue(repair.err().contains("now keeps its points for 365d"), repair.err());
            if (influx instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    /** Points over the last 20 days: inside the old retention and the new one. */
    private static String lines(int count) {
        long now = System.currentTimeMillis() * 1_000_000L;
        long step = 20L * 24 * 3600 * 1_000_000_000L / count;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append("home_assistant_events,entity_id=sensor.s").append(i % 7).append(",domain=sensor ")
                    .append("state_value=\"").append(i).append("\",normalized_value=").append(i).append(".25 ")
                    .append(now - i * step).append('\n');
        }
        return lines.toString();
    }

    private static Map<String, String> startedAt(RigStack rig) {
        Map<String, String> started = new TreeMap<>();
        for (String service : concat("influxdb", RigStack.SERVICES)) {
            started.put(service, docker("inspect", "--format", "{{.State.StartedAt}}", rig.containerName(service)).strip());
        }
        return started;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
