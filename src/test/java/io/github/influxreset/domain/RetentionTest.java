package io.github.influxreset.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetentionTest {
    @Test
    void combinedUnitsAddUp() {
        assertEquals(Duration.ofHours(36), Retention.parse("1d12h").orElseThrow().duration());
        assertEquals(Duration.ofDays(14), Retention.parse("2w").orElseThrow().duration());
    }

    @ParameterizedTest
    @ValueSource(strings = {"365d", "90d", "1h", "90m", "0", "45s"})
    void formatParsesBackToTheSameRetention(String text) {
        Retention retention = Retention.parse(text).orElseThrow();
        assertEquals(retention, Retention.parse(retention.format()).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "d", "12", "1y", "1d 2h", "-1d", "abc"})
    void textThatIsNoDurationIsRefused(String text) {
        assertTrue(Retention.parse(text).isEmpty(), text);
    }

    @Test
    void underAnHourIsBelowTheMinimumButZeroIsInfinite() {
        assertTrue(Retention.parse("59m").orElseThrow().isBelowMinimum());
        assertTrue(Retention.parse("0").orElseThrow().isInfinite());
        assertTrue(!Retention.parse("0").orElseThrow().isBelowMinimum());
    }
}
