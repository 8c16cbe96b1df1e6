package io.github.influxreset.engine.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.FieldType;
import io.github.influxreset.domain.MeasurementSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 30, item 5: the first run's schema comparison listed missing keys but not a field of another type. */
class LiveSchemaComparisonTest {
    @Test
    void aFieldOfAnotherTypeIsListedBesideTheMissingKeys() {
        MeasurementSchema live = new MeasurementSchema("home_assistant_events", "home_assistant_events", List.of("entity_id"),
                Map.of("normalized_value", FieldType.INTEGER, "state_value", FieldType.STRING));
        MeasurementSchema brief = new MeasurementSchema("home_assistant_events", "home_assistant_events",
                List.of("entity_id", "domain"), Map.of("normalized_value", FieldType.FLOAT, "state_value", FieldType.STRING));

        LiveSchema.Comparison comparison = new LiveSchema.Comparison(live, Optional.of(brief));

        assertEquals(List.of("normalized_value: integer live, float declared"), comparison.typeDiffers());
        assertTrue(comparison.lines("brief    ").contains("  of another type: normalized_value: integer live, float declared"),
                comparison.lines("brief    ").toString());
        assertEquals(List.of("normalized_value: integer live, float declared"), LiveSchema.row(comparison).get("typeDiffers"));
    }
}
