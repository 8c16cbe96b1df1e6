package io.github.influxreset.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.KeyPattern;
import io.github.influxreset.domain.MeasurementSchema;
import io.github.influxreset.domain.ResetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key patterns in a profile's schema: how they read, what they match, and what is refused. */
class SchemaPatternsTest {
    @TempDir
    Path dir;

    private MeasurementSchema load(String fields, String tags) throws Exception {
        Path file = Files.writeString(dir.resolve("p.yaml"), String.join("\n",
                "stack: {composeProject: homeiq}", "influx: {version: 1, url: 'http://127.0.0.1:8086'}",
                "buckets: [{name: e, retention: 30d}]", "schema:", "  - {measurement: e, bucket: e, tags: [" + tags + "],"
                        + " fields: {" + fields + "}}", "backups: {dir: " + dir.resolve("b") + "}", ""));
        return new ProfileLoader(Map.of(), dir).load(file).schema().get(0);
    }

    @Test
    void aKeyWithAStarIsAPatternOfOneTypeOrAny() throws Exception {
        MeasurementSchema schema = load("state: string, 'attr_*': any, 'weather_*': float", "entity_id, 'device_*'");

        assertEquals(Map.of("state", io.github.influxreset.domain.FieldType.STRING), schema.fields());
        assertEquals("any", schema.fieldPattern("attr_brightness").orElseThrow().typeName());
        assertEquals("float", schema.fieldPattern("weather_temp").orElseThrow().typeName());
        assertTrue(schema.fieldPattern("battery").isEmpty());
        assertTrue(schema.tagMatchesAPattern("device_class") && !schema.tagMatchesAPattern("area_id"));
    }

    @Test
    void starsMatchAnyRunAndNothingElseIsSpecial() {
        KeyPattern pattern = new KeyPattern("*_id.x*", Optional.empty());
        assertTrue(pattern.matches("context_id.x") && pattern.matches("a_id.xyz"));
        assertFalse(pattern.matches("context_idAx"), "a dot is a dot");
    }

    @Test
    void anyIsRefusedForAPlainKeyWithASentence() {
        ResetException refused = assertThrows(ResetException.class, () -> load("state: any", "entity_id"));
        assertTrue(refused.getMessage().contains("'any' only for a key pattern such as attr_*"), refused.getMessage());
    }
}
