package io.github.influxreset.config;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.CarryRule;
import io.github.influxreset.domain.FieldType;
import io.github.influxreset.domain.KeyPattern;
import io.github.influxreset.domain.MeasurementSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code schema:}: every measurement in a declared bucket, field types from the four of line
 * protocol, and no key both a tag and a field (ambiguous in queries). A key with {@code *} is a
 * pattern ({@code attr_*: any}, or a tag {@code "device_*"}): keys it matches are expected, not drift.
 */
final class SchemaReader {
    List<MeasurementSchema> read(YamlNode node, List<BucketSpec> buckets) {
        List<MeasurementSchema> schema = new ArrayList<>();
        for (YamlNode item : node.items()) {
            item.allowOnly("measurement", "bucket", "tags", "fields", "rename", "extraTags");
            String bucket = item.get("bucket").text();
            if (buckets.stream().noneMatch(b -> b.name().equals(bucket))) {
                throw item.get("bucket").error("names bucket '" + bucket + "', which is not in buckets");
            }
            List<String> tags = item.get("tags").textList().stream().filter(t -> !KeyPattern.isPattern(t)).toList();
            List<KeyPattern> tagPatterns = item.get("tags").textList().stream().filter(KeyPattern::isPattern)
                    .map(t -> new KeyPattern(t, Optional.empty())).toList();
            Map<String, FieldType> fields = fields(item.get("fields"));
            List<KeyPattern> fieldPatterns = fieldPatterns(item.get("fields"));
            for (String tag : tags) {
                if (fields.containsKey(tag)) {
                    throw item.get("tags").error("declares '" + tag + "' both as a tag and as a field; "
                            + "keep it in one of them (a per-event id belongs in fields)");
                }
            }
            schema.add(new MeasurementSchema(item.get("measurement").text(), bucket, tags, fields, tagPatterns, fieldPatterns,
                    carryRule(item)));
        }
        return schema;
    }

    /** {@code rename: {old: new}} and {@code extraTags: keep|drop|field}: how a reset that keeps the data carries it. */
    private static CarryRule carryRule(YamlNode item) {
        Map<String, String> renames = new LinkedHashMap<>();
        for (String old : item.get("rename").keys()) {
            renames.put(old, item.get("rename").get(old).text());
        }
        String extra = item.get("extraTags").text("keep");
        CarryRule.ExtraTags policy = Arrays.stream(CarryRule.ExtraTags.values())
                .filter(p -> p.yamlName().equalsIgnoreCase(extra)).findFirst()
                .orElseThrow(() -> item.get("extraTags").error("is '" + extra + "'; use keep, drop or field"));
        return new CarryRule(renames, policy);
    }

    private static Map<String, FieldType> fields(YamlNode node) {
        Map<String, FieldType> fields = new LinkedHashMap<>();
        for (String key : node.keys()) {
            if (KeyPattern.isPattern(key)) {
                continue;
            }
            String type = node.get(key).text();
            fields.put(key, FieldType.fromName(type).orElseThrow(() -> node.get(key).error(
                    "has type '" + type + "'; use float, integer, string or boolean ('any' only for a key pattern"
                            + " such as attr_*)")));
        }
        return fields;
    }

    /** Keys with a {@code *}: a family of fields of one type, or of {@code any} type. */
    private static List<KeyPattern> fieldPatterns(YamlNode node) {
        List<KeyPattern> patterns = new ArrayList<>();
        for (String key : node.keys()) {
            if (!KeyPattern.isPattern(key)) {
                continue;
            }
            String type = node.get(key).text();
            Optional<FieldType> fieldType = FieldType.fromName(type);
            if (fieldType.isEmpty() && !type.equalsIgnoreCase("any")) {
                throw node.get(key).error("has type '" + type + "'; use float, integer, string, boolean or any");
            }
            patterns.add(new KeyPattern(key, fieldType));
        }
        return patterns;
    }
}
