package io.github.influxreset.influx.v2;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.query.FluxRecord;
import com.influxdb.query.FluxTable;
import io.github.influxreset.domain.FieldType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The Flux queries the 2.x adapter needs: counts, schema keys with types, and export. */
final class FluxQueries {
    private static final Set<String> SYSTEM_COLUMNS = Set.of("result", "table", "_start", "_stop", "_time",
            "_value", "_field", "_measurement");

    /** The arguments of Flux's range() for every point. */
    static final String ALL = "start: 0";
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

    static String string(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String from(String bucket) {
        return from(bucket, ALL);
    }

    /** {@code from(bucket: …) |> range(…)}. */
    static String from(String bucket, String range) {
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
