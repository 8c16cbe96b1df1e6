package io.github.influxreset.cli;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.CarryTally;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.engine.DataCarrier;
import io.github.influxreset.engine.LineSplitter;
import io.github.influxreset.engine.Ports;
import java.time.Instant;
import java.util.List;

/**
 * What carrying the live data into the profile's schema would do, read from the server now, for a
 * dry run ({@code reset --keep-data --dry-run}, {@code move --dry-run}); the run itself forecasts
 * again from its verified backup set. Reads only.
 */
final class LiveForecast {
    private LiveForecast() {
    }

    static void print(Output output, Profile profile, Ports ports) {
        List<String> live = ports.influx().buckets().stream().map(BucketSpec::name).toList();
        output.line("Forecast of carrying the old points into the new schema (from the live data):");
        for (BucketSpec bucket : profile.buckets()) {
            if (!live.contains(bucket.name())) {
                continue;
            }
            long cutoff = DataCarrier.cutoff(bucket, Instant.now());
            CarryTally tally = new DataCarrier(profile).forecast(bucket.name(), line -> {
                try (var lines = new LineSplitter(line)) {
                    ports.influx().export(bucket.name(), lines);
                }
            }, cutoff);
            tally.lines(bucket.retention().toString()).forEach(l -> output.line("  " + l));
        }
    }
}
