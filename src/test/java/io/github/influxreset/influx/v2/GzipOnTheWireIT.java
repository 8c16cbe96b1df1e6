package io.github.influxreset.influx.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.influxreset.domain.InfluxSpec;
import io.github.influxreset.domain.Secret;
import io.github.influxreset.testing.Influxd2Process;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes and exports gzipped on the wire, as they travel to a server on another machine, against a
 * real influxd 2.x: the same points as without compression.
 */
class GzipOnTheWireIT {
    private static final String TOKEN = "gzip-operator-token";
    @TempDir
    Path dir;

    @Test
    void gzippedWritesAndExportsCarryTheSamePoints() {
        try (Influxd2Process server = new Influxd2Process(dir.resolve("influxd")).setUp("homeiq", "events", TOKEN)) {
            InfluxSpec spec = new InfluxSpec(2, "influxdb", server.url(), "homeiq", Secret.of(TOKEN), "", Secret.empty(), "",
                    Secret.empty());
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 2_000; i++) {
                lines.append("events,entity_id=sensor.s").append(i % 7).append(" state_value=\"on, ").append(i)
                        .append("\",sequence=").append(i).append("i ").append(1_700_000_000_000_000_000L + i).append('\n');
            }
            new LineProtocolWrites(spec, true).write("events", lines.toString());

            assertEquals(export(spec, true), export(spec, false));
            assertEquals(4_000, export(spec, true).size(), "two fields of every point");
        }
    }

    private static List<String> export(InfluxSpec spec, boolean compressed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvExport(spec, compressed).export("events", FluxQueries.from("events", FluxQueries.ALL), out);
        return out.toString(StandardCharsets.UTF_8).lines().sorted().toList();
    }
}
