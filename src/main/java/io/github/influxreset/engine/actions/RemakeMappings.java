package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.V1Mapping;
import io.github.influxreset.engine.run.ActionRecord;
import io.github.influxreset.engine.run.RunContext;
import java.util.List;
import java.util.Map;

/**
 * A full reset on 2.x, once the new buckets exist: makes again each 1.x mapping (DBRP) {@link
 * NoteMappings} journalled, now leading to the new bucket of the same name, so 1.x-API writers are
 * not refused after the restart. Idempotent. Its undo has nothing to do: putting InfluxDB's data
 * back brings the old mappings back with it.
 */
public final class RemakeMappings extends ReadOnlyAction {
    public static final String KIND = "remake-mappings";

    public RemakeMappings(Map<String, String> params) {
        super(KIND, params, "Nothing to undo (putting InfluxDB's data back brings its mappings back)");
    }

    public static RemakeMappings of() {
        return new RemakeMappings(Map.of());
    }

    @Override
    public String describe() {
        return "Make the noted 1.x mappings (DBRP) again on the new buckets";
    }

    @Override
    public void execute(RunContext ctx) {
        Map<String, String> noted = ctx.action(NoteMappings.KIND).map(ActionRecord::facts).orElse(Map.of());
        Map<String, String> ids = ctx.ports().influx().bucketIds();
        noted.forEach((bucket, fact) -> {
            List<V1Mapping> mappings = V1Mapping.decode(fact);
            if (ids.containsKey(bucket)) {
                mappings.forEach(m -> ctx.ports().influx().mappings().point(m, ids.get(bucket)));
                ctx.info("The 1.x mappings " + String.join(", ", mappings.stream().map(V1Mapping::describe).toList())
                        + " lead to the new bucket " + bucket + ".");
            } else {
                ctx.warn("Bucket " + bucket + " is not on the new InfluxDB, so its 1.x mappings " + fact + " were not made "
                        + "again.");
            }
        });
    }
}
