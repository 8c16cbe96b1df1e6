package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.SwitchNames;
import io.github.influxreset.engine.port.InfluxPort;
import java.util.Optional;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.engine.run.Precondition;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.UndoFacts;
import java.util.List;
import java.util.Map;

/**
 * Deletes a bucket with all its data: destructive. Undo creates it again with the retention it had
 * and writes back every point, both from the run's verified backup set; a bucket that did not
 * exist when the set was written stays absent.
 *
 * <p>On 2.x ({@link #aside}) the bucket is renamed {@code NAME.before-RUN} instead, which takes the
 * same moment at any size while the services wait ({@link DropAsideBuckets} deletes it once they
 * write again); its undo renames it back while it is there, and restores from the set after that.
 */
public final class DeleteBucket extends BaseAction {
    public static final String KIND = "delete-bucket";

    public DeleteBucket(Map<String, String> params) {
        super(KIND, params);
    }

    public static DeleteBucket of(BucketSpec bucket) {
        return new DeleteBucket(Map.of("bucket", bucket.name(), "retention", bucket.retention().format()));
    }

    /** On 2.x: the bucket set aside under its {@link SwitchNames#before()} name of run {@code run}. */
    public static DeleteBucket aside(BucketSpec bucket, String run) {
        return new DeleteBucket(Map.of("bucket", bucket.name(), "retention", bucket.retention().format(), "run", run));
    }

    /** True for the parameters of a deletion that renames the bucket aside ({@link #aside}). */
    public static boolean setsAside(Map<String, String> params) {
        return params.containsKey("run");
    }

    private Optional<String> asideName() {
        return Optional.ofNullable(params().get("run")).map(run -> new SwitchNames(param("bucket"), run).before());
    }

    @Override
    public boolean destructive() {
        return true;
    }

    @Override
    public String describe() {
        return asideName().map(aside -> "Set bucket " + param("bucket") + " and all its data aside as " + aside
                + " (a rename, instant at any size; deleted once the services write again)")
                .orElse("Delete bucket " + param("bucket") + " and all its data");
    }

    @Override
    public String describeUndo() {
        return asideName().map(aside -> "Rename " + aside + " back to " + param("bucket") + " (or restore it from the backup "
                + "set once deleted)").orElse("Restore bucket " + param("bucket") + " from the backup set");
    }

    @Override
    public void execute(RunContext ctx) {
        InfluxPort influx = ctx.ports().influx();
        if (asideName().isEmpty()) {
            influx.deleteBucket(param("bucket"));
            return;
        }
        String id = influx.bucketIds().get(param("bucket"));
        if (id != null) {
            influx.renameBucket(id, asideName().get());
        }
    }

    /** Replaces the live bucket only when the set holds the old one; else the bucket did not exist. */
    @Override
    public void undo(RunContext ctx) {
        InfluxPort influx = ctx.ports().influx();
        Optional<String> asideId = asideName().map(aside -> influx.bucketIds().get(aside));
        if (asideId.isPresent()) {
            if (influx.bucketIds().containsKey(param("bucket"))) {
                influx.deleteBucket(param("bucket"));
            }
            influx.renameBucket(asideId.get(), param("bucket"));
            return;
        }
        if (ctx.ports().backups().holdsBucket(ctx.backupId(), param("bucket"))) {
            ctx.ports().influx().deleteBucket(param("bucket"));
            ctx.ports().backups().restoreBucket(ctx.backupId(), param("bucket"), param("bucket"), ctx.progress());
            if (asideName().isPresent()) {
                RepointMappings.pointRecordedAt(ctx, param("bucket"));
            }
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
