package io.github.influxreset.bench;

import io.github.influxreset.backup.RestoreWrites;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.CarryTally;
import io.github.influxreset.domain.FieldCounts;
import io.github.influxreset.domain.InfluxSpec;
import io.github.influxreset.domain.LineTally;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.domain.Secret;
import io.github.influxreset.engine.data.DataCarrier;
import io.github.influxreset.influx.v2.InfluxV2Adapter;
import io.github.influxreset.testing.Influxd2Process;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Carrying a 2.x export into the HomeIQ schema (parse, convert, write in batches on a thread of its
 * own), and a restore writing them ({@code BucketWriter}), beside writing the same export lines straight in
 * batches of the same size, on a real influxd
 * 2.x; each into a bucket of its own, five interleaved runs (-Dcarry2.runs), medians and ranges. The
 * lines are what the export writes: one per field value, 8 fields a point (-Dcarry2.points, default
 * 200,000 points). Prints; asserts nothing about time. {@code mvn -Pbench verify}.
 */
@Tag("benchmark")
class CarryV2Benchmark {
    private static final int POINTS = Integer.getInteger("carry2.points", 200_000);
    private static final int RUNS = Integer.getInteger("carry2.runs", 5);
    private static final String TOKEN = "bench-operator-token";
    private static final String EVENTS = "home_assistant_events";
    @TempDir
    Path dir;

    @Test
    void carryingBesideWritingTheSameLinesStraight() throws Exception {
        try (Influxd2Process server = new Influxd2Process(dir.resolve("influxd")).setUp("homeiq", EVENTS, TOKEN)) {
            InfluxV2Adapter influx = new InfluxV2Adapter(new InfluxSpec(2, "influxdb", server.url(), "homeiq",
                    Secret.of(TOKEN), "", Secret.empty(), "", Secret.empty()));
            Profile profile = new ProfileLoader(Map.of(), dir).loadEmbedded();
            influx.write(EVENTS, events());
            ByteArrayOutputStream exported = new ByteArrayOutputStream();
            influx.export(EVENTS, exported);
            List<String> lines = exported.toString(StandardCharsets.UTF_8).lines().toList();
            LineTally exportTally = new LineTally("the export");
            lines.forEach(exportTally::line);
            long distinct = FieldCounts.total(exportTally.distinct());
            Samples straight = new Samples("carry2_straight");
            Samples carried = new Samples("carry2");
            Samples restored = new Samples("restore2");
            double loadBefore = Samples.loadAverage();
            for (int run = 0; run < RUNS; run++) {
                String raw = "raw" + run;
                influx.createBucket(new BucketSpec(raw, Retention.parse("0").orElseThrow()));
                straight.time(() -> Bench.writeStraight(influx, raw, lines));
                String into = "carried" + run;
                influx.createBucket(new BucketSpec(into, Retention.parse("0").orElseThrow()));
                CarryTally[] tally = new CarryTally[1];
                carried.time(() -> tally[0] = new DataCarrier(profile).carry(EVENTS, into, each -> lines.forEach(each),
                        Long.MIN_VALUE, influx, new DataCarrier.Expected(POINTS, lines.size()), Progress.NONE));
                if (tally[0].carried() != POINTS) {
                    throw new IllegalStateException("carried " + tally[0].carried() + " of " + POINTS);
                }
                String restoredInto = "restored" + run;
                influx.createBucket(new BucketSpec(restoredInto, Retention.parse("0").orElseThrow()));
                restored.time(() -> RestoreWrites.write(influx, restoredInto, lines));
                long held = FieldCounts.total(influx.countFieldValues(restoredInto));
                if (held < distinct) {
                    throw new IllegalStateException("restored " + held + " of " + distinct + " values");
                }
            }
            double loadAfter = Samples.loadAverage();
            System.out.printf(Locale.ROOT, "%nBENCHMARK carrying %,d points (%,d export lines) on a real influxd 2.x, "
                    + "%d interleaved runs%n", POINTS, lines.size(), RUNS);
            System.out.printf(Locale.ROOT, "  straight write of the lines: %s, %,.0f values/s%n", straight.describe(),
                    lines.size() / straight.median());
            System.out.printf(Locale.ROOT, "  carrying                   : %s, %,.0f values/s%n", carried.describe(),
                    lines.size() / carried.median());
            System.out.printf(Locale.ROOT, "  restore from the export    : %s, %,.0f values/s%n", restored.describe(),
                    lines.size() / restored.median());
            System.out.printf(Locale.ROOT, "  carrying / straight speed %.2fx, restore / straight %.2fx (goals >= 0.9x); load "
                    + "average %.2f before, %.2f after%n%n", straight.median() / carried.median(),
                    straight.median() / restored.median(), loadBefore, loadAfter);
            straight.print();
            carried.print();
            restored.print();
            Bench.print("restore2_straight_ratio", straight.median() / restored.median());
            Bench.print("carry2_values_per_second", lines.size() / carried.median());
            Bench.print("carry2_straight_ratio", straight.median() / carried.median());
        }
    }

    /** HomeIQ-shaped events with 8 fields, one a second back from now, over 200 entities. */
    private static String events() {
        long now = System.currentTimeMillis() / 1000 * 1_000_000_000L;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < POINTS; i++) {
            int entity = i % 200;
            lines.append("home_assistant_events,entity_id=sensor.s").append(entity).append(",domain=sensor,area=a")
                    .append(entity % 5).append(" state_value=\"").append(i % 50).append("\",normalized_value=")
                    .append(20 + i % 500 / 10.0).append(",previous_state=\"").append(i % 40).append("\",duration_seconds=")
                    .append(i % 3600).append(".5,context_id=\"01HX").append(i).append("\",unit_of_measurement=\"C\","
                    + "confidence=0.9,weather_temp=").append(i % 30).append(".25 ").append(now - (i + 1) * 1_000_000_000L)
                    .append('\n');
        }
        return lines.toString();
    }
}
