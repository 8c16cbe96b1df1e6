package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.engine.Precondition;
import io.github.influxreset.engine.RunContext;
import io.github.influxreset.engine.UndoFacts;
import java.util.List;
import java.util.Map;

/**
 * Deletes a bucket with all its data: destructive. Undo creates it again with the retention it had
 * and writes back every point, both from the run's verified backup set; a bucket that did not
 * exist when the set was written stays absent.
 */
public final class DeleteBucket extends BaseAction {
    public static final String KIND = "delete-bucket";

    public DeleteBucket(Map<String, String> params) {
        super(KIND, params);
    }

    public static DeleteBucket of(BucketSpec bucket) {
        return new DeleteBucket(Map.of("bucket", bucket.name(), "retention", bucket.retention().format()));
    }

    @Override
    public boolean destructive() {
        return true;
    }

    @Override
    public String describe() {
        return "Delete bucket " + param("bucket") + " and all its data";
    }

    @Override
    public String describeUndo() {
        return "Restore bucket " + param("bucket") + " from the backup set";
    }

    @Override
    public void execute(RunContext ctx) {
        ctx.ports().influx().deleteBucket(param("bucket"));
    }

    /** Replaces the live bucket only when the set holds the old one; else the bucket did not exist. */
    @Override
    public void undo(RunContext ctx) {
        if (ctx.ports().backups().holdsBucket(ctx.backupId(), param("bucket"))) {
            ctx.ports().influx().deleteBucket(param("bucket"));
            ctx.ports().backups().restoreBucket(ctx.backupId(), param("bucket"), param("bucket"));
        }
    }

    @Override
    public List<Precondition> undoPreconditions(RunContext ctx, UndoFacts facts) {
        return List.of(SetChecks.present(ctx, "the old bucket " + param("bucket")));
    }

    @Override
    public boolean undoNeedsBackupSet() {
        return true;
    }

    @Override
    public List<String> undoDeletesBuckets() {
        return List.of(param("bucket"));
    }
}
