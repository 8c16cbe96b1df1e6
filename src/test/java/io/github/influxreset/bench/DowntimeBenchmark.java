package io.github.influxreset.bench;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.InfluxSpec;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.domain.Secret;
import io.github.influxreset.engine.actions.CarryDelta;
import io.github.influxreset.engine.data.LiveRange;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.influx.v2.InfluxV2Adapter;
import io.github.influxreset.testing.CliRun;
import io.github.influxreset.testing.Influxd2Process;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import io.github.influxreset.testing.RigWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a writer posting a numbered point every 0.2 s sees of a reset that keeps the data, on the
 * real InfluxDB 2.7.12 rig: its longest gap between two acknowledged points, the acknowledged
 * points missing afterwards, and the run's whole time; for the full reset and the buckets reset
 * (services stopped while InfluxDB's data is moved aside or the buckets replaced; the points carried
 * after they start again), the online reset (nothing stops) and the move from a real 1.6.7 to a
 * real 2.7.12 (nothing stops; its catch-up run after it, missing points counted up to when that read
 * 1.x), at two sizes. The median of {@code -Dgap.runs} runs
 * (default 3) with its range. Prints; asserts nothing about time. Run with {@code mvn -Pbench
 * verify -Dtest=DowntimeBenchmark}; {@code -Dgap.sizes=200000,1000000} sets the sizes,
 * {@code -Dgap.modes=full,buckets,online,move} the modes.
 */
@Tag("benchmark")
@ExtendWith(RequiresDocker.class)
class DowntimeBenchmark {
    private static final String EVENTS = "home_assistant_events";
    @TempDir
    Path dir;

    @Test
    void theWritersLongestGapThroughAKeepDataResetStoppedAndOnline() throws Exception {
        int runs = Integer.getInteger("gap.runs", 3);
        List<Integer> sizes = java.util.Arrays.stream(System.getProperty("gap.sizes", "200000,1000000").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        List<String> modes = java.util.Arrays.stream(System.getProperty("gap.modes", "full,buckets,online,move").split(","))
                .map(String::strip).toList();
        Map<String, Double> gaps = new java.util.LinkedHashMap<>();
        for (int size : sizes) {
            for (String mode : modes) {
                List<double[]> results = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    results.add(once(mode, size, dir.resolve(mode + size + "-" + i)));
                }
                double gap = median(results, 0);
                gaps.put(mode + size, gap);
                System.out.printf(Locale.ROOT, "%nBENCHMARK writer's longest gap, %s, %,d points "
                        + "(median of %d, range %.2f-%.2f s): %.2f s; acknowledged points missing: %.0f (most of any run); "
                        + "whole run %.1f s (range %.1f-%.1f)%n", mode.equals("move") ? "move from 1.x and its catch-up"
                        : mode + " reset with keep-data", size, runs, min(results, 0), max(results, 0), gap,
                        max(results, 1), median(results, 2), min(results, 2), max(results, 2));
                Bench.print("gap_" + mode + "_" + size + "_seconds", gap);
                Bench.print("missing_" + mode + "_" + size, max(results, 1));
                Bench.print("run_" + mode + "_" + size + "_seconds", median(results, 2));
            }
        }
        int small = sizes.get(0);
        int large = sizes.get(sizes.size() - 1);
        for (String mode : modes) {
            Bench.print("gap_" + mode + "_growth_" + large + "_over_" + small, gaps.get(mode + large) / gaps.get(mode + small));
        }
    }

    /** One run: the writer's longest gap (s), acknowledged points missing afterwards, the run's time (s). */
    private double[] once(String mode, int points, Path at) throws Exception {
        if (mode.equals("move")) {
            return move(points, at);
        }
        try (RigStack rig = RigStack.v2(at.resolve("rig")).start()) {
            InfluxPort influx = new InfluxV2Adapter(rig.profile.influx());
            if (!influx.bucketIds().containsKey(EVENTS)) {
                influx.createBucket(new BucketSpec(EVENTS, Retention.parse("0").orElseThrow()));
            }
            write(influx, points);
            RigWriter writer = RigWriter.start(rig);
            Instant writerStarted = writer.lastStart();
            Path profile = RigWriter.listedIn(rig.profile.source().orElseThrow());
            AppContext app = new AppContext(new AppHome(at.resolve("home")), new ProfileLoader(Map.of(), at));
            long started = System.nanoTime();
            CliRun reset = CliRun.run(app, "", "--profile", profile.toString(), "reset", "--mode", mode, "--keep-data", "--yes");
            double seconds = (System.nanoTime() - started) / 1e9;
            if (reset.code() != 0) {
                throw new AssertionError(mode + " reset failed: " + reset.err());
            }
            writer.awaitWrites(5);
            Set<Long> missing = new TreeSet<>(writer.acknowledged());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            influx.export(EVENTS, out, writerStarted.minusSeconds(60), LiveRange.END);
            missing.removeAll(RigWriter.numbersIn(out.toString(StandardCharsets.UTF_8)));
            return new double[] {writer.longestGap().toMillis() / 1000.0, missing.size(), seconds};
        }
    }

