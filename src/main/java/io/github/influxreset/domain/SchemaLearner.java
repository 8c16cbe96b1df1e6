package io.github.influxreset.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A measurement's schema as its live data has it: every tag key, and every field key with its
 * type, except that a family of at least {@link #FAMILY} field keys sharing a prefix up to an
 * underscore ({@code attr_brightness}, {@code attr_friendly_name}, …) becomes one key pattern
 * ({@code attr_*}) of their common type, or of any type when they differ. Pure.
 */
public final class SchemaLearner {
    /** How many keys with one prefix make a family that a writer makes up as it goes. */
    public static final int FAMILY = 5;

    private SchemaLearner() {
    }

    public static MeasurementSchema learn(String bucket, String measurement, List<String> tags,
                                          Map<String, FieldType> fields) {
        Map<String, List<String>> byPrefix = new TreeMap<>();
        fields.keySet().forEach(key -> prefix(key).ifPresent(p -> byPrefix.computeIfAbsent(p, x -> new ArrayList<>()).add(key)));
        Map<String, FieldType> exact = new LinkedHashMap<>();
        List<KeyPattern> patterns = new ArrayList<>();
        byPrefix.forEach((prefix, keys) -> {
            if (keys.size() >= FAMILY) {
                patterns.add(new KeyPattern(prefix + "*", commonType(keys, fields)));
            }
        });
        new TreeMap<>(fields).forEach((key, type) -> {
            if (patterns.stream().noneMatch(p -> p.matches(key))) {
                exact.put(key, type);
            }
        });
        List<String> sortedTags = tags.stream().filter(t -> !fields.containsKey(t)).sorted().toList();
        return new MeasurementSchema(measurement, bucket, sortedTags, exact, List.of(), patterns);
    }

    private static Optional<String> prefix(String key) {
        int underscore = key.indexOf('_');
        return underscore >= 2 ? Optional.of(key.substring(0, underscore + 1)) : Optional.empty();
    }

    private static Optional<FieldType> commonType(List<String> keys, Map<String, FieldType> fields) {
        List<FieldType> types = keys.stream().map(fields::get).distinct().toList();
        return types.size() == 1 ? Optional.of(types.get(0)) : Optional.empty();
    }
}
