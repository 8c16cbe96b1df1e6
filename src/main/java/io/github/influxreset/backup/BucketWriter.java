package io.github.influxreset.backup;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.data.InOrderWriter;
import io.github.influxreset.engine.port.InfluxPort;
import java.util.function.Consumer;

/**
 * Writes the lines of a set's export into a bucket in batches, in order, on a thread of its own while
 * the next batch is read (at most two waiting, so memory stays bounded); a refusal names the lines and
 * the file, and stops the writing.
 */
final class BucketWriter {
    private static final int BATCH = 5_000;

    private final InfluxPort influx;
    private final String bucket;
    private final String export;

    /** @param export the file the lines come from, as error messages name it */
    BucketWriter(InfluxPort influx, String bucket, String export) {
        this.influx = influx;
        this.bucket = bucket;
        this.export = export;
    }

    /** Hands {@code lines} a consumer for every line, writing as the batches fill and the rest at the end. */
    void writeAll(Consumer<Consumer<String>> lines) {
        try (InOrderWriter writer = new InOrderWriter("restore-writer")) {
            StringBuilder batch = new StringBuilder();
            long[] number = {0};
            int[] inBatch = {0};
            lines.accept(line -> {
                batch.append(line).append('\n');
                number[0]++;
                if (++inBatch[0] == BATCH) {
                    submit(writer, batch.toString(), number[0] - inBatch[0] + 1, number[0]);
                    batch.setLength(0);
                    inBatch[0] = 0;
                }
            });
            if (inBatch[0] > 0) {
                submit(writer, batch.toString(), number[0] - inBatch[0] + 1, number[0]);
            }
            writer.awaitAll();
        }
    }

    private void submit(InOrderWriter writer, String batch, long first, long last) {
        writer.submit(() -> {
            try {
                influx.write(bucket, batch);
            } catch (ResetException refused) {
                throw new ResetException(refused.reason(), "Lines " + first + "-" + last + " of " + export + ": "
                        + refused.getMessage(), refused.hint(), refused);
            }
        });
    }
}
