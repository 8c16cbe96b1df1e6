package io.github.influxreset.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdOutputStream;
import io.github.influxreset.domain.InfluxSpec;
import io.github.influxreset.domain.Secret;
import io.github.influxreset.influx.v2.InfluxV2Adapter;
import io.github.influxreset.testing.Influxd2Process;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export of a 2.x bucket as the backup writes it (line protocol, zstd) beside the physical
 * limit measured in the same run on the same data: {@code influxd inspect export-lp} reading the
 * storage files, piped through {@code zstd -1}, and the server's own Flux CSV answer alone (curl to
 * /dev/null). HomeIQ-shaped points with 8 fields (-Dexport.points, default 1,000,000), five interleaved
 * runs (-Dexport.runs), medians and ranges. Prints; asserts nothing about time. {@code mvn -Pbench verify}.
 */
@Tag("benchmark")
class ExportBenchmark {
    private static final int POINTS = Integer.getInteger("export.points", 1_000_000);
    private static final int RUNS = Integer.getInteger("export.runs", 5);
    private static final String TOKEN = "bench-operator-token";
    private static final String BUCKET = "home_assistant_events";
    @TempDir
    Path dir;

    @Test
    void exportBesideTheStorageFilesAndTheRawQuery() throws Exception {
        try (Influxd2Process server = new Influxd2Process(dir.resolve("influxd")).setUp("homeiq", BUCKET, TOKEN)) {
            InfluxV2Adapter influx = new InfluxV2Adapter(new InfluxSpec(2, "influxdb", server.url(), "homeiq",
                    Secret.of(TOKEN), "", Secret.empty(), "", Secret.empty()));
            Bench.seedHomeIq(influx, BUCKET, POINTS);
            String bucketId = bucketId(server);
            Path ours = dir.resolve("ours.lp.zst");
            Path storage = dir.resolve("export-lp.lp.zst");
            Samples export = new Samples("export");
            Samples exportLp = new Samples("export_lp_zstd");
            Samples rawQuery = new Samples("flux_csv_query");
            long[] lines = {0};
            double loadBefore = Samples.loadAverage();
            for (int run = 0; run < RUNS; run++) {
                export.time(() -> {
                    try (OutputStream out = new ZstdOutputStream(Files.newOutputStream(ours), 3)) {
                        lines[0] = influx.export(BUCKET, out);
                    }
                });
                exportLp.time(() -> Bench.shell(Influxd2Process.binary().orElseThrow() + " inspect export-lp --bucket-id "
                        + bucketId + " --engine-path " + server.dir.resolve("engine") + " --output-path /dev/stdout "
                        + "2>/dev/null | zstd -1 -q -f -o " + storage));
                rawQuery.time(() -> Bench.shell("curl -sf -XPOST '" + server.url() + "/api/v2/query?org=homeiq' -H "
                        + "'Authorization: Token " + TOKEN + "' -H 'Content-Type: application/json' -d '{\"query\":"
                        + "\"from(bucket: \\\"" + BUCKET + "\\\") |> range(start: 0)\",\"dialect\":{\"annotations\":"
                        + "[\"datatype\"],\"header\":true}}' -o /dev/null"));
            }
            double loadAfter = Samples.loadAverage();
            System.out.printf(Locale.ROOT, "%nBENCHMARK export of %,d HomeIQ-shaped points (8 fields; %,d lines written), "
                    + "%d interleaved runs%n", POINTS, lines[0], RUNS);
            System.out.printf(Locale.ROOT, "  ours (Flux CSV -> line protocol -> zstd): %s, %,.0f points/s%n",
                    export.describe(), POINTS / export.median());
            System.out.printf(Locale.ROOT, "  influxd inspect export-lp | zstd -1      : %s%n", exportLp.describe());
            System.out.printf(Locale.ROOT, "  the server's CSV answer alone (curl)     : %s%n", rawQuery.describe());
            System.out.printf(Locale.ROOT, "  ours / export-lp speed %.2fx (goal >= 0.8x); ours / raw query speed %.2fx%n",
                    exportLp.median() / export.median(), rawQuery.median() / export.median());
            System.out.printf(Locale.ROOT, "  load average %.2f before, %.2f after (2 cores: above ~1 something else ran)%n%n",
                    loadBefore, loadAfter);
            for (Samples samples : List.of(export, exportLp, rawQuery)) {
                samples.print();
            }
            Bench.print("export_points_per_second", POINTS / export.median());
            Bench.print("export_vs_export_lp_speed", exportLp.median() / export.median());
            Bench.print("export_vs_raw_query_speed", rawQuery.median() / export.median());
        }
    }

    private static String bucketId(Influxd2Process server) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url()
                + "/api/v2/buckets?name=" + BUCKET)).header("Authorization", "Token " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(answer.body()).path("buckets").path(0).path("id").asText();
    }
}
