package io.github.influxreset.engine.actions;

import io.github.influxreset.engine.run.Precondition;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.UndoFacts;
import java.util.List;
import java.util.Map;

/**
 * Puts InfluxDB's own backup of a set back, whole: tokens, orgs, buckets and every shard, as
 * {@code influx restore --full} does. Destructive (everything on the server is replaced). Undo puts
 * the run's own backup (of the state before the restore) back the same way.
 */
public final class RestoreNative extends BaseAction {
    public static final String KIND = "restore-native";

    public RestoreNative(Map<String, String> params) {
        super(KIND, params);
    }

    public static RestoreNative of(String source) {
        return new RestoreNative(Map.of("source", source));
    }

    @Override
    public boolean destructive() {
        return true;
    }

    @Override
    public String describe() {
        return "Replace everything on InfluxDB with its own backup in set " + param("source")
                + " (tokens, orgs, buckets and data)";
    }

    @Override
    public String describeUndo() {
        return "Put InfluxDB back as it was before the restore, from its own backup in the run's set";
    }

    @Override
    public void execute(RunContext ctx) {
        ctx.ports().backups().restoreNative(param("source"));
        ctx.info("InfluxDB's own backup of set " + param("source") + " is restored.");
    }

    @Override
    public List<Precondition> undoPreconditions(RunContext ctx, UndoFacts facts) {
        Precondition set = SetChecks.present(ctx, "InfluxDB's own backup of the state before the restore");
        if (set.ok() && !ctx.ports().backups().holdsNative(ctx.backupId())) {
            return List.of(Precondition.fails(set.what(), "backup set " + ctx.backupId() + " holds no native backup"));
        }
        return List.of(set);
    }

    @Override
    public boolean undoNeedsBackupSet() {
        return true;
    }

    @Override
    public void undo(RunContext ctx) {
        ctx.ports().backups().restoreNative(ctx.backupId());
    }
}
