package io.github.influxreset.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of values per measurement and field ({@code measurement → field → values}), as InfluxDB,
 * an export file and a carrying count them. Pure helpers for comparing them.
 */
public final class FieldCounts {
    private FieldCounts() {
    }

    /** The counts without measurements or fields counted zero: how two counts are compared. */
    public static Map<String, Map<String, Long>> nonZero(Map<String, Map<String, Long>> values) {
        Map<String, Map<String, Long>> kept = new LinkedHashMap<>();
        values.forEach((measurement, fields) -> fields.forEach((field, count) -> {
            if (count != 0) {
                kept.computeIfAbsent(measurement, m -> new LinkedHashMap<>()).put(field, count);
            }
        }));
        return kept;
    }

    /** The sum of two counts, per measurement and field. */
    public static Map<String, Map<String, Long>> plus(Map<String, Map<String, Long>> a, Map<String, Map<String, Long>> b) {
        Map<String, Map<String, Long>> sum = new LinkedHashMap<>();
        for (Map<String, Map<String, Long>> part : List.of(a, b)) {
            part.forEach((measurement, fields) -> fields.forEach((field, count) ->
                    sum.computeIfAbsent(measurement, m -> new LinkedHashMap<>()).merge(field, count, Long::sum)));
        }
        return nonZero(sum);
    }

    /** {@code a} less {@code b}, per measurement and field (what {@code b} counts of {@code a}'s values). */
    public static Map<String, Map<String, Long>> minus(Map<String, Map<String, Long>> a, Map<String, Map<String, Long>> b) {
        Map<String, Map<String, Long>> difference = new LinkedHashMap<>();
        a.forEach((measurement, fields) -> fields.forEach((field, count) -> difference
                .computeIfAbsent(measurement, m -> new LinkedHashMap<>())
                .put(field, count - b.getOrDefault(measurement, Map.of()).getOrDefault(field, 0L))));
        return nonZero(difference);
    }

    /** Where {@code held} has fewer values than {@code expected}, per measurement and field: {@code m.f: held of n}. */
    public static List<String> lacking(Map<String, Map<String, Long>> expected, Map<String, Map<String, Long>> held) {
        List<String> lacking = new ArrayList<>();
        expected.forEach((measurement, fields) -> fields.forEach((field, n) -> {
            long there = held.getOrDefault(measurement, Map.of()).getOrDefault(field, 0L);
            if (there < n) {
                lacking.add(measurement + "." + field + ": " + there + " of " + n);
            }
        }));
        return lacking;
    }

    /** Every value counted. */
    public static long total(Map<String, Map<String, Long>> values) {
        return values.values().stream().flatMap(f -> f.values().stream()).mapToLong(Long::longValue).sum();
    }

    /** Points as InfluxDB counts them: per measurement the most values of one field, summed. */
    public static long points(Map<String, Map<String, Long>> values) {
        return pointsPerMeasurement(values).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Points per measurement as InfluxDB counts them: the most values of one of its fields. */
    public static Map<String, Long> pointsPerMeasurement(Map<String, Map<String, Long>> values) {
        Map<String, Long> points = new LinkedHashMap<>();
        values.forEach((measurement, fields) -> points.put(measurement,
                fields.values().stream().mapToLong(Long::longValue).max().orElse(0)));
        return points;
    }
}
