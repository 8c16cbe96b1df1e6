package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.FieldCounts;
import io.github.influxreset.domain.OnConflict;
import io.github.influxreset.engine.data.BucketMerger;
import io.github.influxreset.engine.run.Precondition;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.UndoFacts;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a bucket of a backup set into the live bucket of the same name, which keeps its own
 * points ({@link BucketMerger}). Undo puts the bucket back as it was from the run's own verified
 * backup, taken just before, or deletes it when the merge made it.
 */
public final class MergeBucket extends BaseAction {
    public static final String KIND = "merge-bucket";
    private static final String CHANGED = "changed";
    private static final String NOTHING = "nothing";
    private static final String CREATED = "created";
    private static final String MERGED = "merged";
    private String changed = NOTHING;

    public MergeBucket(Map<String, String> params) {
        super(KIND, params);
    }

    public static MergeBucket of(String source, String bucket, OnConflict onConflict) {
        return new MergeBucket(Map.of("source", source, "bucket", bucket, "onConflict", onConflict.name()));
    }

    @Override
    public boolean destructive() {
        return onConflict() == OnConflict.OVERWRITE;
    }

    @Override
    public String describe() {
        return "Merge bucket " + param("bucket") + " of backup set " + param("source") + " into the live bucket, which keeps "
                + "its points (a point at the same series and time: " + (onConflict() == OnConflict.SKIP
                ? "the live one is kept)" : "the set's is written over it, the newer write winning)");
    }

    @Override
    public String describeUndo() {
        return "Put bucket " + param("bucket") + " back as it was before the merge";
    }

    /**
     * A bucket absent from the server is created from the set as it is; a bucket the set holds no point
     * of is skipped. What the merge is about to change is journalled first, so that its undo touches
     * only that (a merge that changed nothing undoes nothing).
     */
    @Override
    public void execute(RunContext ctx) {
        String bucket = param("bucket");
        String source = param("source");
        boolean exists = ctx.ports().influx().buckets().stream().anyMatch(b -> b.name().equals(bucket));
        boolean setIsEmpty = ctx.ports().backups().fieldValues(source, bucket).map(FieldCounts::total).orElse(-1L) == 0;
        if (setIsEmpty) {
            ctx.info("Bucket " + bucket + " of backup set " + source + " holds no point: nothing to merge, "
                    + (exists ? "the live bucket is left as it is." : "and no bucket of that name is made."));
            return;
        }
        changed = exists ? MERGED : CREATED;
        ctx.recordFacts(factsAfterExecute(ctx));
        if (!exists) {
            ctx.ports().backups().restoreBucket(source, bucket, bucket, ctx.progress());
            ctx.info("Bucket " + bucket + " was not on the server: it was made from backup set " + source + " as it is.");
            return;
        }
        BucketMerger.Result result = new BucketMerger(ctx.ports().influx()).merge(bucket,
                line -> ctx.ports().backups().exportLines(source, bucket, line), onConflict(), ctx.progress());
        ctx.info("Bucket " + bucket + ": " + result.totalAdded() + " new points from the set, " + result.totalConflicting()
                + " at a series and time it already had (" + (onConflict() == OnConflict.SKIP
                ? "kept as they were" : "written over") + ").");
    }

    @Override
    public Map<String, String> factsAfterExecute(RunContext ctx) {
        return Map.of(CHANGED, changed);
    }

    /** Undoes what the journal says the merge changed: a bucket it made is deleted, one it merged into put back. */
    @Override
    public void undo(RunContext ctx) {
        String bucket = param("bucket");
        switch (changed(ctx)) {
            case CREATED -> {
                if (ctx.ports().influx().buckets().stream().anyMatch(b -> b.name().equals(bucket))) {
                    ctx.ports().influx().deleteBucket(bucket);
                }
            }
            case MERGED -> {
                ctx.ports().influx().deleteBucket(bucket);
                ctx.ports().backups().restoreBucket(ctx.backupId(), bucket, bucket, ctx.progress());
            }
            default -> ctx.info("Bucket " + bucket + " was not changed by the merge: nothing to put back.");
        }
    }

    @Override
    public List<Precondition> undoPreconditions(RunContext ctx, UndoFacts facts) {
        return MERGED.equals(changed(ctx)) ? List.of(SetChecks.present(ctx, "bucket " + param("bucket")
                + " as it was before the merge")) : List.of();
    }

    /** What this merge journalled it changed; a journal of an older version, without it: merged, if the bucket was there. */
    private String changed(RunContext ctx) {
        return ctx.journalActions().stream().filter(a -> a.kind().equals(KIND) && a.params().equals(params()))
                .map(a -> a.facts().get(CHANGED)).filter(Objects::nonNull).findFirst()
                .orElseGet(() -> ctx.ports().backups().holdsBucket(ctx.backupId(), param("bucket")) ? MERGED : NOTHING);
    }

    @Override
    public boolean undoNeedsBackupSet() {
        return true;
    }

    @Override
    public List<String> undoDeletesBuckets() {
        return List.of(param("bucket"));
    }

    private OnConflict onConflict() {
        return OnConflict.valueOf(param("onConflict"));
    }
}
