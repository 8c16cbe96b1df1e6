package io.github.influxreset.backup;

import io.github.influxreset.domain.LineSections;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.data.InOrderWriter;
import io.github.influxreset.engine.port.InfluxPort;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

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

    /**
     * Hands {@code lines} a consumer for every line, writing as the batches fill and the rest at the
     * end; {@code valuesWritten} hears the values the server took so far after each batch (from the
     * writing thread).
     */
    void writeAll(Consumer<Consumer<String>> lines, LongConsumer valuesWritten) {
        try (InOrderWriter writer = new InOrderWriter("restore-writer")) {
            StringBuilder batch = new StringBuilder();
            long[] number = {0};
            long[] values = {0};
            int[] inBatch = {0};
            lines.accept(line -> {
                batch.append(line).append('\n');
                number[0]++;
                values[0] += LineSections.fieldCount(line);
                if (++inBatch[0] == BATCH) {
                    submit(writer, batch.toString(), number[0] - inBatch[0] + 1, number[0], values[0], valuesWritten);
                    batch.setLength(0);
                    inBatch[0] = 0;
                }
            });
            if (inBatch[0] > 0) {
                submit(writer, batch.toString(), number[0] - inBatch[0] + 1, number[0], values[0], valuesWritten);
            }
            writer.awaitAll();
        }
    }

    private void submit(InOrderWriter writer, String batch, long first, long last, long valuesThen,
                        LongConsumer valuesWritten) {
        writer.submit(() -> {
            try {
                influx.write(bucket, batch);
            } catch (ResetException refused) {
                throw new ResetException(refused.reason(), "Lines " + first + "-" + last + " of " + export + ": "
                        + refused.getMessage(), refused.hint(), refused);
            }
            valuesWritten.accept(valuesThen);
        });
    }
}
