package io.github.influxreset.influx;

import io.github.influxreset.domain.DurationText;
import io.github.influxreset.domain.Retention;
import java.time.Duration;

/** Reads the durations InfluxDB prints ({@code 8760h0m0s}, {@code 0s}) as retentions. */
public final class GoDuration {
    private GoDuration() {
    }

    /** {@code 8760h0m0s} as a retention of 365 days; what is not a duration as infinite ({@code 0s} is). */
    public static Retention parse(String text) {
        return Retention.ofSeconds(DurationText.parse(text).orElse(Duration.ZERO)
                .getSeconds());
    }
}
