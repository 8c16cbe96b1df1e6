package io.github.influxreset.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.CarryTally;
import io.github.influxreset.domain.FieldType;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.engine.actions.ForecastCarry;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.influx.v2.InfluxV2Adapter;
import io.github.influxreset.testing.CliRun;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import io.github.influxreset.testing.RigWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code reset --keep-data}, {@code --mode full} and {@code buckets}, on the real servers (1.6.7 and
 * 2.7.12): 20,000 points with normalized_value written as integers (the schema says float) and a tag
 * the schema does not list
 * (the profile says drop it), some older than the new 365-day retention, while a service of the
 * stack writes a numbered point five times a second all through the run. The run finishes: every
 * point that fits the retention comes back, as float, without the tag, and so does every point the
 * writer had acknowledged (also those written after the first backup set, which the forecast could
 * not see); validation is clean; the forecast is what was carried of the first set.
 */
@ExtendWith(RequiresDocker.class)
public class KeepDataOnRealServersIT {
    private static final int POINTS = 20_000;
    private static final int OLDER_THAN_A_YEAR = 500;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "InfluxDB {0}.x, --mode {1}")
    @CsvSource({"1, full", "2, full", "1, buckets", "2, buckets"})
    void aResetKeepsEveryPointTheNewRetentionHoldsInTheNewSchema(int version, String mode) throws Exception {
        RigStack made = version == 1 ? new RigStack(dir.resolve("rig")) : RigStack.v2(dir.resolve("rig"));
        try (RigStack rig = made.withCarryRule("extraTags: drop").start()) {
            InfluxPort influx = influx(rig);
            if (influx.buckets().stream().noneMatch(b -> b.name().equals("home_assistant_events"))) {
                influx.createBucket(new BucketSpec("home_assistant_events", Retention.parse("0").orElseThrow()));
            }
            influx.write("home_assistant_events", lines(POINTS, OLDER_THAN_A_YEAR));
            RigWriter writer = RigWriter.start(rig);
            Path profile = RigWriter.listedIn(rig.profile.source().orElseThrow());
            AppContext app = new AppContext(new AppHome(dir.resolve("home")), new ProfileLoader(Map.of(), dir));

            CliRun reset = CliRun.run(app, "", "--profile", profile.toString(),
                    "reset", "--mode", mode, "--keep-data", "--yes");

            assertEquals(0, reset.code(), reset.err());
            writer.awaitWrites(3);
            InfluxPort fresh = influx(rig);
            long kept = POINTS - OLDER_THAN_A_YEAR;
            assertEquals(kept, fresh.countPoints("home_assistant_events").get("home_assistant_events"),
                    "every point the new retention holds");
            Set<Long> acknowledged = writer.acknowledged();
            Set<Long> missing = new TreeSet<>(acknowledged);
            missing.removeAll(RigWriter.numbersIn(export(fresh)));
            assertEquals(Set.of(), missing, "every point the writer had acknowledged (" + acknowledged.size() + ")");
            assertTrue(reset.err().contains("written by the services before they stopped"),
                    "the points written after the first set were carried from the sealed one, and said so: " + reset.err());
            assertEquals(FieldType.FLOAT, fresh.fieldKeys("home_assistant_events", "home_assistant_events")
                    .get("normalized_value"), "the field is float now");
            assertFalse(fresh.tagKeys("home_assistant_events", "home_assistant_events").contains("stray"),
                    "the tag the profile drops is gone");
            var run = app.journal(rig.profile).runs().get(0);
            CarryTally forecast = CarryTally.allFromFacts(app.journal(rig.profile).actions(run.id()).stream()
                    .filter(a -> a.kind().equals(ForecastCarry.KIND)).findFirst().orElseThrow().facts())
                    .get("home_assistant_events");
            assertEquals(kept, forecast.measurements().get("home_assistant_events").carried(), "the forecast was right");
            assertEquals(OLDER_THAN_A_YEAR, forecast.measurements().get("home_assistant_events").tooOld());
            CliRun validate = CliRun.run(app, "", "--profile", profile.toString(), "validate");
            assertEquals(0, validate.code(), validate.out() + validate.err());
        }
    }

    private static String export(InfluxPort influx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        influx.export("home_assistant_events", out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static InfluxPort influx(RigStack rig) {
        return rig.version == 1 ? new InfluxV1Adapter(rig.profile.influx()) : new InfluxV2Adapter(rig.profile.influx());
    }

    /**
     * Points a minute apart, the last {@code old} ones older than a year; integers where the schema
     * says float, and a tag ({@code stray}) the schema does not list.
     */
    public static String lines(int points, int old) {
        long now = System.currentTimeMillis() * 1_000_000L;
        long minute = 60_000_000_000L;
        long year = 366L * 24 * 3600 * 1_000_000_000L;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < points; i++) {
            long time = i < points - old ? now - (i + 1) * minute : now - year - i * minute;
            lines.append("home_assistant_events,entity_id=sensor.s").append(i % 9).append(",domain=sensor,stray=x")
                    .append(i % 3).append(" normalized_value=").append(i).append("i,state_value=\"").append(i)
                    .append("\" ").append(time).append('\n');
        }
        return lines.toString();
    }
}
