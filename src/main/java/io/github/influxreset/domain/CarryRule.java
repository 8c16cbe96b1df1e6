package io.github.influxreset.domain;

import java.util.Map;

/**
 * How a measurement's old points are carried into its schema by a reset that keeps the data:
 * keys renamed ({@code rename: {state: state_value}}), and what becomes of a tag the schema does not
 * list ({@code extraTags: keep | drop | field}).
 */
public record CarryRule(Map<String, String> renames, ExtraTags extraTags) {
    /** What becomes of a tag the schema does not list. */
    public enum ExtraTags {
        /** Kept as it is (validation then warns of it). */
        KEEP,
        /** Dropped; two series that differ only in it become one, and points at the same time are counted as merged. */
        DROP,
        /** Moved into a string field of the same name. */
        FIELD;

        public String yamlName() {
            return name().toLowerCase();
        }
    }

    /** Nothing renamed, every tag kept. */
    public static final CarryRule KEEP_ALL = new CarryRule(Map.of(), ExtraTags.KEEP);

    public CarryRule {
        renames = Map.copyOf(renames);
    }

    /** The key's new name, or the key. */
    public String rename(String key) {
        return renames.getOrDefault(key, key);
    }
}
