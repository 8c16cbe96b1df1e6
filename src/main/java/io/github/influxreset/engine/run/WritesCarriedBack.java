package io.github.influxreset.engine.run;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.FieldCounts;
import io.github.influxreset.domain.FieldType;
import io.github.influxreset.domain.LinePoint;
import io.github.influxreset.domain.LineProtocol;
import io.github.influxreset.domain.MeasurementSchema;
import io.github.influxreset.domain.PointConverter;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.checks.SchemaValidator;
import io.github.influxreset.engine.data.LiveRange;
import io.github.influxreset.engine.port.InfluxPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The last part of a rollback that replaced live buckets: what the services wrote into the run's
 * buckets after the run stopped them (so, after it started them again) is written into the buckets
 * of the same name as the rollback left them, from the verified set it wrote before its first undo
 * (but a validation's probe point, the run's own test data).
 * A value is converted to the type the restored bucket holds where that loses nothing; one that
 * cannot be, a batch the server refuses and a bucket that did not exist before the run stay in that
 * set only, and the sentences say so. Never fails the rollback: the set keeps every point either way.
 */
final class WritesCarriedBack {
    private static final int BATCH = 5_000;

    private final RunContext ctx;
    private final String setId;
    private final Instant since;

    /** @param since when the run stopped the first service: every point stamped from then on came after the restart */
    WritesCarriedBack(RunContext ctx, String setId, Instant since) {
        this.ctx = ctx;
        this.setId = setId;
        this.since = since;
    }

    /** Carries the buckets back, one sentence each for the rollback's last lines. */
    List<String> carry(Set<String> buckets) {
        InfluxPort influx = ctx.ports().influx();
        Set<String> live = influx.buckets().stream().map(BucketSpec::name).collect(Collectors.toSet());
        List<String> sentences = new ArrayList<>();
        for (String bucket : buckets) {
            if (!ctx.ports().backups().holdsBucket(setId, bucket)) {
                continue;
            }
            try {
                carried(bucket, live.contains(bucket)).ifPresent(sentences::add);
            } catch (ResetException failure) {
                sentences.add("The points written to bucket " + bucket + " since the restart were not carried back ("
                        + failure.getMessage() + "); backup set " + setId + " keeps them: 'restore " + setId + " --bucket "
                        + bucket + " --into-existing' merges them in.");
            }
        }
        sentences.forEach(ctx::info);
        return sentences;
    }

    private Optional<String> carried(String bucket, boolean exists) {
        long sinceNanos = LineProtocol.nanos(since);
        Tally tally = new Tally();
        Map<String, Optional<MeasurementSchema>> schemas = new HashMap<>();
        List<String> batch = new ArrayList<>();
        ctx.ports().backups().exportLines(setId, bucket, line -> {
            if (line.isBlank() || line.startsWith("#")) {
                return;
            }
            LinePoint point = LinePoint.parse(line);
            if (point.time() < sinceNanos || isProbe(point)) {
                return;
            }
            tally.read++;
            if (!exists) {
                return;
            }
            PointConverter.Result result = new PointConverter(schemas.computeIfAbsent(point.measurement(),
                    m -> liveSchema(bucket, m)), Long.MIN_VALUE).convert(point);
            tally.note(result);
            result.point().ifPresent(p -> {
                batch.add(p.format());
                p.fields().keySet().forEach(f -> tally.written.computeIfAbsent(p.measurement(), m -> new TreeMap<>())
                        .merge(f, 1L, Long::sum));
            });
            if (batch.size() == BATCH) {
                write(bucket, batch, tally);
            }
        });
        write(bucket, batch, tally);
        if (tally.read == 0) {
            return Optional.empty();
        }
        if (!exists) {
            return Optional.of(tally.read + " point(s) were written to bucket " + bucket + " since the restart, but the "
                    + "bucket did not exist before the run: they stay in backup set " + setId + " only.");
        }
        return Optional.of(tally.sentence(bucket, setId, missing(bucket, tally.written)));
    }

    /** A validation's probe point a killed run left in its bucket: the run's own test data, never carried back. */
    private static boolean isProbe(LinePoint point) {
        return point.tags().values().stream().anyMatch(value -> value.startsWith(SchemaValidator.PROBE_PREFIX));
    }

    /** The types the restored bucket holds for the measurement's fields; empty when it has none (carried as they are). */
    private Optional<MeasurementSchema> liveSchema(String bucket, String measurement) {
        Map<String, FieldType> fields = ctx.ports().influx().fieldKeys(bucket, measurement);
        return fields.isEmpty() ? Optional.empty() : Optional.of(new MeasurementSchema(measurement, bucket, List.of(), fields));
    }

    private void write(String bucket, List<String> batch, Tally tally) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            ctx.ports().influx().write(bucket, String.join("\n", batch) + "\n");
            tally.carried += batch.size();
        } catch (ResetException refused) {
            tally.refused += batch.size();
            tally.firstRefusal = tally.firstRefusal.isEmpty() ? refused.getMessage() : tally.firstRefusal;
        }
        batch.clear();
    }

    /** Values written that the bucket does not hold in the range now, per measurement and field. */
    private List<String> missing(String bucket, Map<String, Map<String, Long>> written) {
        return FieldCounts.lacking(FieldCounts.nonZero(written), ctx.ports().influx().countFieldValues(bucket, since,
                LiveRange.END));
    }

    /** What became of the points of one bucket. */
    private static final class Tally {
        long read;
        long carried;
        long converted;
        long refused;
        String firstRefusal = "";
        final Map<String, String> leftOut = new LinkedHashMap<>();
        long pointsLeftOut;
        final Map<String, Map<String, Long>> written = new TreeMap<>();

        void note(PointConverter.Result result) {
            converted += result.converted() ? 1 : 0;
            if (!result.leftOut().isEmpty()) {
                pointsLeftOut++;
                result.leftOut().forEach(leftOut::putIfAbsent);
            }
        }

        String sentence(String bucket, String setId, List<String> missing) {
            StringBuilder text = new StringBuilder((carried == read ? "" : carried + " of ") + read + " point(s) written to"
                    + " bucket " + bucket + " since the restart " + (carried == 1 ? "was" : "were") + " carried back into it"
                    + (converted > 0 ? " (" + converted + " converted to the types the old bucket holds)" : "") + ".");
            if (pointsLeftOut > 0) {
                text.append(" Field(s) ").append(leftOut.entrySet().stream().map(e -> e.getKey() + " (e.g. " + e.getValue()
                        + ")").collect(Collectors.joining(", "))).append(" of ").append(pointsLeftOut)
                        .append(" point(s) cannot take the old bucket's type and stay in backup set ").append(setId)
                        .append(" only.");
            }
            if (refused > 0) {
                text.append(" The server refused ").append(refused).append(" of them (").append(firstRefusal)
                        .append("); backup set ").append(setId).append(" keeps them.");
            }
            if (!missing.isEmpty()) {
                text.append(" Counted afterwards, the bucket lacks values (").append(String.join("; ", missing))
                        .append("); backup set ").append(setId).append(" keeps them.");
            }
            return text.toString();
        }
    }
}
