package io.github.influxreset.engine.actions;

import io.github.influxreset.engine.run.RunContext;
import java.util.Map;

/**
 * Re-hashes every file of the run's backup set and, only when all match, records the set as
 * verified: the key the runner asks for before any destructive action.
 */
public final class VerifyBackup extends ReadOnlyAction {
    public static final String KIND = "verify-backup";

    public VerifyBackup(Map<String, String> params) {
        super(KIND, params, "Nothing to undo for the verification");
    }

    @Override
    public boolean verifiesBackup() {
        return true;
    }

    @Override
    public String describe() {
        return "Verify the backup set (every file's SHA-256, archive entries, every export line counted)";
    }

    @Override
    public void execute(RunContext ctx) {
        String backupId = ctx.backupId();
        ctx.ports().backups().verify(backupId);
        ctx.recordBackup(backupId, true);
        ctx.info("Backup set " + backupId + " verified.");
    }
}
