package io.github.influxreset.testing;

import java.util.Map;

/** A parsed line-protocol point, as the in-memory InfluxDB keeps it. */
public record Point(String measurement, Map<String, String> tags, Map<String, Object> fields, long time) {
}
