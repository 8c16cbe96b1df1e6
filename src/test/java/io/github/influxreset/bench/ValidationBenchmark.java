package io.github.influxreset.bench;

import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.engine.checks.SchemaValidator;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.testing.InfluxdProcess;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validation of a bucket holding 5 million points, which reads the index, beside a full
 * {@code SELECT count(*)} over the same data, median of 5 each, on a real influxd 1.6.7. Prints;
 * asserts nothing about time. Run with {@code mvn -Pbench verify}.
 */
@Tag("benchmark")
class ValidationBenchmark {
    private static final int POINTS = 5_000_000;
    private static final int BATCH = 50_000;
    private static final int RUNS = 5;
    @TempDir
    Path dir;

    @Test
    void validationAnswersFromTheIndexNotAScan() throws Exception {
        try (InfluxdProcess server = new InfluxdProcess(dir.resolve("influxd"))) {
            Profile profile = profile(server.url());
            InfluxV1Adapter influx = new InfluxV1Adapter(profile.influx());
            profile.buckets().forEach(influx::createBucket);
            long loadStart = System.nanoTime();
            load(influx);
            System.out.printf("%nBENCHMARK loaded %,d points in %.1f s%n", POINTS, (System.nanoTime() - loadStart) / 1e9);

            List<Double> validation = new ArrayList<>();
            List<Double> scan = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                new SchemaValidator(profile, influx).validate("bench" + i);
                validation.add((System.nanoTime() - start) / 1e9);
                start = System.nanoTime();
                count(server.url());
                scan.add((System.nanoTime() - start) / 1e9);
            }
            double v = median(validation);
            double s = median(scan);
            System.out.printf("BENCHMARK validation of a bucket with %,d points (median of %d)%n", POINTS, RUNS);
            System.out.printf("  validation            : %.3f s   runs %s%n", v, validation);
            System.out.printf("  SELECT count(*) scan  : %.3f s   runs %s%n", s, scan);
            System.out.printf("  scan / validation     : %.1fx   (goal: validation <= 2 s and >= 10x faster)%n%n", s / v);
            Bench.print("validation_seconds", v);
            Bench.print("validation_scan_ratio", s / v);
        }
    }

    private static void load(InfluxV1Adapter influx) {
        long now = System.currentTimeMillis() * 1_000_000L;
        long step = 30L * 86_400 * 1_000_000_000L / POINTS;
        StringBuilder lines = new StringBuilder(BATCH * 120);
        for (int i = 0; i < POINTS; i++) {
            lines.append("home_assistant_events,entity_id=sensor.s").append(i % 500).append(",domain=sensor,area=a")
                    .append(i % 20).append(" state_value=\"on\",normalized_value=").append(i % 1000).append(".5 ")
                    .append(now - i * step).append('\n');
            if ((i + 1) % BATCH == 0) {
                influx.write("home_assistant_events", lines.toString());
                lines.setLength(0);
            }
        }
    }

    private static void count(String url) throws Exception {
        String q = URLEncoder.encode("SELECT count(*) FROM home_assistant_events", StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url + "/query?db=home_assistant_events&q=" + q)).build(), HttpResponse.BodyHandlers.ofString());
        if (!response.body().contains(String.valueOf(POINTS))) {
            throw new IllegalStateException("unexpected count: " + response.body());
        }
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

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

}
