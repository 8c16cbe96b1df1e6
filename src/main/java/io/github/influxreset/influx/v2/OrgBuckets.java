package io.github.influxreset.influx.v2;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.domain.Bucket;
import com.influxdb.client.domain.DBRP;
import com.influxdb.client.domain.DBRPs;
import com.influxdb.client.service.DbrPsService;
import io.github.influxreset.domain.ResetException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The org's buckets by id, as an online reset needs them: listed with their ids, renamed (a rename
 * keeps the id, retention and points), and the 1.x-compatible mappings (DBRP) that point at one by
 * its id. Library exceptions are left to the adapter, which turns them into sentences.
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

    /**
     * Bucket name → the 1.x database/retention policies mapped onto it by id, for the buckets that
     * have such a mapping. The virtual mappings 2.x makes for every bucket (database = its name, id =
     * its id) are left out: they are resolved by name.
     */
    Map<String, List<String>> v1Mappings(String orgId) {
        Map<String, String> names = buckets().stream().collect(Collectors.toMap(Bucket::getId, Bucket::getName));
        try {
            var answer = client.getService(DbrPsService.class).getDBRPs(null, orgId, null, null, null, null, null, null)
                    .execute();
            if (!answer.isSuccessful()) {
                throw ResetException.problem("InfluxDB did not list its 1.x mappings (DBRP) (HTTP " + answer.code() + ").",
                        "Check that the token may read the org's DBRP mappings.", null);
            }
            DBRPs mappings = answer.body();
            Map<String, List<String>> mapped = new TreeMap<>();
            for (DBRP m : mappings == null || mappings.getContent() == null ? List.<DBRP>of() : mappings.getContent()) {
                if (m.getId().equals(m.getBucketID())) {
                    continue; // a virtual mapping (database = the bucket's name): it follows the name, and so a switch
                }
                mapped.computeIfAbsent(names.getOrDefault(m.getBucketID(), m.getBucketID()), b -> new java.util.ArrayList<>())
                        .add(m.getDatabase() + "/" + m.getRetentionPolicy());
            }
            return mapped;
        } catch (IOException e) {
            throw ResetException.problem("InfluxDB did not answer the question for its 1.x mappings (DBRP).",
                    "Check that it runs.", e);
        }
    }

    private List<Bucket> buckets() {
        return client.getBucketsApi().findBucketsByOrgName(org).stream().filter(b -> !b.getName().startsWith("_")).toList();
    }
}
