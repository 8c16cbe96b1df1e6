package io.github.influxreset.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the live data of HomeIQ's writer learns into: its fixed keys, and attr_* as one family. */
class SchemaLearnerTest {
    @Test
    void aFamilyOfMadeUpKeysBecomesOnePatternAndTheRestStayAsTheyAre() {
        Map<String, FieldType> live = new LinkedHashMap<>();
        live.put("state", FieldType.STRING);
        live.put("weather_temp", FieldType.FLOAT);
        live.put("weather_humidity", FieldType.INTEGER);
        live.put("context_id", FieldType.STRING);
        live.put("attr_brightness", FieldType.FLOAT);
        live.put("attr_is_on", FieldType.BOOLEAN);
        for (int i = 0; i < 5; i++) {
            live.put("attr_x" + i, FieldType.STRING);
            live.put("raw_" + i, FieldType.FLOAT);
        }

        MeasurementSchema schema = SchemaLearner.learn("b", "home_assistant_events", List.of("entity_id", "area_id"), live);

        assertEquals(List.of(new KeyPattern("attr_*", Optional.empty()), new KeyPattern("raw_*", Optional.of(FieldType.FLOAT))),
                schema.fieldPatterns());
        assertEquals(List.of("context_id", "state", "weather_humidity", "weather_temp"), List.copyOf(schema.fields().keySet()));
        assertEquals(FieldType.INTEGER, schema.fields().get("weather_humidity"));
        assertEquals(List.of("area_id", "entity_id"), schema.tags());
    }
}
