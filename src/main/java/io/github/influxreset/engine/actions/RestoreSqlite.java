package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.SqliteSpec;
import io.github.influxreset.engine.run.Precondition;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.UndoFacts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Puts a backup set's copy of one of the profile's SQLite databases back, the services stopped.
 * Undo puts back the copy the run's own backup took of the database just before.
 */
public final class RestoreSqlite extends BaseAction {
    public static final String KIND = "restore-sqlite";

    public RestoreSqlite(Map<String, String> params) {
        super(KIND, params);
    }

    /** @param index the database's place in the profile's {@code sqlite:} list */
    public static RestoreSqlite of(String source, int index, SqliteSpec database) {
        return new RestoreSqlite(Map.of("source", source, "index", Integer.toString(index), "database", database.describe()));
    }

    @Override
    public boolean destructive() {
        return true;
    }

    @Override
    public String describe() {
        return "Put the SQLite database " + param("database") + " back from backup set " + param("source");
    }

    @Override
    public String describeUndo() {
        return "Put the SQLite database " + param("database") + " back as it was before the restore";
    }

    @Override
    public void execute(RunContext ctx) {
        ctx.ports().metadata().restore(database(ctx), copy(ctx, param("source")));
        ctx.info("SQLite database " + param("database") + " put back from backup set " + param("source")
                + " and checked (integrity ok).");
    }

    @Override
    public void undo(RunContext ctx) {
        ctx.ports().metadata().restore(database(ctx), copy(ctx, ctx.backupId()));
    }

    @Override
    public List<Precondition> undoPreconditions(RunContext ctx, UndoFacts facts) {
        return List.of(SetChecks.present(ctx, "the SQLite database " + param("database") + " as it was before the restore"));
    }

    @Override
    public boolean undoNeedsBackupSet() {
        return true;
    }

    private SqliteSpec database(RunContext ctx) {
        List<SqliteSpec> all = ctx.profile().sqlite();
        int index = Integer.parseInt(param("index"));
        if (index >= all.size() || !all.get(index).describe().equals(param("database"))) {
            throw ResetException.badInput("The profile no longer lists the SQLite database " + param("database")
                    + " as its database " + (index + 1) + ".", "Use the profile the run was made with.");
        }
        return all.get(index);
    }

    private Path copy(RunContext ctx, String backupId) {
        String file = SqliteSpec.setFile(ctx.profile().sqlite(), Integer.parseInt(param("index")));
        return ctx.ports().backups().sqliteCopy(backupId, file).orElseThrow(() -> ResetException.badInput(
                "Backup set " + backupId + " holds no copy of the SQLite database " + param("database") + " (" + file + ").",
                "Choose a set written with this profile ('backups show ID' lists what a set holds)."));
    }
}
