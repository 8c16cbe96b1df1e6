package io.github.influxreset.influx.v2;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.query.FluxRecord;
import com.influxdb.query.FluxTable;
import io.github.influxreset.domain.FieldType;
import io.github.influxreset.domain.LineProtocol;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** The Flux queries the 2.x adapter needs: counts, schema keys with types, and export. */
final class FluxQueries {
    private static final Set<String> SYSTEM_COLUMNS = Set.of("result", "table", "_start", "_stop", "_time",
            "_value", "_field", "_measurement");

    private static final String ALL = "start: 0";
    private final InfluxDBClient client;
    private final String org;

    FluxQueries(InfluxDBClient client, String org) {
        this.client = client;
        this.org = org;
    }

    /** Runs {@code aggregate} per measurement and field after {@code filter}; the max per measurement. */
    Map<String, Long> maxPerMeasurement(String bucket, String filter, String aggregate) {
        return maxPerMeasurement(from(bucket) + filter + " |> group(columns: [\"_measurement\", \"_field\"]) |> " + aggregate);
    }

    /** The query's values (one per measurement and field): the max per measurement. */
    private Map<String, Long> maxPerMeasurement(String query) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (FluxTable table : client.getQueryApi().query(query, org)) {
            for (FluxRecord record : table.getRecords()) {
                long value = ((Number) record.getValue()).longValue();
                counts.merge(record.getMeasurement(), value, Math::max);
            }
        }
        return counts;
    }

    /** Values per measurement and field of the whole bucket. */
    Map<String, Map<String, Long>> countPerField(String bucket) {
        return countPerField(bucket, ALL);
    }

    /** Values per measurement and field in a {@link #range} of the bucket. */
    Map<String, Map<String, Long>> countPerField(String bucket, String range) {
        String query = from(bucket, range) + " |> group(columns: [\"_measurement\", \"_field\"]) |> count()";
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (FluxTable table : client.getQueryApi().query(query, org)) {
            for (FluxRecord record : table.getRecords()) {
                counts.computeIfAbsent(record.getMeasurement(), m -> new LinkedHashMap<>())
                        .merge(record.getField(), ((Number) record.getValue()).longValue(), Long::sum);
            }
        }
        return counts;
    }

    /** Points (the most values of one field, per measurement) after {@code since}, summed. */
    long pointsSince(String bucket, Instant since) {
        // an explicit stop: a start after the server's now (its clock behind ours) is then no "empty range" error
        String query = "from(bucket: " + string(bucket) + ") |> range(start: " + since + ", stop: 2200-01-01T00:00:00Z)"
                + " |> group(columns: [\"_measurement\", \"_field\"]) |> count()";
        return maxPerMeasurement(query).values().stream().mapToLong(Long::longValue).sum();
    }

    List<String> measurements(String bucket) {
        String query = "import \"influxdata/influxdb/schema\"\nschema.measurements(bucket: " + string(bucket) + ", start: 0)";
        return client.getQueryApi().query(query, org).stream().flatMap(t -> t.getRecords().stream())
                .map(r -> String.valueOf(r.getValue())).sorted().toList();
    }

    List<String> tagKeys(String bucket, String measurement) {
        String query = "import \"influxdata/influxdb/schema\"\nschema.measurementTagKeys(bucket: " + string(bucket)
                + ", measurement: " + string(measurement) + ", start: 0)";
        return client.getQueryApi().query(query, org).stream().flatMap(t -> t.getRecords().stream())
                .map(r -> String.valueOf(r.getValue())).filter(k -> !k.startsWith("_")).toList();
    }

    Map<String, FieldType> fieldTypes(String bucket, String measurement) {
        String query = from(bucket) + " |> filter(fn: (r) => r._measurement == " + string(measurement)
                + ") |> group(columns: [\"_field\"]) |> last()";
        Map<String, FieldType> fields = new LinkedHashMap<>();
        for (FluxTable table : client.getQueryApi().query(query, org)) {
            for (FluxRecord record : table.getRecords()) {
                fields.put(record.getField(), typeOf(record.getValue()));
            }
        }
        return fields;
    }

    Optional<String> anyTagValue(String bucket, String measurement, String tag) {
        String query = "import \"influxdata/influxdb/schema\"\nschema.measurementTagValues(bucket: " + string(bucket)
                + ", measurement: " + string(measurement) + ", tag: " + string(tag) + ", start: 0) |> limit(n: 1)";
        return client.getQueryApi().query(query, org).stream().flatMap(t -> t.getRecords().stream())
                .map(r -> String.valueOf(r.getValue())).findFirst();
    }

    /** A typical dashboard query: one series over the last day, hourly means of its numeric fields. */
    Object lastDayHourlyMean(String bucket, String measurement, String tag, String value) {
        return client.getQueryApi().query("import \"types\"\nfrom(bucket: " + string(bucket) + ") |> range(start: -24h) "
                + "|> filter(fn: (r) => r._measurement == " + string(measurement) + " and r[" + string(tag) + "] == "
                + string(value) + ") |> filter(fn: (r) => types.isNumeric(v: r._value)) |> aggregateWindow(every: 1h, fn: mean)", org);
    }

    long tagCardinality(String bucket, String measurement, String tag) {
        String query = "import \"influxdata/influxdb/schema\"\nschema.measurementTagValues(bucket: " + string(bucket)
                + ", measurement: " + string(measurement) + ", tag: " + string(tag) + ", start: 0) |> count()";
        return client.getQueryApi().query(query, org).stream().flatMap(t -> t.getRecords().stream())
                .mapToLong(r -> ((Number) r.getValue()).longValue()).sum();
    }

    /** Streams the whole bucket as line protocol, one line per field value; blocks until done. */
    long export(String bucket, OutputStream out) {
        return export(bucket, out, ALL);
    }

    /** Streams a {@link #range} of the bucket as line protocol, one line per field value; blocks until done. */
    long export(String bucket, OutputStream out, String range) {
        long[] lines = {0};
        CountDownLatch done = new CountDownLatch(1);
        Throwable[] failure = {null};
        client.getQueryApi().query(from(bucket, range), org, (cancellable, record) -> {
            writeLine(out, record);
            lines[0]++;
        }, error -> {
            failure[0] = error;
            done.countDown();
        }, done::countDown);
        awaitQuery(done);
        if (failure[0] instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure[0] != null) {
            throw new IllegalStateException("export of " + bucket + " failed", failure[0]);
        }
        return lines[0];
    }

    private static void writeLine(OutputStream out, FluxRecord record) {
        Map<String, String> tags = new LinkedHashMap<>();
        record.getValues().forEach((key, value) -> {
            if (!SYSTEM_COLUMNS.contains(key) && value != null) {
                tags.put(key, value.toString());
            }
        });
        Object value = record.getValue();
        String line = LineProtocol.point(record.getMeasurement(), tags, Map.of(record.getField(),
                value instanceof Number n && typeOf(value) == FieldType.INTEGER ? (Object) n.longValue() : value),
                LineProtocol.nanos(record.getTime()));
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitQuery(CountDownLatch done) {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during an export", e);
        }
    }

    static String string(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String from(String bucket) {
        return from(bucket, ALL);
    }

    private static String from(String bucket, String range) {
        return "from(bucket: " + string(bucket) + ") |> range(" + range + ")";
    }

    /** The arguments of Flux's range() for {@code from <= time < to}. */
    static String range(Instant from, Instant to) {
        return "start: " + from + ", stop: " + to;
    }

    private static FieldType typeOf(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return FieldType.INTEGER;
        }
        if (value instanceof Boolean) {
            return FieldType.BOOLEAN;
        }
        if (value instanceof String) {
            return FieldType.STRING;
        }
        return FieldType.FLOAT;
    }
}
