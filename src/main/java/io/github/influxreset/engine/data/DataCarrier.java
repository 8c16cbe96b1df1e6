package io.github.influxreset.engine.data;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.CarryRule;
import io.github.influxreset.domain.CarryTally;
import io.github.influxreset.domain.LinePoint;
import io.github.influxreset.domain.LineProtocol;
import io.github.influxreset.domain.MeasurementSchema;
import io.github.influxreset.domain.PointConverter;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.port.InfluxPort;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Carries one bucket's old points (line protocol, as a backup set's export holds them) into the
 * profile's schema: the same pass makes the forecast (nothing written) and the carrying (written in
 * batches), so that the two can be compared point for point.
 */
public final class DataCarrier {
    /** Lines per write: large enough for the server's speed, small enough to hold in memory. */
    static final int BATCH = 5_000;
    /** Points this close to the retention's edge are skipped too: InfluxDB would delete them within the minute. */
    static final Duration EDGE = Duration.ofMinutes(1);

    /** A source of line-protocol lines, read once from start to end. */
    @FunctionalInterface
    public interface Lines {
        void each(Consumer<String> line);
    }

    private final Profile profile;

    public DataCarrier(Profile profile) {
        this.profile = profile;
    }

    /** Points older than this (nanoseconds) are not carried into {@code bucket}: its retention has them deleted. */
    public static long cutoff(BucketSpec bucket, Instant now) {
        if (bucket.retention().isInfinite()) {
            return Long.MIN_VALUE;
        }
        Instant edge = now.minus(bucket.retention().duration()).plus(EDGE);
        return LineProtocol.nanos(edge);
    }

    /** What carrying would do; writes nothing. */
    public CarryTally forecast(String bucket, Lines source, long cutoff) {
        return forecast(bucket, source, cutoff, soFar -> { });
    }

    /** As {@link #forecast(String, Lines, long)}, telling {@code onBatch} the tally after each batch read. */
    public CarryTally forecast(String bucket, Lines source, long cutoff, Consumer<CarryTally> onBatch) {
        return run(bucket, source, cutoff, line -> { }, onBatch::accept);
    }

    /**
     * Converts and writes every point; {@code progress} hears of each batch with points done, rate
     * and time left. Batches are written by one thread of their own while the next is converted
     * (at most two waiting), so converting costs little beside the server's own time; the first
     * write that fails stops the carrying with its sentence.
     */
    public CarryTally carry(String bucket, Lines source, long cutoff, InfluxPort influx, long expected, Progress progress) {
        return carry(bucket, bucket, source, cutoff, influx, new Expected(expected, -1), progress);
    }

    /**
     * What a carrying is expected to go through: points (said beside the points carried) and field
     * values (what the progress fraction, rate and time left count, as every line read moves them).
     *
     * @param values the values the source holds, as the forecast read them; -1 when not known
     */
    public record Expected(long points, long values) {
    }

    /** As {@link #carry(String, Lines, long, InfluxPort, long, Progress)}, by {@code bucket}'s schema, written into {@code into}. */
    public CarryTally carry(String bucket, String into, Lines source, long cutoff, InfluxPort influx, Expected expected,
                            Progress progress) {
        long started = System.nanoTime();
        try (InOrderWriter writer = new InOrderWriter("carry-writer")) {
            StringBuilder batch = new StringBuilder(BATCH * 160);
            int[] inBatch = {0};
            CarryTally tally = run(bucket, source, cutoff, line -> {
                batch.append(line).append('\n');
                if (++inBatch[0] == BATCH) {
                    String lines = batch.toString();
                    writer.submit(() -> influx.write(into, lines));
                    batch.setLength(0);
                    inBatch[0] = 0;
                }
            }, read -> report(bucket, read, expected, started, progress));
            if (inBatch[0] > 0) {
                String lines = batch.toString();
                writer.submit(() -> influx.write(into, lines));
            }
            writer.awaitAll();
            report(bucket, tally, expected, started, progress);
            return tally;
        }
    }

