package io.github.influxreset.influx.v2double;

import io.github.influxreset.testing.Point;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers, as annotated CSV, the few Flux query shapes the product sends: counts per measurement
 * and field, last value per field, tag keys, tag value counts, and the whole bucket. Anything else
 * is an error, so a new query in the product shows up here first.
 */
final class FluxDouble {
    private final InfluxV2Double server;

    FluxDouble(InfluxV2Double server) {
        this.server = server;
    }

    /** One output table: typed columns and rows. */
    private record Table(List<String> columns, List<String> types, List<Boolean> group, List<List<String>> rows) {
    }

    String run(String flux) {
        InfluxV2Double.Bucket bucket = server.findByName(find(flux, "bucket: \"([^\"]*)\""));
        if (bucket == null) {
            throw new IllegalArgumentException("no such bucket in: " + flux);
        }
        String measurement = firstNonNull(find(flux, "r\\._measurement == \"([^\"]*)\""), find(flux, "measurement: \"([^\"]*)\""));
        List<Map<String, Object>> records = records(bucket.points, measurement, tagFilter(flux),
                flux.contains("start: -24h") ? 86_400_000L : 0);
        String start = find(flux, "range\\(start: (\\d{4}-[0-9T:.\\-]+Z)(?:, stop: [0-9T:.\\-]+Z)?\\)");
        if (start != null) {
            // as Flux: the start is inclusive, the stop exclusive
            long from = nanos(Instant.parse(start));
            String stop = find(flux, "range\\(start: [0-9T:.\\-]+Z, stop: (\\d{4}-[0-9T:.\\-]+Z)\\)");
            long to = stop == null ? Long.MAX_VALUE : nanos(Instant.parse(stop));
            records = records.stream().filter(r -> ((Number) r.get("_time")).longValue() >= from
                    && ((Number) r.get("_time")).longValue() < to).toList();
        }
        List<Table> tables;
        if (flux.contains("schema.measurements(")) {
            tables = List.of(single("string", records.stream().map(r -> (String) r.get("_measurement")).distinct().sorted()
                    .toList()));
        } else if (flux.contains("measurementTagKeys")) {
            tables = List.of(single("string", records.stream().flatMap(r -> tags(r).stream()).distinct().toList()));
        } else if (flux.contains("measurementTagValues") && flux.contains("limit(n: 1)")) {
            String tag = find(flux, "tag: \"([^\"]*)\"");
            tables = List.of(single("string", records.stream().map(r -> (String) r.get(tag)).filter(Objects::nonNull)
                    .distinct().limit(1).toList()));
        } else if (flux.contains("aggregateWindow(every: 1h, fn: mean)")) {
            tables = hourlyMeans(records, flux.contains("types.isNumeric(v: r._value)"));
        } else if (flux.contains("measurementTagValues")) {
            String tag = find(flux, "tag: \"([^\"]*)\"");
            tables = List.of(single("long", List.of(String.valueOf(records.stream().map(r -> r.get(tag))
                    .filter(Objects::nonNull).distinct().count()))));
        } else if (flux.contains("|> last()")) {
            tables = lastPerField(records);
        } else if (flux.contains("count()")) {
            tables = countPerMeasurementAndField(records);
        } else if (flux.trim().endsWith("range(start: 0)") || flux.trim().matches("(?s).*\\|> range\\([^|]*\\)$")) {
            tables = everyRecord(records);
        } else {
            throw new IllegalArgumentException("the double does not understand: " + flux);
        }
        return csv(tables);
    }

    private static long nanos(Instant time) {
        return time.getEpochSecond() * 1_000_000_000L + time.getNano();
    }

    static Object existingValue(InfluxV2Double.Bucket bucket, String measurement, String field) {
        return bucket.points.stream().filter(p -> p.measurement().equals(measurement) && p.fields().containsKey(field))
                .map(p -> p.fields().get(field)).findFirst().orElse(null);
    }

    /** Records of the matching points, one per field value; {@code withinMillis} > 0 keeps only recent ones. */
    private static List<Map<String, Object>> records(List<Point> points, String measurement, Predicate<Point> tags,
                                                     long withinMillis) {
        long since = withinMillis > 0 ? (Instant.now().toEpochMilli() - withinMillis) * 1_000_000L : Long.MIN_VALUE;
        List<Map<String, Object>> records = new ArrayList<>();
        for (Point point : points) {
            if ((measurement != null && !point.measurement().equals(measurement)) || !tags.test(point)
                    || point.time() < since) {
                continue;
            }
            point.fields().forEach((field, value) -> {
                Map<String, Object> record = new LinkedHashMap<>(point.tags());
                record.put("_measurement", point.measurement());
                record.put("_field", field);
                record.put("_value", value);
                record.put("_time", point.time());
                records.add(record);
            });
        }
        return records;
    }

    private static Predicate<Point> tagFilter(String flux) {
        Matcher matcher = Pattern.compile("r\\[\"([^\"]*)\"\\] == \"([^\"]*)\"").matcher(flux);
        if (!matcher.find()) {
            return p -> true;
        }
        String tag = matcher.group(1);
        String value = matcher.group(2);
        return p -> value.equals(p.tags().get(tag));
    }

    private static List<Table> countPerMeasurementAndField(List<Map<String, Object>> records) {
        Map<List<String>, Long> counts = new LinkedHashMap<>();
        records.forEach(r -> counts.merge(List.of((String) r.get("_measurement"), (String) r.get("_field")), 1L, Long::sum));
        List<Table> tables = new ArrayList<>();
        counts.forEach((key, count) -> tables.add(new Table(List.of("_measurement", "_field", "_value"),
                List.of("string", "string", "long"), List.of(true, true, false), List.of(List.of(key.get(0), key.get(1),
                String.valueOf(count))))));
        return tables;
    }

