package io.github.influxreset.engine.data;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.port.InfluxPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A time range of one live bucket, read straight from the server as line protocol while the
 * services run: what an online reset carries after its switch, and what its rollback carries back.
 */
public final class LiveRange {
    /** Far enough in the future for any point a writer stamps; Flux needs a stop. */
    public static final Instant END = Instant.parse("2200-01-01T00:00:00Z");
    private static final int BATCH = 5_000;

    private final InfluxPort influx;
    private final String bucket;
    private final Instant from;
    private final Instant to;

    public LiveRange(InfluxPort influx, String bucket, Instant from, Instant to) {
        this.influx = influx;
        this.bucket = bucket;
        this.from = from;
        this.to = to;
    }

    /** The range as lines, for {@link DataCarrier}: read once, from start to end. */
    public DataCarrier.Lines lines() {
        return line -> {
            try (LineSplitter out = new LineSplitter(line)) {
                influx.export(bucket, out, from, to);
            }
        };
    }

    /**
     * {@link #copyInto}, again while the range took values during the copy (writes on their way when
     * the bucket was renamed), at most three times.
     */
    public Copied copyUntilStill(String into) {
        Copied copied;
        int rounds = 0;
        Map<String, Map<String, Long>> before;
        do {
            before = influx.countFieldValues(bucket, from, to);
            copied = copyInto(into);
        } while (++rounds < 3 && !before.equals(influx.countFieldValues(bucket, from, to)));
        return copied;
    }

    /** What {@link #copyInto} wrote, and the first refusal of a batch that the server took only in part or not at all. */
    public record Copied(long lines, int refusedBatches, String firstRefusal) {
    }

    /**
     * Writes every point of the range as it is into {@code into}, in batches; a batch the server
     * refuses (a field type conflict is refused point by point, the rest written) does not stop
     * the others.
     */
    public Copied copyInto(String into) {
        StringBuilder batch = new StringBuilder();
        long[] lines = {0};
        int[] inBatch = {0};
        List<String> refusals = new ArrayList<>();
        Runnable flush = () -> {
            try {
                influx.write(into, batch.toString());
            } catch (ResetException refused) {
                refusals.add(refused.getMessage());
            }
            batch.setLength(0);
            inBatch[0] = 0;
        };
        lines().each(line -> {
            if (line.isBlank()) {
                return;
            }
            batch.append(line).append('\n');
            lines[0]++;
            if (++inBatch[0] == BATCH) {
                flush.run();
            }
        });
        if (inBatch[0] > 0) {
            flush.run();
        }
        return new Copied(lines[0], refusals.size(), refusals.isEmpty() ? "" : refusals.get(0));
    }
}
