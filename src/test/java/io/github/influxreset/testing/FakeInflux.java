package io.github.influxreset.testing;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.FieldType;
import io.github.influxreset.domain.LineProtocol;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.port.InfluxPort;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * An in-memory InfluxDB whose data lives in the volume of the running container of its service
 * on a {@link FakeDocker}: stop the container and it does not answer; recreate the volume and the
 * data is gone, exactly as with a real server.
 */
public final class FakeInflux implements InfluxPort {
    private final FakeDocker docker;
    private final String service;

    public FakeInflux(FakeDocker docker, String service) {
        this.docker = docker;
        this.service = service;
    }

    private InfluxData data() {
        FakeDocker.Container container = docker.running(service).orElseThrow(() -> ResetException.problem(
                "InfluxDB does not answer at http://fake:8086.", "Start it.", null));
        return docker.volume(container.volumes.get(0));
    }

    @Override
    public synchronized String health() {
        data();
        return "2.7.fake";
    }

    @Override
    public void setup(String firstBucket) {
        data();
    }

    @Override
    public synchronized List<BucketSpec> buckets() {
        List<BucketSpec> buckets = new ArrayList<>();
        data().buckets.forEach((name, b) -> buckets.add(new BucketSpec(name, b.retention)));
        return buckets;
    }

    @Override
    public synchronized void createBucket(BucketSpec bucket) {
        if (data().buckets.containsKey(bucket.name())) {
            throw ResetException.problem("bucket " + bucket.name() + " already exists", "", null);
        }
        data().buckets.put(bucket.name(), new InfluxData.Bucket(bucket.retention()));
    }

    @Override
    public synchronized void updateRetention(BucketSpec bucket) {
        data().buckets.get(bucket.name()).retention = bucket.retention();
    }

    @Override
    public synchronized void deleteBucket(String bucket) {
        data().buckets.remove(bucket);
    }

    @Override
    public synchronized void write(String bucket, String lineProtocol) {
        InfluxData.Bucket target = bucket(bucket);
        if (dropFromWrites != null) {
            java.util.regex.Pattern drop = java.util.regex.Pattern.compile(dropFromWrites);
            lineProtocol = lineProtocol.lines().filter(l -> !drop.matcher(l).find()).collect(
                    java.util.stream.Collectors.joining("\n"));
        }
        if (alongsideEveryWrite != null) {
            lineProtocol = lineProtocol + "\n" + alongsideEveryWrite + " " + (System.currentTimeMillis() * 1_000_000L
                    + alongsideTime++);
        }
        Map<String, Integer> at = new java.util.HashMap<>();
        for (int i = 0; i < target.points.size(); i++) {
            at.put(seriesAndTime(target.points.get(i)), i);
        }
        String conflict = null;
        for (Point point : LineProtocolParser.parse(lineProtocol)) {
            String clash = point.fields().entrySet().stream().filter(f -> {
                FieldType existing = fieldKeys(bucket, point.measurement()).get(f.getKey());
                return existing != null && existing != typeOf(f.getValue());
            }).map(Map.Entry::getKey).findFirst().orElse(null);
            if (clash != null) {
                conflict = clash;
                continue;
            }
            Integer same = at.get(seriesAndTime(point));
            if (same == null) {
                at.put(seriesAndTime(point), target.points.size());
                target.points.add(point);
            } else {
                Map<String, Object> fields = new LinkedHashMap<>(target.points.get(same).fields());
                fields.putAll(point.fields());
                target.points.set(same, new Point(point.measurement(), point.tags(), fields, point.time()));
            }
        }
        if (conflict != null) {
            throw ResetException.problem("InfluxDB refused some points for " + bucket + " (partial write): field type "
                    + "conflict on " + conflict + ".", "", null);
        }
        if (failAfterWritesOf != null && lineProtocol.contains(failAfterWritesOf)) {
            throw ResetException.problem("The connection to the server broke after it took the points.", "", null);
        }
    }

    @Override
    public synchronized long pointsSince(String bucket, java.time.Instant since) {
        long nanos = since.getEpochSecond() * 1_000_000_000L + since.getNano();
        return bucket(bucket).points.stream().filter(p -> p.time() > nanos).count();
    }

    @Override
    public synchronized Map<String, Long> countPoints(String bucket) {
        Map<String, Long> counts = new LinkedHashMap<>();
        bucket(bucket).points.forEach(p -> counts.merge(p.measurement(), answers(), Long::sum));
        return counts;
    }

    private boolean answersTwice;

    /**
     * As InfluxDB 2.7.12 after a large write, until it compacts: every row answered twice, in
     * exports (the second copy right after the first) and in counts.
     */
    public synchronized void answerEveryRowTwice(boolean twice) {
        answersTwice = twice;
    }

    private long answers() {
        return answersTwice ? 2 : 1;
    }

    private String dropFromWrites;
    private String alongsideEveryWrite;
    private String failAfterWritesOf;

    /** A connection that breaks after the server took the points: each write holding {@code text} stores them, then fails. */
    public synchronized void failAfterWritesOf(String text) {
        failAfterWritesOf = text;
    }

    /** A faulty server: writes leave out every line {@code regex} finds something in, and say nothing. */
    public synchronized void dropWrittenLinesMatching(String regex) {
        dropFromWrites = regex;
    }

    /** Someone outside the stack: each write is followed by {@code line}, time-stamped a nanosecond later each time. */
    public synchronized void writeAlongsideEveryWrite(String line) {
        alongsideEveryWrite = line;
    }

    private long alongsideTime = 1;

    private String dropFromExports;
    private String appendToExports = "";

    /** A faulty server: exports leave out every line holding {@code text} (the counts still have them). */
    public synchronized void dropExportedLinesMatching(String text) {
        dropFromExports = text;
    }

