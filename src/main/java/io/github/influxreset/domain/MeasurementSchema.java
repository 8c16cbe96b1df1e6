package io.github.influxreset.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tags and typed fields a measurement is expected to carry, and the bucket it lives in; the
 * families of keys ({@link KeyPattern}) it may carry besides, which are not drift; and how old
 * points are carried into it ({@link CarryRule}).
 */
public record MeasurementSchema(String measurement, String bucket, List<String> tags,
                                Map<String, FieldType> fields, List<KeyPattern> tagPatterns,
                                List<KeyPattern> fieldPatterns, CarryRule carry) {
    public MeasurementSchema {
        tags = List.copyOf(tags);
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        tagPatterns = List.copyOf(tagPatterns);
        fieldPatterns = List.copyOf(fieldPatterns);
    }

    /** A measurement whose old points are carried as they are. */
    public MeasurementSchema(String measurement, String bucket, List<String> tags, Map<String, FieldType> fields,
                             List<KeyPattern> tagPatterns, List<KeyPattern> fieldPatterns) {
        this(measurement, bucket, tags, fields, tagPatterns, fieldPatterns, CarryRule.KEEP_ALL);
    }

    /** The type a field key must have: declared, or from the first typed pattern it matches. */
    public Optional<FieldType> fieldType(String key) {
        FieldType exact = fields.get(key);
        return exact != null ? Optional.of(exact) : fieldPattern(key).flatMap(KeyPattern::type);
    }

    /** True when the schema lists the tag key, or a tag pattern matches it. */
    public boolean declaresTag(String key) {
        return tags.contains(key) || tagMatchesAPattern(key);
    }

    /** A measurement with no key patterns. */
    public MeasurementSchema(String measurement, String bucket, List<String> tags, Map<String, FieldType> fields) {
        this(measurement, bucket, tags, fields, List.of(), List.of());
    }

    /** The first field pattern the key matches. */
    public Optional<KeyPattern> fieldPattern(String key) {
        return fieldPatterns.stream().filter(p -> p.matches(key)).findFirst();
    }

    public boolean tagMatchesAPattern(String key) {
        return tagPatterns.stream().anyMatch(p -> p.matches(key));
    }

    public List<String> keysDeclaredAsTagAndField() {
        return tags.stream().filter(fields::containsKey).toList();
    }
}
