package io.github.influxreset.testing;

import io.github.influxreset.domain.Retention;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an in-memory InfluxDB holds: buckets with retention and points. Lives in a fake volume. */
public final class InfluxData {
    /** One bucket's retention and points. */
    public static final class Bucket {
        public Retention retention;
        public final List<Point> points = new ArrayList<>();
        /** As on 2.x: stays when the bucket is renamed. */
        public final String id;

        public Bucket(Retention retention) {
            this(retention, java.util.UUID.randomUUID().toString().substring(0, 16));
        }

        Bucket(Retention retention, String id) {
            this.retention = retention;
            this.id = id;
        }
    }

    public final Map<String, Bucket> buckets = new LinkedHashMap<>();

    public InfluxData copy() {
        InfluxData copy = new InfluxData();
        buckets.forEach((name, bucket) -> {
            Bucket b = new Bucket(bucket.retention, bucket.id);
            b.points.addAll(bucket.points);
            copy.buckets.put(name, b);
        });
        return copy;
    }

    public long totalPoints() {
        return buckets.values().stream().mapToLong(b -> b.points.size()).sum();
    }
}
