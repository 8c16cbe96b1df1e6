package io.github.influxreset.testing;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.V1Mapping;
import io.github.influxreset.engine.port.MappingPort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DBRP mappings as a 2.x server keeps them: one per database and retention policy, leading to a
 * bucket id; pointing one elsewhere deletes it and makes it again, and a test can make the server
 * refuse the making once (what a crash between the two leaves).
 */
public final class FakeMappings implements MappingPort {
    private final Map<String, Map.Entry<V1Mapping, String>> byDbRp = new LinkedHashMap<>();
    private int refuseMakes;

    /** Maps {@code mapping} onto the bucket with this id, as {@code influx v1 dbrp create} does. */
    public synchronized void make(V1Mapping mapping, String bucketId) {
        byDbRp.put(key(mapping), Map.entry(mapping, bucketId));
    }

    /** The id of the bucket {@code db/rp} leads to, or null when no mapping has that database and policy. */
    public synchronized String bucketOf(String database, String retentionPolicy) {
        Map.Entry<V1Mapping, String> entry = byDbRp.get(database + "/" + retentionPolicy);
        return entry == null ? null : entry.getValue();
    }

    /** The next {@code times} makings are refused, after the deletion that precedes them. */
    public synchronized void refuseMakes(int times) {
        refuseMakes = times;
    }

    @Override
    public synchronized List<V1Mapping> onBucket(String bucketId) {
        return byDbRp.values().stream().filter(e -> e.getValue().equals(bucketId)).map(Map.Entry::getKey).toList();
    }

    @Override
    public synchronized void point(V1Mapping mapping, String bucketId) {
        if (bucketId.equals(bucketOf(mapping.database(), mapping.retentionPolicy()))) {
            return;
        }
        byDbRp.remove(key(mapping));
        if (refuseMakes > 0) {
            refuseMakes--;
            throw ResetException.problem("InfluxDB could not make mapping " + mapping.describe() + " (HTTP 500).", "", null);
        }
        make(mapping, bucketId);
    }

    private static String key(V1Mapping mapping) {
        return mapping.database() + "/" + mapping.retentionPolicy();
    }
}
