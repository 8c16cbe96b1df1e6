package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.SwitchNames;
import io.github.influxreset.domain.V1Mapping;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.engine.run.ActionRecord;
import io.github.influxreset.engine.run.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * On 2.x, right after a bucket's name went to the new bucket (a buckets reset's rename aside, an
 * online reset's switch): the 1.x-compatible mappings (DBRP) that lead to the old bucket by its id
 * are pointed at the new one, so 1.x-API writers (Home Assistant's InfluxDB integration set to API
 * version 1, Telegraf) and InfluxQL readers follow the name as 2.x writers do. Without it they would
 * write into the old bucket, which the run deletes at its end.
 *
 * <p>The mappings are journalled before any is changed (the server changes a mapping's bucket only
 * by a delete and a create), so a crash between the two is mended by running again. Undo points
 * them back at the old bucket while it is there; once it was deleted and is restored from the set,
 * {@link DeleteBucket}'s undo points them at the restored one ({@link #pointRecordedAt}).
 */
public final class RepointMappings extends BaseAction {
    public static final String KIND = "repoint-mappings";
    /** The journal fact: the mappings that led to the old bucket ({@link V1Mapping#encode}). */
    static final String MAPPINGS = "mappings";
    private volatile List<V1Mapping> moved = List.of();

    public RepointMappings(Map<String, String> params) {
        super(KIND, params);
    }

    public static RepointMappings of(String bucket, String run) {
        return new RepointMappings(Map.of("bucket", bucket, "run", run));
    }

    @Override
    public String describe() {
        return "Point the 1.x mappings (DBRP) of " + names().before() + " at the new " + param("bucket")
                + ", if it has any";
    }

    @Override
    public String describeUndo() {
        return "Point those mappings back at the old " + param("bucket");
    }

    @Override
    public void execute(RunContext ctx) {
        InfluxPort influx = ctx.ports().target();
        Map<String, String> ids = influx.bucketIds();
        String old = ids.get(names().before());
        String now = ids.get(param("bucket"));
        if (old == null || now == null) {
            return;
        }
        List<V1Mapping> mappings = new ArrayList<>(recorded(ctx, params()));
        influx.mappings().onBucket(old).stream().filter(m -> !mappings.contains(m)).forEach(mappings::add);
        if (mappings.isEmpty()) {
            return;
        }
        moved = List.copyOf(mappings);
        ctx.recordFacts(factsAfterExecute(ctx));
        mappings.forEach(m -> influx.mappings().point(m, now));
        ctx.info("The 1.x mappings " + describe(mappings) + " lead to the new bucket " + param("bucket")
                + " now (they led to the old one by its id).");
    }

    @Override
    public Map<String, String> factsAfterExecute(RunContext ctx) {
        return moved.isEmpty() ? Map.of() : Map.of(MAPPINGS, V1Mapping.encode(moved));
    }

    @Override
    public void undo(RunContext ctx) {
        String old = ctx.ports().target().bucketIds().get(names().before());
        List<V1Mapping> mappings = recorded(ctx, params());
        if (old != null && !mappings.isEmpty()) {
            mappings.forEach(m -> ctx.ports().target().mappings().point(m, old));
            ctx.info("The 1.x mappings " + describe(mappings) + " lead to the old bucket again.");
        }
    }

    /**
     * Points the mappings the run moved off bucket {@code bucket} at the bucket of that name now: for
     * an undo that restored the old bucket from the set (with a new id). Nothing when none moved.
     */
    static void pointRecordedAt(RunContext ctx, String bucket) {
        List<V1Mapping> mappings = ctx.journalActions().stream().filter(a -> a.kind().equals(KIND)
                && bucket.equals(a.params().get("bucket"))).flatMap(a -> recorded(a).stream()).distinct().toList();
        String id = ctx.ports().target().bucketIds().get(bucket);
        if (id != null && !mappings.isEmpty()) {
            mappings.forEach(m -> ctx.ports().target().mappings().point(m, id));
            ctx.info("The 1.x mappings " + describe(mappings) + " lead to the restored bucket " + bucket + ".");
        }
    }

    private static List<V1Mapping> recorded(RunContext ctx, Map<String, String> params) {
        return ctx.journalActions().stream().filter(a -> a.kind().equals(KIND) && a.params().equals(params))
                .findFirst().map(RepointMappings::recorded).orElse(List.of());
    }

    private static List<V1Mapping> recorded(ActionRecord action) {
        return V1Mapping.decode(Objects.requireNonNullElse(action.facts().get(MAPPINGS), ""));
    }

    private static String describe(List<V1Mapping> mappings) {
        return String.join(", ", mappings.stream().map(V1Mapping::describe).toList());
    }

    private SwitchNames names() {
        return new SwitchNames(param("bucket"), param("run"));
    }
}
