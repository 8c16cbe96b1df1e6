package io.github.influxreset.influx.v1;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.FieldType;
import io.github.influxreset.domain.InfluxSpec;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.influx.GoDuration;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link InfluxPort} for InfluxDB 1.x over its HTTP API. A bucket is a database; its retention is
 * the duration of the database's default retention policy.
 */
public final class InfluxV1Adapter implements InfluxPort {
    private final InfluxV1Http http;

    public InfluxV1Adapter(InfluxSpec spec) {
        this.http = new InfluxV1Http(spec.url(), spec.username(), spec.password(), spec.tls());
    }

    @Override
    public String health() {
        String version = http.ping();
        if (version.startsWith("2.") || version.startsWith("v2")) {
            throw ResetException.badInput("The server is InfluxDB " + version + " but the profile says version 1.",
                    "Set influx.version: 2 in the profile.");
        }
        return version;
    }

    @Override
    public void setup(String firstBucket) {
        // 1.x has no onboarding; databases are created by createBucket
    }

    @Override
    public List<BucketSpec> buckets() {
        List<BucketSpec> buckets = new ArrayList<>();
        for (String db : column(http.query(null, "SHOW DATABASES"), 0)) {
            if (!db.startsWith("_")) {
                buckets.add(new BucketSpec(db, defaultRetention(db)));
            }
        }
        return buckets;
    }

    @Override
    public void createBucket(BucketSpec bucket) {
        http.query(null, "CREATE DATABASE " + InfluxQl.ident(bucket.name()) + " WITH DURATION " + duration(bucket.retention()));
        updateRetention(bucket);
    }

    @Override
    public void updateRetention(BucketSpec bucket) {
        String policy = defaultPolicy(bucket.name());
        http.query(null, "ALTER RETENTION POLICY " + InfluxQl.ident(policy) + " ON " + InfluxQl.ident(bucket.name())
                + " DURATION " + duration(bucket.retention()) + " DEFAULT");
    }

    @Override
    public void deleteBucket(String bucket) {
        http.query(null, "DROP DATABASE " + InfluxQl.ident(bucket));
    }

    @Override
    public void write(String bucket, String lineProtocol) {
        http.write(bucket, lineProtocol);
    }

    @Override
    public Map<String, Long> countPoints(String bucket) {
        return countPoints(bucket, "");
    }

    @Override
    public long pointsSince(String bucket, Instant since) {
        return countPoints(bucket, " WHERE time > '" + since + "'").values().stream().mapToLong(Long::longValue).sum();
    }

