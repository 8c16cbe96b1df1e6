package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.BucketMerger;
import io.github.influxreset.engine.Precondition;
import io.github.influxreset.engine.RunContext;
import io.github.influxreset.engine.UndoFacts;
import java.util.List;
import java.util.Map;

/**
 * Writes a bucket of a backup set into the live bucket of the same name, which keeps its own
 * points ({@link BucketMerger}). Undo puts the bucket back as it was from the run's own verified
 * backup, taken just before.
 */
public final class MergeBucket extends BaseAction {
    public static final String KIND = "merge-bucket";

    public MergeBucket(Map<String, String> params) {
        super(KIND, params);
    }

    public static MergeBucket of(String source, String bucket, BucketMerger.OnConflict onConflict) {
        return new MergeBucket(Map.of("source", source, "bucket", bucket, "onConflict", onConflict.name()));
    }

    @Override
    public boolean destructive() {
        return onConflict() == BucketMerger.OnConflict.OVERWRITE;
    }

    @Override
    public String describe() {
        return "Merge bucket " + param("bucket") + " of backup set " + param("source") + " into the live bucket, which keeps "
                + "its points (a point at the same series and time: " + (onConflict() == BucketMerger.OnConflict.SKIP
                ? "the live one is kept)" : "the set's is written over it, the newer write winning)");
    }

    @Override
    public String describeUndo() {
        return "Put bucket " + param("bucket") + " back as it was before the merge";
    }

    @Override
    public void execute(RunContext ctx) {
        String bucket = param("bucket");
        if (ctx.ports().influx().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
            throw ResetException.badInput("Bucket " + bucket + " does not exist, so there is nothing to merge into.",
                    "Restore it as it is (restore " + param("source") + " --bucket " + bucket + " --new-bucket " + bucket
                            + ") instead.");
        }
        BucketMerger.Result result = new BucketMerger(ctx.ports().influx()).merge(bucket,
                line -> ctx.ports().backups().exportLines(param("source"), bucket, line), onConflict(),
                ctx.progress());
        ctx.info("Bucket " + bucket + ": " + result.totalAdded() + " new points from the set, " + result.totalConflicting()
                + " at a series and time it already had (" + (onConflict() == BucketMerger.OnConflict.SKIP
                ? "kept as they were" : "written over") + ").");
    }

    @Override
    public void undo(RunContext ctx) {
        ctx.ports().influx().deleteBucket(param("bucket"));
        ctx.ports().backups().restoreBucket(ctx.backupId(), param("bucket"), param("bucket"));
    }

    @Override
    public List<Precondition> undoPreconditions(RunContext ctx, UndoFacts facts) {
        return List.of(SetChecks.present(ctx, "bucket " + param("bucket") + " as it was before the merge"));
    }

    @Override
    public boolean undoNeedsBackupSet() {
        return true;
    }

    @Override
    public List<String> undoDeletesBuckets() {
        return List.of(param("bucket"));
    }

    private BucketMerger.OnConflict onConflict() {
        return BucketMerger.OnConflict.valueOf(param("onConflict"));
    }
}
