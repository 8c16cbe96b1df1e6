package io.github.influxreset.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What carrying one bucket's old points into the new schema does, per measurement, counted as
 * InfluxDB counts points: per field, a measurement's points being the most values any of its fields
 * has (an export may hold a point on one line, or one line per field as 2.x writes it). Per
 * measurement: values read, carried (and converted), skipped as older than the retention, merged
 * into another point's (a dropped tag made two series one), and each field left out with a few of
 * its values. The same tally is the forecast shown before the user confirms and the record of what
 * was written; the two are compared after.
 */
public final class CarryTally {
    private static final int EXAMPLES = 3;
    private static final String SEP = "\u001f";
    private static final String BUCKET_SEP = "\u001e";

    /** One measurement's counts, per field. */
    public static final class Counts {
        final Map<String, Long> read = new TreeMap<>();
        final Map<String, Long> fieldValues = new TreeMap<>();
        final Map<String, Long> converted = new TreeMap<>();
        final Map<String, Long> tooOld = new TreeMap<>();
        final Map<String, Long> leftOutFields = new TreeMap<>();
        final Map<String, List<String>> examples = new TreeMap<>();
        long merged;

        /** The points read. */
        public long read() {
            return most(read);
        }

        /** The points written (a merged one is written too, over the one it merges with). */
        public long carried() {
            return most(fieldValues);
        }

        public long converted() {
            return most(converted);
        }

        public long tooOld() {
            return most(tooOld);
        }

        /** Values written over another point's value of the same series, time and field. */
        public long merged() {
            return merged;
        }

        public Map<String, Long> leftOutFields() {
            return Collections.unmodifiableMap(leftOutFields);
        }

        /** The values read per field key, carried or not. */
        public Map<String, Long> readValues() {
            return Collections.unmodifiableMap(read);
        }

        /** The values written per field key: what InfluxDB counts once they are in (when nothing merged). */
        public Map<String, Long> fieldValues() {
            return Collections.unmodifiableMap(fieldValues);
        }

        private static long most(Map<String, Long> perField) {
            return perField.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    private final String bucket;
    private final Map<String, Counts> measurements = new TreeMap<>();
    private long cutoff = Long.MIN_VALUE;

    public CarryTally(String bucket) {
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    /** Points older than this (nanoseconds) were skipped: the retention's edge the tally used. */
    public long cutoff() {
        return cutoff;
    }

    public void setCutoff(long cutoffNanos) {
        this.cutoff = cutoffNanos;
    }

    public Map<String, Counts> measurements() {
        return Collections.unmodifiableMap(measurements);
    }

    /**
     * Counts one line read and what became of it.
     *
     * @param merged values of the carried line written over another carried line's (same series, time, field)
     */
    public void add(LinePoint read, PointConverter.Result result, int merged) {
        Counts c = measurements.computeIfAbsent(result.point().map(LinePoint::measurement).orElse(read.measurement()),
                m -> new Counts());
        read.fields().keySet().forEach(key -> c.read.merge(key, 1L, Long::sum));
        if (result.tooOld()) {
            read.fields().keySet().forEach(key -> c.tooOld.merge(key, 1L, Long::sum));
            return;
        }
        result.point().ifPresent(point -> point.fields().keySet().forEach(key -> {
            c.fieldValues.merge(key, 1L, Long::sum);
            if (result.converted()) {
                c.converted.merge(key, 1L, Long::sum);
            }
        }));
        c.merged += merged;
        result.leftOut().forEach((key, example) -> {
            c.leftOutFields.merge(key, 1L, Long::sum);
            List<String> seen = c.examples.computeIfAbsent(key, k -> new ArrayList<>());
            if (seen.size() < EXAMPLES && !seen.contains(example)) {
                seen.add(example);
            }
        });
    }

    /** The points written, over every measurement. */
    public long carried() {
        return measurements.values().stream().mapToLong(Counts::carried).sum();
    }

    /** The points read, over every measurement. */
    public long pointsRead() {
        return measurements.values().stream().mapToLong(Counts::read).sum();
    }

    /** Every field value read, of every measurement: what the carrying's progress counts. */
    public long valuesRead() {
        return measurements.values().stream().flatMap(c -> c.read.values().stream()).mapToLong(Long::longValue).sum();
    }

    /** One line per measurement, for a person. */
    public List<String> lines(String retention) {
        List<String> lines = new ArrayList<>();
        measurements.forEach((name, c) -> {
            StringBuilder line = new StringBuilder(bucket + " / " + name + ": " + c.read() + " read, " + c.carried()
                    + " carried (" + c.converted() + " converted)");
            if (c.tooOld() > 0) {
                line.append(", ").append(c.tooOld()).append(" older than ").append(retention).append(" skipped");
            }
            if (c.merged > 0) {
                line.append(", ").append(c.merged).append(" value(s) merged into another point's (a dropped tag made their "
                        + "series one)");
            }
            c.leftOutFields.forEach((key, n) -> line.append("; field ").append(key).append(" left out of ").append(n)
                    .append(" point(s), e.g. ").append(String.join(", ", c.examples.get(key))));
            lines.add(line.toString());
        });
        return lines;
    }

    /** The tally as flat facts ({@code measurement|count|field} keys), for the journal. */
    public Map<String, String> toFacts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("bucket", bucket);
        facts.put("cutoff", Long.toString(cutoff));
        measurements.forEach((m, c) -> {
            facts.put(m + "|merged", Long.toString(c.merged));
            put(facts, m, "read", c.read);
            put(facts, m, "values", c.fieldValues);
            put(facts, m, "converted", c.converted);
            put(facts, m, "tooOld", c.tooOld);
            c.leftOutFields.forEach((k, n) -> facts.put(m + "|field|" + k, n + SEP + String.join(SEP, c.examples.get(k))));
        });
        return facts;
    }

    private static void put(Map<String, String> facts, String measurement, String what, Map<String, Long> perField) {
        perField.forEach((field, n) -> facts.put(measurement + "|" + what + "|" + field, Long.toString(n)));
    }

    /** Several buckets' tallies as one map of facts, each key prefixed with its bucket. */
    public static Map<String, String> toFacts(Collection<CarryTally> tallies) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (CarryTally tally : tallies) {
            tally.toFacts().forEach((k, v) -> facts.put(tally.bucket + BUCKET_SEP + k, v));
        }
        return facts;
    }

