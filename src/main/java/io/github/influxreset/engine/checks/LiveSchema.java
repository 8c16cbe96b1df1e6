package io.github.influxreset.engine.checks;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.MeasurementSchema;
import io.github.influxreset.domain.SchemaLearner;
import io.github.influxreset.engine.port.InfluxPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The schema of the data a stack really writes, read from InfluxDB (reads only), and how it
 * compares with a declared one: what the first run and {@code profile learn} propose.
 */
public final class LiveSchema {
    private LiveSchema() {
    }

    /** One measurement, live beside declared. */
    public record Comparison(MeasurementSchema live, Optional<MeasurementSchema> declared) {
        /** Keys the live data has and the declared schema does not list (patterns as their glob). */
        public List<String> onlyLive() {
            TreeSet<String> keys = keys(live);
            keys.removeAll(declared.map(LiveSchema::keys).orElse(new TreeSet<>()));
            return List.copyOf(keys);
        }

        /** Fields both have, of another type in the live data than declared: {@code key: live type, declared type}. */
        public List<String> typeDiffers() {
            return declared.map(d -> live.fields().entrySet().stream().filter(f -> d.fields().containsKey(f.getKey())
                    && d.fields().get(f.getKey()) != f.getValue()).map(f -> f.getKey() + ": " + f.getValue().yamlName()
                    + " live, " + d.fields().get(f.getKey()).yamlName() + " declared").toList()).orElse(List.of());
        }

        /** Keys the declared schema lists and the live data never wrote. */
        public List<String> onlyDeclared() {
            TreeSet<String> keys = declared.map(LiveSchema::keys).orElse(new TreeSet<>());
            keys.removeAll(keys(live));
            return List.copyOf(keys);
        }

        /** A few lines for a person: live, declared, and what only one side has. */
        public List<String> lines(String declaredName) {
            List<String> lines = new ArrayList<>();
            lines.add(live.measurement() + " (bucket " + live.bucket() + "):");
            lines.add("  live data : tags " + live.tags() + ", fields " + fieldsText(live));
            lines.add("  " + declaredName + " : " + declared.map(d -> "tags " + d.tags() + ", fields " + fieldsText(d))
                    .orElse("does not declare this measurement"));
            if (!onlyLive().isEmpty()) {
                lines.add("  only in the live data: " + String.join(", ", onlyLive()));
            }
            if (!typeDiffers().isEmpty()) {
                lines.add("  of another type: " + String.join(", ", typeDiffers()));
            }
            if (!onlyDeclared().isEmpty()) {
                lines.add("  only in the " + declaredName.strip() + " (never written): " + String.join(", ", onlyDeclared()));
            }
            return lines;
        }
    }

    /**
     * Every measurement of those {@code buckets} that exist on the server, its tag keys, field keys
     * and types, with made-up key families as patterns. Empty when they hold no data.
     */
    public static List<MeasurementSchema> learn(List<BucketSpec> buckets, InfluxPort influx) {
        List<String> live = influx.buckets().stream().map(BucketSpec::name).toList();
        List<MeasurementSchema> learned = new ArrayList<>();
        for (BucketSpec bucket : buckets) {
            if (live.contains(bucket.name())) {
                for (String measurement : influx.measurements(bucket.name())) {
                    learned.add(SchemaLearner.learn(bucket.name(), measurement, influx.tagKeys(bucket.name(), measurement),
                            influx.fieldKeys(bucket.name(), measurement)));
                }
            }
        }
        return learned;
    }

    /** Each learned measurement beside the declared one of the same bucket and name. */
    public static List<Comparison> compare(List<MeasurementSchema> learned, List<MeasurementSchema> declared) {
        return learned.stream().map(l -> new Comparison(l, declared.stream()
                .filter(d -> d.bucket().equals(l.bucket()) && d.measurement().equals(l.measurement())).findFirst())).toList();
    }

    /** The JSON row of a comparison, for {@code --json}. */
    public static Map<String, Object> row(Comparison comparison) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("bucket", comparison.live().bucket());
        row.put("measurement", comparison.live().measurement());
        row.put("onlyLive", comparison.onlyLive());
        row.put("onlyProfile", comparison.onlyDeclared());
        row.put("typeDiffers", comparison.typeDiffers());
        return row;
    }

    private static TreeSet<String> keys(MeasurementSchema schema) {
        TreeSet<String> keys = new TreeSet<>(schema.tags());
        schema.tagPatterns().forEach(p -> keys.add(p.glob()));
        keys.addAll(schema.fields().keySet());
        schema.fieldPatterns().forEach(p -> keys.add(p.glob()));
        return keys;
    }

    private static String fieldsText(MeasurementSchema schema) {
        List<String> fields = new ArrayList<>();
        schema.fields().forEach((key, type) -> fields.add(key + ": " + type.yamlName()));
        schema.fieldPatterns().forEach(p -> fields.add(p.glob() + ": " + p.typeName()));
        return "{" + String.join(", ", fields) + "}";
    }
}
