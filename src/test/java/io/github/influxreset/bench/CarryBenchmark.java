package io.github.influxreset.bench;

import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.CarryTally;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.engine.data.DataCarrier;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.testing.InfluxdProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Carrying old points into the new schema (parse, convert integers to floats, write in batches)
 * beside writing the same line protocol straight to the server in batches of the same size, in one
 * run on a real influxd 1.6.7; each into a database of its own, best of three. Prints both rates
 * and the ratio (goal: carrying at 0.8x the straight write or better); asserts nothing about time.
 * Run with {@code mvn -Pbench verify}.
 */
@Tag("benchmark")
class CarryBenchmark {
    private static final int POINTS = 300_000;
    private static final int RUNS = 3;
    @TempDir
    Path dir;

    @Test
    void carryingRunsNearlyAsFastAsWritingTheLinesStraight() throws Exception {
        List<String> lines = lines();
        try (InfluxdProcess server = new InfluxdProcess(dir.resolve("influxd"))) {
            Profile profile = profile(server.url());
            InfluxV1Adapter influx = new InfluxV1Adapter(profile.influx());
            double straight = Double.MAX_VALUE;
            double carried = Double.MAX_VALUE;
            for (int run = 0; run < RUNS; run++) {
                String rawBucket = "raw" + run;
                influx.createBucket(new BucketSpec(rawBucket, Retention.parse("0").orElseThrow()));
                long start = System.nanoTime();
                Bench.writeStraight(influx, rawBucket, lines);
                straight = Math.min(straight, (System.nanoTime() - start) / 1e9);

                influx.createBucket(profile.buckets().get(0));
                start = System.nanoTime();
                CarryTally tally = new DataCarrier(profile).carry("home_assistant_events", each -> lines.forEach(each),
                        DataCarrier.cutoff(profile.buckets().get(0), Instant.now()), influx, POINTS, Progress.NONE);
                carried = Math.min(carried, (System.nanoTime() - start) / 1e9);
                if (tally.carried() != POINTS) {
                    throw new IllegalStateException("carried " + tally.carried() + " of " + POINTS);
                }
                influx.deleteBucket("home_assistant_events");
            }
            System.out.printf("%nBENCHMARK carrying %,d points into the new schema (best of %d)%n", POINTS, RUNS);
            System.out.printf("  straight write : %.2f s  (%,.0f points/s)%n", straight, POINTS / straight);
            System.out.printf("  carrying       : %.2f s  (%,.0f points/s, every integer made a float)%n", carried,
                    POINTS / carried);
            System.out.printf("  carrying / straight speed : %.2fx   (goal: >= 0.8x)%n%n", straight / carried);
            Bench.print("carry_points_per_second", POINTS / carried);
            Bench.print("carry_straight_ratio", straight / carried);
        }
    }

    /** HomeIQ-shaped points over the last 30 days, normalized_value written as integers. */
    private static List<String> lines() {
        long now = System.currentTimeMillis() * 1_000_000L;
        long step = 30L * 86_400 * 1_000_000_000L / POINTS;
        List<String> lines = new ArrayList<>(POINTS);
        for (int i = 0; i < POINTS; i++) {
            lines.add("home_assistant_events,entity_id=sensor.s" + (i % 500) + ",domain=sensor,area=a" + (i % 20)
                    + " state_value=\"on\",normalized_value=" + (i % 1000) + "i " + (now - i * step));
        }
        return lines;
    }

    private Profile profile(String url) throws Exception {
        Path file = dir.resolve("bench.yaml");
        Files.writeString(file, String.join("\n",
                "stack: {composeProject: bench}",
                "influx: {version: 1, url: '" + url + "'}",
                "buckets: [{name: home_assistant_events, retention: 365d}]",
                "schema:",
                "  - {measurement: home_assistant_events, bucket: home_assistant_events, tags: [entity_id, domain, area],",
                "     fields: {state_value: string, normalized_value: float}}",
                "backups: {dir: " + dir.resolve("backups") + "}", ""));
        return new ProfileLoader(Map.of(), dir).load(file);
    }
}
