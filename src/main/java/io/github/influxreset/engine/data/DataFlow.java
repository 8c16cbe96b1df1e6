package io.github.influxreset.engine.data;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.engine.port.InfluxPort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Whether the restarted services write again: each bucket they wrote to before the reset must
 * receive new points (after {@code since}, when they were stopped) within the budget. Polls the
 * server and returns as soon as every bucket has them; a bucket that gets none is a warning that
 * says what to look at, never a wait without end.
 */
public final class DataFlow {
    private static final Duration POLL = Duration.ofMillis(500);

    private final InfluxPort influx;
    private final String moment;

    /** After a restart: "… since the services were restarted". */
    public DataFlow(InfluxPort influx) {
        this(influx, "restart");
    }

    /** @param moment what the flow is awaited after: {@code restart}, or {@code switch} for an online reset */
    public DataFlow(InfluxPort influx, String moment) {
        this.influx = influx;
        this.moment = moment;
    }

    public List<Finding> await(List<String> buckets, Instant since, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        Map<String, Long> flowing = new LinkedHashMap<>();
        while (true) {
            for (String bucket : buckets) {
                if (!flowing.containsKey(bucket)) {
                    long points = influx.pointsSince(bucket, since);
                    if (points > 0) {
                        flowing.put(bucket, points);
                    }
                }
            }
            if (flowing.size() == buckets.size() || System.nanoTime() >= deadline) {
                break;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        return findings(buckets, flowing, budget);
    }

    private List<Finding> findings(List<String> buckets, Map<String, Long> flowing, Duration budget) {
        List<Finding> findings = new ArrayList<>();
        for (String bucket : buckets) {
            findings.add(flowing.containsKey(bucket)
                    ? Finding.ok("Data flow " + bucket, flowing.get(bucket) + (flowing.get(bucket) == 1 ? " new point" : " new points")
                    + (moment.equals("restart") ? " since the services were restarted" : " since the " + moment))
                    : Finding.warning("Data flow " + bucket, "no new point within " + budget.toSeconds() + " s of the " + moment
                    + ","
                    + " though services wrote to it before the reset: check that they run and can write (their token, org and"
                    + " bucket), e.g. with 'docker logs'"));
        }
        return findings;
    }
}