    /** A query the real server refuses with HTTP 400, with its words. */
    static final class FluxError extends RuntimeException {
        FluxError(String message) {
            super(message);
        }
    }

    /**
     * Fields averaged per hour window, one table per field (as aggregateWindow does). As the real
     * server, mean refuses a string or boolean field unless the query kept numeric values only.
     */
    private static List<Table> hourlyMeans(List<Map<String, Object>> records, boolean numericOnly) {
        long hour = 3_600_000_000_000L;
        Map<String, Map<Long, double[]>> sums = new LinkedHashMap<>();
        for (Map<String, Object> r : records) {
            if (!numericOnly && !(r.get("_value") instanceof Number)) {
                throw new FluxError("unsupported input type for mean aggregate: "
                        + (r.get("_value") instanceof Boolean ? "boolean" : "string"));
            }
            if (r.get("_value") instanceof Number n) {
                long window = ((long) r.get("_time") / hour + 1) * hour;
                double[] sum = sums.computeIfAbsent((String) r.get("_field"), f -> new java.util.TreeMap<>())
                        .computeIfAbsent(window, w -> new double[2]);
                sum[0] += n.doubleValue();
                sum[1]++;
            }
        }
        List<Table> tables = new ArrayList<>();
        sums.forEach((field, windows) -> tables.add(new Table(List.of("_field", "_time", "_value"),
                List.of("string", "dateTime:RFC3339", "double"), List.of(true, false, false),
                windows.entrySet().stream().map(e -> List.of(field, time(e.getKey()),
                        String.valueOf(e.getValue()[0] / e.getValue()[1]))).toList())));
        return tables;
    }

    private static List<Table> lastPerField(List<Map<String, Object>> records) {
        Map<String, Map<String, Object>> last = new LinkedHashMap<>();
        records.forEach(r -> last.merge((String) r.get("_field"), r,
                (a, b) -> (long) b.get("_time") >= (long) a.get("_time") ? b : a));
        List<Table> tables = new ArrayList<>();
        last.forEach((field, r) -> tables.add(new Table(List.of("_field", "_measurement", "_time", "_value"),
                List.of("string", "string", "dateTime:RFC3339", type(r.get("_value"))), List.of(true, false, false, false),
                List.of(List.of(field, (String) r.get("_measurement"), time((long) r.get("_time")), value(r.get("_value")))))));
        return tables;
    }

    private static List<Table> everyRecord(List<Map<String, Object>> records) {
        Map<List<Object>, List<Map<String, Object>>> series = new LinkedHashMap<>();
        for (Map<String, Object> r : records) {
            List<Object> key = new ArrayList<>(tags(r));
            key.add(r.get("_measurement"));
            key.add(r.get("_field"));
            tags(r).forEach(t -> key.add(r.get(t)));
            key.add(type(r.get("_value")));
            series.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Table> tables = new ArrayList<>();
        for (List<Map<String, Object>> rows : series.values()) {
            Map<String, Object> first = rows.get(0);
            List<String> columns = new ArrayList<>(List.of("_time", "_value", "_field", "_measurement"));
            columns.addAll(tags(first));
            List<String> types = new ArrayList<>(List.of("dateTime:RFC3339", type(first.get("_value")), "string", "string"));
            tags(first).forEach(t -> types.add("string"));
            List<Boolean> group = new ArrayList<>(List.of(false, false, true, true));
            tags(first).forEach(t -> group.add(true));
            List<List<String>> cells = new ArrayList<>();
            for (Map<String, Object> r : rows) {
                List<String> row = new ArrayList<>(List.of(time((long) r.get("_time")), value(r.get("_value")),
                        (String) r.get("_field"), (String) r.get("_measurement")));
                tags(first).forEach(t -> row.add((String) r.get(t)));
                cells.add(row);
            }
            tables.add(new Table(columns, types, group, cells));
        }
        return tables;
    }

    private static Table single(String type, List<String> values) {
        return new Table(List.of("_value"), List.of(type), List.of(false), values.stream().map(List::of).toList());
    }

    private static List<String> tags(Map<String, Object> record) {
        return new ArrayList<>(new LinkedHashSet<>(record.keySet().stream().filter(k -> !k.startsWith("_")).sorted().toList()));
    }

    /** Annotated CSV; an empty result is a lone line break, as InfluxDB sends it. */
    private static String csv(List<Table> tables) {
        StringBuilder out = new StringBuilder();
        int index = 0;
        for (Table table : tables) {
            if (table.rows().isEmpty()) {
                continue;
            }
            out.append("#datatype,string,long,").append(String.join(",", table.types())).append("\r\n");
            out.append("#group,false,false,").append(String.join(",", table.group().stream().map(String::valueOf).toList())).append("\r\n");
            out.append("#default,_result,").append(",".repeat(table.columns().size())).append("\r\n");
            out.append(",result,table,").append(String.join(",", table.columns())).append("\r\n");
            for (List<String> row : table.rows()) {
                out.append(",,").append(index).append(',').append(String.join(",", row.stream().map(FluxDouble::quote).toList()))
                        .append("\r\n");
            }
            out.append("\r\n");
            index++;
        }
        return out.length() == 0 ? "\r\n" : out.toString();
    }

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    private static String type(Object value) {
        if (value instanceof Long) {
            return "long";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        return value instanceof String ? "string" : "double";
    }

    private static String value(Object value) {
        return String.valueOf(value);
    }

    private static String time(long nanos) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L));
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
