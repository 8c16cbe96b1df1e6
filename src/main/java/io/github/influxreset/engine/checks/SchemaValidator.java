package io.github.influxreset.engine.checks;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.FieldType;
import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.KeyPattern;
import io.github.influxreset.domain.LineProtocol;
import io.github.influxreset.domain.MeasurementSchema;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.port.InfluxPort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the live InfluxDB with the profile: buckets and retention, then per measurement a probe
 * point carrying every tag and typed field, read back and deleted again. Extra, missing and
 * wrongly typed keys, keys both tag and field, tags with unbounded values and a slow typical query
 * become findings (a drift report); nothing here throws for a mismatch. Everything but the probe
 * reads the index (tag and field keys, tag value cardinality), never scans the data.
 */
public final class SchemaValidator {
    public static final String PROBE_PREFIX = "influx_reset_probe.";
    /** A tag with this many values is taken for a per-event value (unbounded series). */
    static final long UNBOUNDED_TAG_VALUES = 10_000;
    private static final int QUERY_SAMPLES = 20;

    private final Profile profile;
    private final InfluxPort influx;

    public SchemaValidator(Profile profile, InfluxPort influx) {
        this.profile = profile;
        this.influx = influx;
    }

    public List<Finding> validate(String runId) {
        List<Finding> findings = new ArrayList<>(bucketFindings());
        for (MeasurementSchema schema : profile.schema()) {
            findings.addAll(measurementFindings(schema, runId));
        }
        return findings;
    }

    /** Deletes the probe points of a run wherever the schema could have put them. */
    public void deleteProbes(String runId) {
        for (MeasurementSchema schema : profile.schema()) {
            if (profile.bucket(schema.bucket()).isPresent() && bucketExists(schema.bucket())) {
                influx.deleteWhere(schema.bucket(), schema.measurement(), probeTag(schema), PROBE_PREFIX + runId);
            }
        }
    }

    /**
     * The probe points of a run still in {@code bucket}: the run's own test data, which the undo of
     * its validation deletes (one written while the server's answer was lost stays until then).
     */
    public long probesIn(String bucket, String runId) {
        long probes = 0;
        for (MeasurementSchema schema : profile.schema()) {
            if (schema.bucket().equals(bucket) && bucketExists(bucket)) {
                probes += influx.countWhere(bucket, schema.measurement(), probeTag(schema), PROBE_PREFIX + runId);
            }
        }
        return probes;
    }

    private List<Finding> bucketFindings() {
        Map<String, BucketSpec> live = new LinkedHashMap<>();
        influx.buckets().forEach(b -> live.put(b.name(), b));
        List<Finding> findings = new ArrayList<>();
        for (BucketSpec expected : profile.buckets()) {
            BucketSpec actual = live.get(expected.name());
            String subject = "Bucket " + expected.name();
            if (actual == null) {
                findings.add(Finding.error(subject, "missing"));
            } else if (!actual.retention().equals(expected.retention())) {
                findings.add(Finding.error(subject, "retention is " + actual.retention() + ", expected "
                        + expected.retention()));
            } else {
                findings.add(Finding.ok(subject, "exists, retention " + actual.retention()));
            }
        }
        return findings;
    }

    private List<Finding> measurementFindings(MeasurementSchema schema, String runId) {
        String subject = "Measurement " + schema.measurement();
        if (!bucketExists(schema.bucket())) {
            return List.of(Finding.error(subject, "bucket " + schema.bucket() + " is missing"));
        }
        String probe = PROBE_PREFIX + runId;
        List<Finding> findings = new ArrayList<>();
        boolean probeWritten = true;
        try {
            influx.write(schema.bucket(), probeLine(schema, probe));
        } catch (ResetException e) {
            probeWritten = false;
            findings.add(Finding.error(subject, "the probe point was refused: " + e.getMessage()));
        }
        findings.addAll(compareKeys(schema, subject, probeWritten));
        findings.addAll(cardinalityFindings(schema, subject));
        findings.add(queryTime(schema, subject));
        if (probeWritten) {
            influx.deleteWhere(schema.bucket(), schema.measurement(), probeTag(schema), probe);
            long left = influx.countWhere(schema.bucket(), schema.measurement(), probeTag(schema), probe);
            findings.add(left == 0 ? Finding.ok(subject, "probe point written, read back and deleted")
                    : Finding.error(subject, left + " probe point(s) could not be deleted"));
        }
        return findings;
    }

    /** Tags with so many values that they make a series per event: they belong in fields. */
    private List<Finding> cardinalityFindings(MeasurementSchema schema, String subject) {
        List<Finding> findings = new ArrayList<>();
        for (String tag : influx.tagKeys(schema.bucket(), schema.measurement())) {
            long values = influx.tagCardinality(schema.bucket(), schema.measurement(), tag);
            if (values >= UNBOUNDED_TAG_VALUES) {
                findings.add(Finding.warning(subject, "tag " + tag + " has " + values + " distinct values: its "
                        + "series grow with the data; a per-event value belongs in a field"));
            }
        }
        return findings;
    }

