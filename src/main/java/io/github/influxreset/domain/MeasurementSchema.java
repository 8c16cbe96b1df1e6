package io.github.influxreset.domain;

import java.util.List;
import java.util.Map;

/** The tags and typed fields a measurement is expected to carry, and the bucket it lives in. */
public record MeasurementSchema(String measurement, String bucket, List<String> tags,
                                Map<String, FieldType> fields) {
    public MeasurementSchema {
        tags = List.copyOf(tags);
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    public List<String> keysDeclaredAsTagAndField() {
        return tags.stream().filter(fields::containsKey).toList();
    }
}
