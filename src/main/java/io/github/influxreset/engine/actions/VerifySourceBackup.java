package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.run.RunContext;
import java.util.Map;

/** Re-hashes every file of the set a restore reads from; a set that fails is refused before anything changes. */
public final class VerifySourceBackup extends ReadOnlyAction {
    public static final String KIND = "verify-source-backup";

    public VerifySourceBackup(Map<String, String> params) {
        super(KIND, params, "Nothing to undo for the verification");
    }

    public static VerifySourceBackup of(String source) {
        return new VerifySourceBackup(Map.of("source", source));
    }

    @Override
    public String describe() {
        return "Verify backup set " + param("source") + " (every file's SHA-256, archive entries and export lines)";
    }

    @Override
    public void execute(RunContext ctx) {
        try {
            ctx.ports().backups().verify(param("source"));
        } catch (ResetException corrupt) {
            throw ResetException.badInput(corrupt.getMessage()
                    + " Nothing was changed: the set is checked before anything is stopped or removed.", corrupt.hint());
        }
        ctx.info("Backup set " + param("source") + " verified.");
    }
}
