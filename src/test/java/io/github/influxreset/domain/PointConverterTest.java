package io.github.influxreset.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PointConverterTest {
    private static final MeasurementSchema SCHEMA = new MeasurementSchema("events", "b", List.of("entity_id"),
            Map.of("value", FieldType.FLOAT, "count", FieldType.INTEGER, "on", FieldType.BOOLEAN,
                    "state_value", FieldType.STRING), List.of(), List.of(),
            new CarryRule(Map.of("state", "state_value"), CarryRule.ExtraTags.FIELD));

    private static PointConverter.Result convert(String line) {
        return new PointConverter(Optional.of(SCHEMA), 1_000L).convert(LinePoint.parse(line));
    }

    @Test
    void aLineIsReadAndWrittenBackAsItWas() {
        String line = "we\\ ird\\,m,t\\=ag=a\\ b\\,c f=\"say \\\"hi\\\" \\\\ there\",i=-5i,u=7u,x=1.5e3,on=T 1700000000000000000";
        LinePoint point = LinePoint.parse(line);

        assertEquals("we ird,m", point.measurement());
        assertEquals(Map.of("t=ag", "a b,c"), point.tags());
        assertEquals("say \"hi\" \\ there", point.fields().get("f").value());
        assertEquals(-5L, point.fields().get("i").value());
        assertEquals(1500.0, point.fields().get("x").value());
        assertEquals(Boolean.TRUE, point.fields().get("on").value());
        assertEquals(line, point.format());
    }

    @Test
    void aLineThatIsNotLineProtocolIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LinePoint.parse("m f=\"open 1")).getMessage()
                .contains("not closed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LinePoint.parse("m f=abc 1")).getMessage()
                .contains("no number"));
    }

    @Test
    void losslessConversionsAreMadeAndKeysRenamed() {
        var result = convert("events,entity_id=a value=5i,count=3.0,on=\"true\",state=\"on\" 2000");

        LinePoint point = result.point().orElseThrow();
        assertEquals(5.0, point.fields().get("value").value(), "integer to float");
        assertEquals(3L, point.fields().get("count").value(), "a whole float to integer");
        assertEquals(Boolean.TRUE, point.fields().get("on").value(), "\"true\" to boolean");
        assertEquals("on", point.fields().get("state_value").value(), "renamed");
        assertTrue(result.converted());
        assertEquals("events,entity_id=a value=5,count=3i,on=true,state_value=\"on\" 2000", point.format());
    }

    @Test
    void aNumericStringBecomesAFloatAndOneThatIsNotIsLeftOutAndNamed() {
        var numeric = convert("events value=\"21.5\" 2000");
        var text = convert("events value=\"n/a\",count=2i 2000");

        assertEquals(21.5, numeric.point().orElseThrow().fields().get("value").value());
        assertFalse(text.point().orElseThrow().fields().containsKey("value"));
        assertEquals(Map.of("value", "\"n/a\""), text.leftOut());
    }

    @Test
    void aPointWithNoFieldLeftIsLeftOutWhole() {
        var result = convert("events value=\"n/a\" 2000");

        assertTrue(result.point().isEmpty());
        assertEquals(Map.of("value", "\"n/a\""), result.leftOut());
    }

    @Test
    void aPointOlderThanTheRetentionIsSkipped() {
        assertTrue(convert("events value=1 999").tooOld());
        assertFalse(convert("events value=1 1000").tooOld());
    }

    @Test
    void aTagTheSchemaDoesNotListBecomesAFieldWhenTheRuleSaysSo() {
        LinePoint point = convert("events,entity_id=a,stray=x value=1 2000").point().orElseThrow();

        assertEquals(Map.of("entity_id", "a"), point.tags());
        assertEquals("x", point.fields().get("stray").value());
    }

    @Test
    void aLargeIntegerThatAFloatCannotHoldExactlyIsLeftOut() {
        assertEquals(Map.of("value", "9007199254740993i"), convert("events value=9007199254740993i,count=1i 2000").leftOut());
    }
}