    /** Points per measurement (the most values of one field) where {@code where} holds. */
    private Map<String, Long> countPoints(String bucket, String where) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String measurement : measurements(bucket)) {
            counts.put(measurement, maxCount(http.query(bucket, "SELECT count(*) FROM " + InfluxQl.ident(measurement) + where)));
        }
        return counts;
    }

    @Override
    public Map<String, Map<String, Long>> countFieldValues(String bucket) {
        return countFieldValues(bucket, "");
    }

    @Override
    public Map<String, Map<String, Long>> countFieldValues(String bucket, Instant from, Instant to) {
        return countFieldValues(bucket, within(from, to));
    }

    /** A time range [from, to) as an InfluxQL condition. */
    private static String within(Instant from, Instant to) {
        return " WHERE time >= '" + from + "' AND time < '" + to + "'";
    }

    private Map<String, Map<String, Long>> countFieldValues(String bucket, String where) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (String measurement : measurements(bucket)) {
            JsonNode result = http.query(bucket, "SELECT count(*) FROM " + InfluxQl.ident(measurement) + where);
            Map<String, Long> fields = new LinkedHashMap<>();
            for (JsonNode series : result.path("series")) {
                JsonNode columns = series.path("columns");
                for (JsonNode row : series.path("values")) {
                    for (int i = 1; i < columns.size(); i++) {
                        String field = columns.path(i).asText().replaceFirst("^count_", "");
                        fields.merge(field, row.path(i).asLong(), Long::sum);
                    }
                }
            }
            counts.put(measurement, fields);
        }
        return counts;
    }

    @Override
    public List<String> tagKeys(String bucket, String measurement) {
        return column(http.query(bucket, "SHOW TAG KEYS FROM " + InfluxQl.ident(measurement)), 0);
    }

    @Override
    public Map<String, FieldType> fieldKeys(String bucket, String measurement) {
        Map<String, FieldType> fields = new LinkedHashMap<>();
        for (JsonNode row : rows(http.query(bucket, "SHOW FIELD KEYS FROM " + InfluxQl.ident(measurement)))) {
            FieldType.fromName(row.path(1).asText()).ifPresent(t -> fields.put(row.path(0).asText(), t));
        }
        return fields;
    }

    @Override
    public long countWhere(String bucket, String measurement, String tag, String value) {
        return maxCount(http.query(bucket, "SELECT count(*) FROM " + InfluxQl.ident(measurement) + " WHERE "
                + InfluxQl.ident(tag) + " = " + InfluxQl.literal(value)));
    }

    @Override
    public void deleteWhere(String bucket, String measurement, String tag, String value) {
        http.query(bucket, "DROP SERIES FROM " + InfluxQl.ident(measurement) + " WHERE " + InfluxQl.ident(tag)
                + " = " + InfluxQl.literal(value));
    }

    @Override
    public Optional<String> anyTagValue(String bucket, String measurement, String tag) {
        return column(http.query(bucket, "SHOW TAG VALUES FROM " + InfluxQl.ident(measurement) + " WITH KEY = "
                + InfluxQl.ident(tag) + " LIMIT 1"), 1).stream().findFirst();
    }

    @Override
    public void typicalQuery(String bucket, String measurement, String tag, String value) {
        http.query(bucket, "SELECT mean(*) FROM " + InfluxQl.ident(measurement) + " WHERE " + InfluxQl.ident(tag) + " = "
                + InfluxQl.literal(value) + " AND time > now() - 24h GROUP BY time(1h)");
    }

    @Override
    public long tagCardinality(String bucket, String measurement, String tag) {
        JsonNode result = http.query(bucket, "SHOW TAG VALUES EXACT CARDINALITY FROM " + InfluxQl.ident(measurement)
                + " WITH KEY = " + InfluxQl.ident(tag));
        return rows(result).stream().mapToLong(row -> row.path(0).asLong()).sum();
    }

    @Override
    public long export(String bucket, OutputStream out) {
        return export(bucket, out, "");
    }

    @Override
    public long export(String bucket, OutputStream out, Instant from, Instant to) {
        return export(bucket, out, within(from, to));
    }

    private long export(String bucket, OutputStream out, String where) {
        long points = 0;
        for (String measurement : measurements(bucket)) {
            LineWriter writer = new LineWriter(measurement, fieldKeys(bucket, measurement));
            long[] count = {0};
            http.queryChunked(bucket, "SELECT * FROM " + InfluxQl.ident(measurement) + where + " GROUP BY *", chunk -> {
                for (JsonNode series : chunk.path("series")) {
                    count[0] += writer.write(series, line -> writeLine(out, line));
                }
            });
            points += count[0];
        }
        return points;
    }

    @Override
    public List<String> measurements(String bucket) {
        return column(http.query(bucket, "SHOW MEASUREMENTS"), 0).stream().sorted().toList();
    }

    private Retention defaultRetention(String db) {
        for (JsonNode row : rows(http.query(null, "SHOW RETENTION POLICIES ON " + InfluxQl.ident(db)))) {
            if (row.path(4).asBoolean()) {
                return GoDuration.parse(row.path(1).asText());
            }
        }
        return Retention.INFINITE;
    }

    private String defaultPolicy(String db) {
        for (JsonNode row : rows(http.query(null, "SHOW RETENTION POLICIES ON " + InfluxQl.ident(db)))) {
            if (row.path(4).asBoolean()) {
                return row.path(0).asText();
            }
        }
        return "autogen";
    }

    private static String duration(Retention retention) {
        return retention.isInfinite() ? "INF" : retention.seconds() / 60 + "m";
    }

    private static long maxCount(JsonNode result) {
        long max = 0;
        for (JsonNode row : rows(result)) {
            for (int i = 1; i < row.size(); i++) {
                max = Math.max(max, row.path(i).asLong());
            }
        }
        return max;
    }

    private static List<JsonNode> rows(JsonNode result) {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode series : result.path("series")) {
            series.path("values").forEach(rows::add);
        }
        return rows;
    }

    private static List<String> column(JsonNode result, int index) {
        return rows(result).stream().map(row -> row.path(index).asText()).toList();
    }

    private static void writeLine(OutputStream out, String line) {
        try {
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