    private interface Tick {
        void read(CarryTally soFar);
    }

    private CarryTally run(String bucket, Lines source, long cutoff, Consumer<String> out, Tick tick) {
        CarryTally tally = new CarryTally(bucket);
        Map<String, PointConverter> converters = new HashMap<>();
        Map<String, Set<Long>> seenWhereTagsDrop = new HashMap<>();
        long[] number = {0};
        source.each(line -> {
            number[0]++;
            if (line.isBlank() || line.startsWith("#")) {
                return;
            }
            LinePoint point = parse(line, number[0], bucket);
            Optional<MeasurementSchema> schema = schema(bucket, point.measurement());
            PointConverter.Result result = converters.computeIfAbsent(point.measurement(),
                    m -> new PointConverter(schema, cutoff)).convert(point);
            int merged = 0;
            if (result.point().isPresent()) {
                LinePoint carried = result.point().get();
                if (schema.map(s -> s.carry().extraTags() == CarryRule.ExtraTags.DROP).orElse(false)) {
                    Set<Long> seen = seenWhereTagsDrop.computeIfAbsent(carried.measurement(), m -> new HashSet<>());
                    merged = (int) carried.fields().keySet().stream().filter(field -> !seen.add(identity(carried, field)))
                            .count();
                }
                out.accept(carried.format());
            }
            tally.add(point, result, merged);
            if (number[0] % BATCH == 0) {
                tick.read(tally);
            }
        });
        return tally;
    }

    private Optional<MeasurementSchema> schema(String bucket, String measurement) {
        return profile.schema().stream().filter(s -> s.bucket().equals(bucket) && s.measurement().equals(measurement))
                .findFirst();
    }

    private static LinePoint parse(String line, long number, String bucket) {
        try {
            return LinePoint.parse(line);
        } catch (IllegalArgumentException malformed) {
            throw ResetException.problem("Line " + number + " of bucket " + bucket + "'s export is not line protocol ("
                    + malformed.getMessage() + "), so its points cannot be carried.",
                    "Verify the backup set ('backups verify'); restore it as it is with 'restore' instead.", malformed);
        }
    }

    /**
     * A 64-bit identity of a field's value in a point: series, time and field key. Two values with
     * the same one overwrite each other in InfluxDB.
     */
    static long identity(LinePoint point, String field) {
        String key = point.seriesKey() + ' ' + field;
        long h = 1125899906842597L;
        for (int i = 0; i < key.length(); i++) {
            h = 31 * h + key.charAt(i);
        }
        return h * 0x9E3779B97F4A7C15L ^ point.time();
    }

    /**
     * Says how far the carrying is: points carried (of those expected), and the values read, which move
     * with every line whether or not it is carried (a line older than the retention is read and left), so
     * the rate and the time left stay honest.
     */
    private static void report(String bucket, CarryTally soFar, Expected expected, long startedNanos, Progress progress) {
        double seconds = Math.max(1e-3, (System.nanoTime() - startedNanos) / 1e9);
        long done = soFar.carried();
        long read = soFar.valuesRead();
        long rate = Math.round(read / seconds);
        boolean knowsValues = expected.values() > 0;
        String left = knowsValues && expected.values() > read && rate > 0
                ? ", about " + TimeLeft.format(Math.max(1, (expected.values() - read) / rate)) + " left" : "";
        double fraction = knowsValues ? (double) read / expected.values()
                : expected.points() > 0 ? (double) done / expected.points() : -1;
        progress.update(fraction < 0 ? -1 : Math.min(1, fraction), String.format(Locale.ROOT,
                "Carrying bucket %s: %,d%s points carried (%,d%s values read, %,d values/s%s)", bucket, done,
                expected.points() <= 0 ? "" : done <= expected.points() ? " of " + String.format(Locale.ROOT, "%,d",
                        expected.points()) : " (the " + expected.points() + " counted before and "
                        + (done - expected.points()) + " written since)",
                read, knowsValues ? String.format(Locale.ROOT, " of %,d", expected.values()) : "", rate, left));
    }
}
