package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.run.RunContext;
import java.util.Map;

/** The gate between backup and reset: passes only when the user typed the confirmation word. */
public final class ConfirmReset extends ReadOnlyAction {
    public static final String KIND = RunContext.CONFIRMATION_KIND;

    public ConfirmReset(Map<String, String> params) {
        super(KIND, params, "Nothing to undo for the confirmation");
    }

    @Override
    public String describe() {
        return "Wait for the user to confirm by typing '" + param("word") + "'";
    }

    @Override
    public void execute(RunContext ctx) {
        if (!ctx.isConfirmed()) {
            throw ResetException.badInput("The reset was not confirmed.",
                    "Type '" + param("word") + "' to confirm, or use --yes on the command line.");
        }
        ctx.info("Reset confirmed by the user.");
    }

    /** The user's choice made with the confirmation, kept for a resumed run: carry the old points or not. */
    @Override
    public Map<String, String> factsAfterExecute(RunContext ctx) {
        return Map.of(RunContext.KEEP_DATA, Boolean.toString(ctx.keepData()));
    }
}
