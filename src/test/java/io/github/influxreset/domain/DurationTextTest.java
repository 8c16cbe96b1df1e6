package io.github.influxreset.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.influxreset.influx.GoDuration;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One reading of durations for retentions, timeouts, budgets and what InfluxDB prints (issue 15). */
class DurationTextTest {
    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "2m, PT2M", "30s, PT30S", "1h30m, PT1H30M", "8760h0m0s, PT8760H", "365d, PT8760H",
        "1w, PT168H", "250us, PT0.00025S", "7ns, PT0.000000007S", "' 45 s ', PT45S"})
    void aDurationIsReadTheSameWherever(String text, String iso) {
        assertEquals(Optional.of(Duration.parse(iso)), DurationText.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"500", "2 minutes", "1h30", "h", "''"})
    void whatIsNotADurationIsNone(String text) {
        assertEquals(Optional.empty(), DurationText.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"500ms, 0", "8760h0m0s, 31536000", "0s, 0", "720h0m0s, 2592000"})
    void influxDbsPrintedDurationsAreRetentions(String printed, long seconds) {
        assertEquals(Retention.ofSeconds(seconds), GoDuration.parse(printed),
                "500ms was read as 500 minutes before");
    }
}
