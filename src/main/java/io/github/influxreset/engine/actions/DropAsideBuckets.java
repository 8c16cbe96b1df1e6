package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.SwitchNames;
import io.github.influxreset.engine.run.RunContext;
import java.util.List;
import java.util.Map;

/**
 * The last action of a buckets reset on 2.x: deletes the old buckets {@link DeleteBucket#aside}
 * kept under their {@code .before-RUN} names, now that the services write to the new ones. The
 * backup set still holds all of it. Undo has nothing to bring back (the set does).
 */
public final class DropAsideBuckets extends BaseAction {
    public static final String KIND = "drop-aside-buckets";

    public DropAsideBuckets(Map<String, String> params) {
        super(KIND, params);
    }

    public static DropAsideBuckets of(List<String> buckets, String run) {
        return new DropAsideBuckets(Map.of("buckets", String.join(",", buckets), "run", run));
    }

    @Override
    public boolean destructive() {
        return true;
    }

    @Override
    public String describe() {
        return "Delete the old buckets set aside (" + String.join(", ", asides()) + ")";
    }

    @Override
    public String describeUndo() {
        return "Nothing to undo (the backup set keeps the old data)";
    }

    @Override
    public void execute(RunContext ctx) {
        var live = ctx.ports().influx().bucketIds();
        asides().stream().filter(live::containsKey).forEach(aside -> ctx.ports().influx().deleteBucket(aside));
    }

    @Override
    public void undo(RunContext ctx) {
        // the backup set holds the data
    }

    private List<String> asides() {
        return listParam("buckets").stream().map(b -> new SwitchNames(b, param("run")).before()).toList();
    }
}
