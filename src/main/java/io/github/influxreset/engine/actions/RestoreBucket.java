package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.run.Precondition;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.UndoFacts;
import java.util.List;
import java.util.Map;

/**
 * Writes a bucket of a backup set back, into the bucket of the same name (replacing it:
 * destructive) or into a new one. Undo removes what was written and, where it replaced a bucket,
 * puts that bucket back from the run's own verified backup.
 */
public final class RestoreBucket extends BaseAction {
    public static final String KIND = "restore-bucket";

    public RestoreBucket(Map<String, String> params) {
        super(KIND, params);
    }

    public static RestoreBucket replacing(String source, String bucket) {
        return new RestoreBucket(Map.of("source", source, "bucket", bucket, "target", bucket, "replace", "true"));
    }

    public static RestoreBucket into(String source, String bucket, String target) {
        return new RestoreBucket(Map.of("source", source, "bucket", bucket, "target", target, "replace", "false"));
    }

    @Override
    public boolean destructive() {
        return replace();
    }

    @Override
    public String describe() {
        return replace() ? "Replace bucket " + param("target") + " with its copy in backup set " + param("source")
                : "Restore bucket " + param("bucket") + " of backup set " + param("source") + " into the new bucket "
                + param("target");
    }

    @Override
    public String describeUndo() {
        return replace() ? "Put bucket " + param("target") + " back as it was before the restore"
                : "Delete the new bucket " + param("target");
    }

    @Override
    public void execute(RunContext ctx) {
        boolean exists = ctx.ports().influx().buckets().stream().anyMatch(b -> b.name().equals(param("target")));
        if (exists && !replace()) {
            throw ResetException.badInput("Bucket " + param("target") + " already exists.",
                    "Choose a --new-bucket name that does not exist yet.");
        }
        ctx.ports().influx().deleteBucket(param("target"));
        ctx.ports().backups().restoreBucket(param("source"), param("bucket"), param("target"), ctx.progress());
        ctx.info("Bucket " + param("bucket") + " written back into " + param("target") + ".");
    }

    @Override
    public void undo(RunContext ctx) {
        ctx.ports().influx().deleteBucket(param("target"));
        if (replace() && ctx.ports().backups().holdsBucket(ctx.backupId(), param("target"))) {
            ctx.ports().backups().restoreBucket(ctx.backupId(), param("target"), param("target"), ctx.progress());
        }
    }

    @Override
    public List<Precondition> undoPreconditions(RunContext ctx, UndoFacts facts) {
        return replace() ? List.of(SetChecks.present(ctx, "bucket " + param("target") + " as it was before the restore"))
                : List.of();
    }

    @Override
    public boolean undoNeedsBackupSet() {
        return replace();
    }

    @Override
    public List<String> undoDeletesBuckets() {
        return List.of(param("target"));
    }

    private boolean replace() {
        return Boolean.parseBoolean(param("replace"));
    }
}
