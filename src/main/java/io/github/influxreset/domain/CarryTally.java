package io.github.influxreset.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What carrying one bucket's old points into the new schema does, per measurement: points read,
 * carried (and of those converted), skipped as older than the retention, left out whole (no field
 * could be converted), merged into another point (a dropped tag made two series one), and each
 * field left out with a few of its values. The same tally is the forecast shown before the user
 * confirms and the record of what was written; the two are compared after.
 */
public final class CarryTally {
    private static final int EXAMPLES = 3;
    private static final String SEP = "\u001f";

    /** One measurement's counts. */
    public static final class Counts {
        long read;
        long carried;
        long converted;
        long tooOld;
        long leftOutWhole;
        long merged;
        final Map<String, Long> leftOutFields = new TreeMap<>();
        final Map<String, Long> fieldValues = new TreeMap<>();
        final Map<String, List<String>> examples = new TreeMap<>();

        public long read() {
            return read;
        }

        /** The points written (a merged point is written too, over the one it merges with). */
        public long carried() {
            return carried;
        }

        /** The points the bucket holds once they are written. */
        public long stored() {
            return carried - merged;
        }

        public long tooOld() {
            return tooOld;
        }

        public long merged() {
            return merged;
        }

        public Map<String, Long> leftOutFields() {
            return java.util.Collections.unmodifiableMap(leftOutFields);
        }

        /** The values written per field key: what InfluxDB counts once they are in (when nothing merged). */
        public Map<String, Long> fieldValues() {
            return java.util.Collections.unmodifiableMap(fieldValues);
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
        return java.util.Collections.unmodifiableMap(measurements);
    }

    /** Counts one point read from {@code measurement} and what became of it. */
    public void add(String measurement, PointConverter.Result result, boolean mergedWithAnother) {
        Counts c = measurements.computeIfAbsent(result.point().map(LinePoint::measurement).orElse(measurement),
                m -> new Counts());
        c.read++;
        if (result.tooOld()) {
            c.tooOld++;
        } else if (result.point().isEmpty()) {
            c.leftOutWhole++;
        } else {
            c.carried++;
            c.converted += result.converted() ? 1 : 0;
            result.point().get().fields().keySet().forEach(key -> c.fieldValues.merge(key, 1L, Long::sum));
            c.merged += mergedWithAnother ? 1 : 0;
        }
        result.leftOut().forEach((key, example) -> {
            c.leftOutFields.merge(key, 1L, Long::sum);
            List<String> seen = c.examples.computeIfAbsent(key, k -> new ArrayList<>());
            if (seen.size() < EXAMPLES && !seen.contains(example)) {
                seen.add(example);
            }
        });
    }

    public long carried() {
        return measurements.values().stream().mapToLong(Counts::carried).sum();
    }

    /** One line per measurement, for a person. */
    public List<String> lines(String retention) {
        List<String> lines = new ArrayList<>();
        measurements.forEach((name, c) -> {
            StringBuilder line = new StringBuilder(bucket + " / " + name + ": " + c.read + " read, " + c.carried
                    + " carried (" + c.converted + " converted)");
            if (c.tooOld > 0) {
                line.append(", ").append(c.tooOld).append(" older than ").append(retention).append(" skipped");
            }
            if (c.leftOutWhole > 0) {
                line.append(", ").append(c.leftOutWhole).append(" left out (no field could be converted)");
            }
            if (c.merged > 0) {
                line.append(", ").append(c.merged).append(" merged into another point (a dropped tag made their series one)");
            }
            c.leftOutFields.forEach((key, n) -> line.append("; field ").append(key).append(" left out of ").append(n)
                    .append(" point(s), e.g. ").append(String.join(", ", c.examples.get(key))));
            lines.add(line.toString());
        });
        return lines;
    }

    /** The tally as flat facts ({@code measurement|count} keys), for the journal. */
    public Map<String, String> toFacts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("bucket", bucket);
        facts.put("cutoff", Long.toString(cutoff));
        measurements.forEach((m, c) -> {
            facts.put(m + "|read", Long.toString(c.read));
            facts.put(m + "|carried", Long.toString(c.carried));
            facts.put(m + "|converted", Long.toString(c.converted));
            facts.put(m + "|tooOld", Long.toString(c.tooOld));
            facts.put(m + "|leftOutWhole", Long.toString(c.leftOutWhole));
            facts.put(m + "|merged", Long.toString(c.merged));
            c.leftOutFields.forEach((k, n) -> facts.put(m + "|field|" + k, n + SEP + String.join(SEP, c.examples.get(k))));
            c.fieldValues.forEach((k, n) -> facts.put(m + "|values|" + k, Long.toString(n)));
        });
        return facts;
    }

    private static final String BUCKET_SEP = "\u001e";

    /** Several buckets' tallies as one map of facts, each key prefixed with its bucket. */
    public static Map<String, String> toFacts(java.util.Collection<CarryTally> tallies) {
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
                case "read" -> c.read = Long.parseLong(value);
                case "carried" -> c.carried = Long.parseLong(value);
                case "converted" -> c.converted = Long.parseLong(value);
                case "tooOld" -> c.tooOld = Long.parseLong(value);
                case "leftOutWhole" -> c.leftOutWhole = Long.parseLong(value);
                case "merged" -> c.merged = Long.parseLong(value);
                case "values" -> c.fieldValues.put(parts[2], Long.parseLong(value));
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
