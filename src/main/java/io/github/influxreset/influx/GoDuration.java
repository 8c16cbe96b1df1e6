package io.github.influxreset.influx;

import io.github.influxreset.domain.Retention;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the durations InfluxDB prints ({@code 8760h0m0s}, {@code 0s}) as retentions. */
public final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+)(h|m|s)");

    private GoDuration() {
    }

    public static Retention parse(String text) {
        Matcher matcher = PART.matcher(text);
        long seconds = 0;
        while (matcher.find()) {
            long amount = Long.parseLong(matcher.group(1));
            seconds += switch (matcher.group(2)) {
                case "h" -> amount * 3600;
                case "m" -> amount * 60;
                default -> amount;
            };
        }
        return Retention.ofSeconds(seconds);
    }
}