    /** A move of the 1.x rig to a 2.x server beside it, then its catch-up; missing: acknowledged before the catch-up read. */
    private double[] move(int points, Path at) throws Exception {
        String token = "bench-move-TOKEN";
        try (RigStack rig = new RigStack(at.resolve("rig")).start();
             Influxd2Process v2 = new Influxd2Process(at.resolve("v2")).setUp("homeiq", EVENTS, token)) {
            InfluxPort source = new InfluxV1Adapter(rig.profile.influx());
            if (source.buckets().stream().noneMatch(b -> b.name().equals(EVENTS))) {
                source.createBucket(new BucketSpec(EVENTS, Retention.parse("0").orElseThrow()));
            }
            write(source, points);
            RigWriter writer = RigWriter.start(rig);
            Instant writerStarted = writer.lastStart();
            String text = Files.readString(rig.profile.source().orElseThrow());
            Path moveTo = rig.dir.resolve("move.yaml");
            Files.writeString(moveTo, text.replace("\nbuckets:\n", "\nmoveTo: {service: influxdb2, url: '" + v2.url()
                    + "', org: homeiq, token: " + token + "}\nbuckets:\n"));
            Path profile = RigWriter.listedIn(moveTo);
            AppContext app = new AppContext(new AppHome(at.resolve("home")), new ProfileLoader(Map.of(), at));
            long started = System.nanoTime();
            CliRun move = CliRun.run(app, "", "--profile", profile.toString(), "move", "--yes");
            double seconds = (System.nanoTime() - started) / 1e9;
            if (move.code() != 0) {
                throw new AssertionError("move failed: " + move.err());
            }
            CliRun catchUp = CliRun.run(app, "", "--profile", profile.toString(), "move", "--catch-up");
            if (catchUp.code() != 0) {
                throw new AssertionError("catch-up failed: " + catchUp.err());
            }
            String run = app.journal(rig.profile).runs().get(0).id();
            Instant read = Instant.parse(app.journal(rig.profile).actions(run).stream()
                    .filter(a -> a.kind().equals(CarryDelta.KIND)).findFirst().orElseThrow().facts().get(CarryDelta.READ_FROM));
            InfluxPort target = new InfluxV2Adapter(new InfluxSpec(2, "influxdb2", v2.url(), "homeiq", Secret.of(token), "",
                    Secret.of(""), "admin", Secret.of("")));
            Set<Long> missing = new TreeSet<>(writer.acknowledgedBefore(read));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            target.export(EVENTS, out, writerStarted.minusSeconds(60), LiveRange.END);
            missing.removeAll(RigWriter.numbersIn(out.toString(StandardCharsets.UTF_8)));
            return new double[] {writer.longestGap().toMillis() / 1000.0, missing.size(), seconds};
        }
    }

    /** HomeIQ-shaped events ten seconds apart (all within the profile's 365 days), integers where it says float. */
    private static void write(InfluxPort influx, int points) {
        long now = System.currentTimeMillis() * 1_000_000L;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < points; i++) {
            lines.append("home_assistant_events,entity_id=sensor.s").append(i % 40).append(",domain=sensor,area=a")
                    .append(i % 7).append(" normalized_value=").append(i).append("i,state_value=\"").append(i % 100)
                    .append("\" ").append(now - (i + 1) * 10_000_000_000L).append('\n');
            if ((i + 1) % 50_000 == 0) {
                influx.write(EVENTS, lines.toString());
                lines.setLength(0);
            }
        }
        if (lines.length() > 0) {
            influx.write(EVENTS, lines.toString());
        }
    }

    private static double median(List<double[]> runs, int at) {
        List<Double> values = new ArrayList<>(runs.stream().map(r -> r[at]).toList());
        values.sort(Double::compare);
        return values.get(values.size() / 2);
    }

    private static double min(List<double[]> runs, int at) {
        return runs.stream().mapToDouble(r -> r[at]).min().orElse(0);
    }

    private static double max(List<double[]> runs, int at) {
        return runs.stream().mapToDouble(r -> r[at]).max().orElse(0);
    }
}
