package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.engine.run.RunContext;
import java.util.Map;

/** Writes a backup set of the stack and records it in the run's journal (not yet verified). */
public final class WriteBackup extends BaseAction {
    public static final String KIND = "write-backup";

    public WriteBackup(Map<String, String> params) {
        super(KIND, params);
    }

    @Override
    public String describe() {
        return "Write a backup set to " + param("dir");
    }

    @Override
    public String describeUndo() {
        return NOTHING_TO_UNDO + " (backups are never deleted by a rollback; only a set a kill left half-written is"
                + " removed)";
    }

    @Override
    public void execute(RunContext ctx) {
        var stack = ctx.ports().docker().discover(ctx.profile().stack().composeProject());
        Progress progress = ctx.progress();
        String backupId = ctx.ports().backups().write(stack, ctx.runId(), progress);
        ctx.recordBackup(backupId, false);
        ctx.info("Backup set " + backupId + " written.");
    }

    @Override
    public void undo(RunContext ctx) {
        // a complete backup is kept whatever happens to the run; a half-written one was never a backup
        ctx.ports().backups().removeIncomplete(ctx.runId());
    }
}
