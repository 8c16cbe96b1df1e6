package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.domain.SwitchNames;
import io.github.influxreset.engine.run.RunContext;
import java.util.Map;

/**
 * An online reset's first change: the new bucket, with the profile's retention, made beside the
 * live one under the run's {@link SwitchNames#next()} name, so that it can be filled while the
 * services keep writing to the old one. Run again, it finds the bucket it made. Undo deletes it
 * while it still has that name: it then holds only points carried from the backup set, which keeps
 * them; once {@link SwitchBucket} gave it the live name, it is never deleted.
 */
public final class PrepareNextBucket extends BaseAction {
    public static final String KIND = "prepare-next-bucket";

    public PrepareNextBucket(Map<String, String> params) {
        super(KIND, params);
    }

    public static PrepareNextBucket of(BucketSpec bucket, String run) {
        return new PrepareNextBucket(Map.of("bucket", bucket.name(), "retention", bucket.retention().format(), "run", run));
    }

    @Override
    public String describe() {
        return "Make bucket " + names().next() + " beside " + param("bucket") + ", with retention "
                + Retention.parse(param("retention")).orElseThrow() + ", to fill while the services keep writing";
    }

    @Override
    public String describeUndo() {
        return "Delete bucket " + names().next() + " (it holds only points carried from the backup set)";
    }

    @Override
    public void execute(RunContext ctx) {
        if (!ctx.ports().target().bucketIds().containsKey(names().next())) {
            ctx.ports().target().createBucket(new BucketSpec(names().next(), Retention.parse(param("retention")).orElseThrow()));
        }
    }

    @Override
    public void undo(RunContext ctx) {
        if (ctx.ports().target().bucketIds().containsKey(names().next())) {
            ctx.ports().target().deleteBucket(names().next());
        }
    }

    private SwitchNames names() {
        return new SwitchNames(param("bucket"), param("run"));
    }
}