    /** A faulty server: every export ends with {@code text}. */
    public synchronized void appendToExports(String text) {
        appendToExports = text;
    }

    @Override
    public synchronized Map<String, Map<String, Long>> countFieldValues(String bucket) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        bucket(bucket).points.forEach(p -> p.fields().keySet().forEach(field -> counts
                .computeIfAbsent(p.measurement(), m -> new LinkedHashMap<>()).merge(field, answers(), Long::sum)));
        return counts;
    }

    @Override
    public synchronized List<String> measurements(String bucket) {
        return bucket(bucket).points.stream().map(Point::measurement).distinct().sorted().toList();
    }

    @Override
    public synchronized List<String> tagKeys(String bucket, String measurement) {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        bucket(bucket).points.stream().filter(p -> p.measurement().equals(measurement)).forEach(p -> keys.addAll(p.tags().keySet()));
        return new ArrayList<>(keys);
    }

    @Override
    public synchronized Map<String, FieldType> fieldKeys(String bucket, String measurement) {
        Map<String, FieldType> fields = new LinkedHashMap<>();
        bucket(bucket).points.stream().filter(p -> p.measurement().equals(measurement))
                .forEach(p -> p.fields().forEach((k, v) -> fields.putIfAbsent(k, typeOf(v))));
        return fields;
    }

    @Override
    public synchronized long countWhere(String bucket, String measurement, String tag, String value) {
        return bucket(bucket).points.stream().filter(p -> p.measurement().equals(measurement)
                && value.equals(p.tags().get(tag))).count();
    }

    @Override
    public synchronized void deleteWhere(String bucket, String measurement, String tag, String value) {
        bucket(bucket).points.removeIf(p -> p.measurement().equals(measurement) && value.equals(p.tags().get(tag)));
    }

    @Override
    public synchronized java.util.Optional<String> anyTagValue(String bucket, String measurement, String tag) {
        return bucket(bucket).points.stream().filter(p -> p.measurement().equals(measurement))
                .map(p -> p.tags().get(tag)).filter(java.util.Objects::nonNull).findFirst();
    }

    @Override
    public synchronized void typicalQuery(String bucket, String measurement, String tag, String value) {
        countWhere(bucket, measurement, tag, value);
    }

    @Override
    public synchronized long tagCardinality(String bucket, String measurement, String tag) {
        return bucket(bucket).points.stream().filter(p -> p.measurement().equals(measurement))
                .map(p -> p.tags().get(tag)).filter(java.util.Objects::nonNull).distinct().count();
    }

    /** The server's DBRP mappings (none until a test makes one). */
    public final FakeMappings mappings = new FakeMappings();

    @Override
    public io.github.influxreset.engine.port.MappingPort mappings() {
        return mappings;
    }

    @Override
    public synchronized Map<String, String> bucketIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        data().buckets.forEach((name, b) -> ids.put(name, b.id));
        return ids;
    }

    @Override
    public synchronized void renameBucket(String id, String newName) {
        String name = data().buckets.entrySet().stream().filter(e -> e.getValue().id.equals(id)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> ResetException.problem("bucket " + id + " not found", "", null));
        if (data().buckets.containsKey(newName)) {
            throw ResetException.problem("bucket " + newName + " already exists", "", null);
        }
        InfluxData.Bucket bucket = data().buckets.remove(name);
        data().buckets.put(newName, bucket);
    }

    @Override
    public synchronized Map<String, Map<String, Long>> countFieldValues(String bucket, java.time.Instant from,
                                                                         java.time.Instant to) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        bucket(bucket).points.stream().filter(p -> within(p, from, to)).forEach(p -> p.fields().keySet().forEach(
                f -> counts.computeIfAbsent(p.measurement(), m -> new LinkedHashMap<>()).merge(f, answers(), Long::sum)));
        return counts;
    }

    @Override
    public synchronized long export(String bucket, OutputStream out, java.time.Instant from, java.time.Instant to) {
        long n = 0;
        try {
            for (Point p : bucket(bucket).points) {
                if (within(p, from, to)) {
                    for (long i = 0; i < answers(); i++) {
                        out.write((LineProtocol.point(p.measurement(), p.tags(), p.fields(), p.time()) + "\n")
                                .getBytes(StandardCharsets.UTF_8));
                        n++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    /** As InfluxDB: a point of the same series and time overwrites the fields it has. */
    private static String seriesAndTime(Point p) {
        return p.measurement() + new java.util.TreeMap<>(p.tags()) + " " + p.time();
    }

    private static boolean within(Point p, java.time.Instant from, java.time.Instant to) {
        long nanos = p.time();
        return nanos >= from.getEpochSecond() * 1_000_000_000L + from.getNano()
                && nanos < to.getEpochSecond() * 1_000_000_000L + to.getNano();
    }

    @Override
    public synchronized long export(String bucket, OutputStream out) {
        try {
            for (Point p : bucket(bucket).points) {
                String line = LineProtocol.point(p.measurement(), p.tags(), p.fields(), p.time());
                for (long i = 0; i < answers() && (dropFromExports == null || !line.contains(dropFromExports)); i++) {
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            out.write(appendToExports.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bucket(bucket).points.size() * answers();
    }

    private InfluxData.Bucket bucket(String name) {
        InfluxData.Bucket bucket = data().buckets.get(name);
        if (bucket == null) {
            throw ResetException.problem("bucket " + name + " not found", "", null);
        }
        return bucket;
    }

    private static FieldType typeOf(Object value) {
        if (value instanceof Long) {
            return FieldType.INTEGER;
        }
        if (value instanceof Boolean) {
            return FieldType.BOOLEAN;
        }
        return value instanceof String ? FieldType.STRING : FieldType.FLOAT;
    }
}
