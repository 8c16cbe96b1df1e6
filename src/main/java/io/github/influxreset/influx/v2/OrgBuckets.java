package io.github.influxreset.influx.v2;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.domain.Bucket;
import io.github.influxreset.domain.ResetException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The org's buckets by id, as an online reset needs them: listed with their ids and renamed (a
 * rename keeps the id, retention and points; the DBRP mappings, by id, follow it: {@link DbrpMappings}). Library
 * exceptions are left to the adapter, which turns them into sentences.
 */
final class OrgBuckets {
    private final InfluxDBClient client;
    private final String org;

    OrgBuckets(InfluxDBClient client, String org) {
        this.client = client;
        this.org = org;
    }

    /** Name → id of every bucket of the org but the system ones. */
    Map<String, String> ids() {
        return buckets().stream().collect(Collectors.toMap(Bucket::getName, Bucket::getId));
    }

    void rename(String id, String newName) {
        Bucket live = buckets().stream().filter(b -> b.getId().equals(id)).findFirst().orElseThrow(() ->
                ResetException.problem("Org " + org + " has no bucket with id " + id + " (to be named " + newName + ").",
                        "List the buckets with 'influx bucket list'.", null));
        live.setName(newName);
        client.getBucketsApi().updateBucket(live);
    }

    private List<Bucket> buckets() {
        return client.getBucketsApi().findBucketsByOrgName(org).stream().filter(b -> !b.getName().startsWith("_")).toList();
    }
}
