package io.github.influxreset.backup;

import io.github.influxreset.engine.port.InfluxPort;
import java.util.List;

/** A restore's writing ({@link BucketWriter}) of lines into a bucket, for the benchmarks beside straight writes. */
public final class RestoreWrites {
    private RestoreWrites() {
    }

    /** Writes {@code lines} into {@code bucket} as a restore writes a set's export. */
    public static void write(InfluxPort influx, String bucket, List<String> lines) {
        new BucketWriter(influx, bucket, "export/" + bucket + ".lp.zst").writeAll(lines::forEach, values -> { });
    }
}