    /** The p95 of a typical dashboard query (one series, a day, hourly means), against the budget. */
    private Finding queryTime(MeasurementSchema schema, String subject) {
        String tag = probeTag(schema);
        Optional<String> series = influx.anyTagValue(schema.bucket(), schema.measurement(), tag);
        if (series.isEmpty()) {
            return Finding.info(subject, "no data to time a typical query on");
        }
        long[] nanos = new long[QUERY_SAMPLES];
        for (int i = 0; i < QUERY_SAMPLES; i++) {
            long start = System.nanoTime();
            influx.typicalQuery(schema.bucket(), schema.measurement(), tag, series.get());
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        long p95 = nanos[(int) Math.ceil(QUERY_SAMPLES * 0.95) - 1] / 1_000_000;
        long budget = profile.queryBudget().toMillis();
        String text = "typical query p95 " + p95 + " ms over " + QUERY_SAMPLES + " runs (budget " + budget + " ms)";
        return p95 <= budget ? Finding.ok(subject, text) : Finding.warning(subject, text);
    }

    /** Missing keys count only when the probe was written (then every declared key must be there). */
    private List<Finding> compareKeys(MeasurementSchema schema, String subject, boolean probeWritten) {
        List<Finding> findings = new ArrayList<>();
        List<String> liveTags = influx.tagKeys(schema.bucket(), schema.measurement());
        Map<String, FieldType> liveFields = influx.fieldKeys(schema.bucket(), schema.measurement());
        for (String tag : schema.tags()) {
            if (probeWritten && !liveTags.contains(tag)) {
                findings.add(Finding.error(subject, "tag " + tag + " is missing"));
            }
        }
        schema.fields().forEach((field, type) -> {
            FieldType live = liveFields.get(field);
            if (live == null) {
                if (probeWritten) {
                    findings.add(Finding.error(subject, "field " + field + " is missing"));
                }
            } else if (live != type) {
                findings.add(Finding.error(subject, "field " + field + " is " + live.yamlName()
                        + ", expected " + type.yamlName()));
            }
        });
        liveTags.stream().filter(t -> !schema.tags().contains(t) && !schema.tagMatchesAPattern(t))
                .forEach(t -> findings.add(Finding.warning(subject, "extra tag " + t + " is not in the profile")));
        liveFields.forEach((field, live) -> {
            if (schema.fields().containsKey(field)) {
                return;
            }
            Optional<KeyPattern> pattern = schema.fieldPattern(field);
            if (pattern.isEmpty()) {
                findings.add(Finding.warning(subject, "extra field " + field + " is not in the profile"));
            } else if (pattern.get().type().isPresent() && pattern.get().type().get() != live) {
                findings.add(Finding.error(subject, "field " + field + " is " + live.yamlName() + ", expected "
                        + pattern.get().typeName() + " (pattern " + pattern.get().glob() + ")"));
            }
        });
        liveTags.stream().filter(liveFields::containsKey)
                .forEach(k -> findings.add(Finding.warning(subject, k + " is both a tag and a field")));
        if (findings.isEmpty() && probeWritten) {
            long patterned = liveFields.keySet().stream().filter(f -> !schema.fields().containsKey(f)).count();
            findings.add(Finding.ok(subject, schema.tags().size() + " tags and " + schema.fields().size()
                    + " fields with the declared types" + (patterned == 0 ? "" : ", and " + patterned
                    + " more fields matching the profile's key patterns")));
        }
        return findings;
    }

    private String probeLine(MeasurementSchema schema, String probe) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String tag : schema.tags()) {
            tags.put(tag, "probe");
        }
        tags.put(probeTag(schema), probe);
        Map<String, Object> fields = new LinkedHashMap<>();
        schema.fields().forEach((field, type) -> fields.put(field, LineProtocol.sample(type)));
        if (fields.isEmpty()) {
            fields.put("probe", Boolean.TRUE);
        }
        return LineProtocol.point(schema.measurement(), tags, fields, System.currentTimeMillis() * 1_000_000L);
    }

    /** The tag that marks probe points: {@code entity_id} where the schema has it. */
    static String probeTag(MeasurementSchema schema) {
        return schema.tags().contains("entity_id") || schema.tags().isEmpty() ? "entity_id" : schema.tags().get(0);
    }

    private boolean bucketExists(String bucket) {
        Optional<BucketSpec> live = influx.buckets().stream().filter(b -> b.name().equals(bucket)).findFirst();
        return live.isPresent();
    }
}
