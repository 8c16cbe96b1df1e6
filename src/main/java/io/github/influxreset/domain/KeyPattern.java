package io.github.influxreset.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A family of tag or field keys a writer makes up as it goes ({@code attr_*} for HomeIQ's 150 and
 * more Home Assistant attributes): {@code *} stands for any run of characters. A field pattern may
 * require one type or accept any; keys it matches are not drift.
 *
 * @param type the fields' type, or empty for any type (always empty for tags)
 */
public record KeyPattern(String glob, Optional<FieldType> type) {
    public KeyPattern {
        if (!isPattern(glob)) {
            throw new IllegalArgumentException("not a key pattern: " + glob);
        }
    }

    /** A key with a {@code *} is a pattern; any other key is a key. */
    public static boolean isPattern(String key) {
        return key.contains("*");
    }

    public boolean matches(String key) {
        return key.matches(String.join(".*", Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).toList()));
    }

    /** {@code float}, {@code integer}, {@code string}, {@code boolean} or {@code any}, as the profile writes it. */
    public String typeName() {
        return type.map(FieldType::yamlName).orElse("any");
    }
}