    /** The tallies {@link #toFacts(java.util.Collection)} wrote, by bucket. */
    public static Map<String, CarryTally> allFromFacts(Map<String, String> facts) {
        Map<String, Map<String, String>> byBucket = new TreeMap<>();
        facts.forEach((k, v) -> {
            int cut = k.indexOf(BUCKET_SEP);
            if (cut > 0) {
                byBucket.computeIfAbsent(k.substring(0, cut), b -> new LinkedHashMap<>()).put(k.substring(cut + 1), v);
            }
        });
        Map<String, CarryTally> tallies = new TreeMap<>();
        byBucket.forEach((bucket, own) -> tallies.put(bucket, fromFacts(own)));
        return tallies;
    }

    /** Every bucket's lines of a forecast kept as facts, each bucket's retention named by {@code retentionOf}. */
    public static List<String> linesOf(Map<String, String> facts, Function<String, String> retentionOf) {
        List<String> lines = new ArrayList<>();
        allFromFacts(facts).forEach((bucket, tally) -> lines.addAll(tally.lines(retentionOf.apply(bucket))));
        return lines;
    }

    /** The tally {@link #toFacts()} wrote. */
    public static CarryTally fromFacts(Map<String, String> facts) {
        CarryTally tally = new CarryTally(facts.get("bucket"));
        tally.cutoff = Long.parseLong(facts.getOrDefault("cutoff", Long.toString(Long.MIN_VALUE)));
        facts.forEach((key, value) -> {
            String[] parts = key.split("\\|", 3);
            if (parts.length < 2) {
                return;
            }
            Counts c = tally.measurements.computeIfAbsent(parts[0], m -> new Counts());
            switch (parts[1]) {
                case "merged" -> c.merged = Long.parseLong(value);
                case "read" -> c.read.put(parts[2], Long.parseLong(value));
                case "values" -> c.fieldValues.put(parts[2], Long.parseLong(value));
                case "converted" -> c.converted.put(parts[2], Long.parseLong(value));
                case "tooOld" -> c.tooOld.put(parts[2], Long.parseLong(value));
                case "field" -> {
                    String[] items = value.split(SEP, -1);
                    c.leftOutFields.put(parts[2], Long.parseLong(items[0]));
                    c.examples.put(parts[2], new ArrayList<>(List.of(items).subList(1, items.length)));
                }
                default -> { }
            }
        });
        return tally;
    }
}
