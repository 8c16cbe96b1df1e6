package io.github.influxreset.influx;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.influx.v2.InfluxV2Adapter;
import io.github.influxreset.testing.Influxd2Process;

/**
 * The 2.x scenarios against a real InfluxDB 2.7.12 started as a process (one fresh server per test).
 * Buckets are made and points counted through the adapter's own calls, which the scenarios test.
 */
class InfluxV2ServerTest extends InfluxV2Scenarios {
    @Override
    Server fresh() {
        return wrap(new Influxd2Process(dir.resolve("influxd")), null);
    }

    @Override
    Server setUp(String org, String token) {
        return wrap(new Influxd2Process(dir.resolve("influxd")).setUp(org, "initial", token), org);
    }

    private Server wrap(Influxd2Process process, String org) {
        return new Server() {
            public String url() {
                return process.url();
            }

            public String version() {
                return "v2.7.12";
            }

            public void createBucket(String name, long everySeconds) {
                try (InfluxV2Adapter influx = adapter()) {
                    influx.createBucket(new BucketSpec(name, Retention.ofSeconds(everySeconds)));
                }
            }

            public long points(String bucket) {
                try (InfluxV2Adapter influx = adapter()) {
                    return influx.countPoints(bucket).values().stream().mapToLong(Long::longValue).sum();
                }
            }

            private InfluxV2Adapter adapter() {
                try {
                    return new InfluxV2Adapter(profile(process.url(), TOKEN, org).influx());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            public void close() {
                process.close();
            }
        };
    }
}
