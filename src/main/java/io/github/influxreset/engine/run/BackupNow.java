package io.github.influxreset.engine.run;

import io.github.influxreset.domain.Progress;
import java.util.Set;

/**
 * Writes and verifies a backup set of the stack as it is now, its progress in the run's log: what
 * the backup step does, and what the seal after the stop and a rollback that would replace live
 * data do again.
 */
public final class BackupNow {
    private BackupNow() {
    }

    /** A verified set of the live {@code buckets} only (see {@code BackupStore.writeBuckets}); its id. */
    public static String writeVerified(RunContext ctx, Set<String> buckets) {
        var stack = ctx.ports().docker().discover(ctx.profile().stack().composeProject());
        String setId = ctx.ports().backups().writeBuckets(stack, ctx.runId(), buckets, (fraction, message) -> ctx.info(message));
        ctx.ports().backups().verify(setId);
        return setId;
    }

    /** Returns the id of the new, verified set (not yet recorded as the run's backup). */
    public static String writeVerified(RunContext ctx) {
        var stack = ctx.ports().docker().discover(ctx.profile().stack().composeProject());
        Progress progress = (fraction, message) -> ctx.info(message);
        String setId = ctx.ports().backups().write(stack, ctx.runId(), progress);
        ctx.ports().backups().verify(setId);
        return setId;
    }
}
