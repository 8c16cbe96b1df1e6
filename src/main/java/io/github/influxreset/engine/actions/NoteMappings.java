package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.V1Mapping;
import io.github.influxreset.engine.run.RunContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A full reset on 2.x, before InfluxDB's data is set aside: journals the 1.x mappings (DBRP) of
 * each of the profile's buckets, which live in that data and would go with it. {@link
 * RemakeMappings} makes them again on the new buckets of the same names.
 */
public final class NoteMappings extends ReadOnlyAction {
    public static final String KIND = "note-mappings";
    private volatile Map<String, String> noted = Map.of();

    public NoteMappings(Map<String, String> params) {
        super(KIND, params, "Nothing to undo (it only reads)");
    }

    public static NoteMappings of(List<String> buckets) {
        return new NoteMappings(Map.of("buckets", String.join(",", buckets)));
    }

    @Override
    public String describe() {
        return "Note the 1.x mappings (DBRP) of the buckets, to make them again after the reset";
    }

    @Override
    public void execute(RunContext ctx) {
        Map<String, String> ids = ctx.ports().influx().bucketIds();
        Map<String, String> facts = new LinkedHashMap<>();
        for (String bucket : listParam("buckets")) {
            List<V1Mapping> mappings = ids.containsKey(bucket) ? ctx.ports().influx().mappings().onBucket(ids.get(bucket))
                    : List.of();
            if (!mappings.isEmpty()) {
                facts.put(bucket, V1Mapping.encode(mappings));
                ctx.info("Bucket " + bucket + " has 1.x mappings " + String.join(", ", mappings.stream()
                        .map(V1Mapping::describe).toList()) + "; they are made again on the new bucket.");
            }
        }
        noted = facts;
    }

    @Override
    public Map<String, String> factsAfterExecute(RunContext ctx) {
        return noted;
    }
}
