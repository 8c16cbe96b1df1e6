package io.github.influxreset.engine.run;

import io.github.influxreset.domain.ResetException;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a rollback does between its plan and its first undo: refuse, or keep the live data safe. */
final class RollbackGuard {
    private RollbackGuard() {
    }

    /** Throws {@link ResetException.Reason#BAD_INPUT} (nothing changed) when the plan may not run. */
    static void refuseUnsafe(RollbackPlan plan, boolean forceStale) {
        String id = plan.run().id();
        if (!plan.failed().isEmpty()) {
            throw ResetException.badInput("The rollback of run " + id + " was refused and nothing was changed: "
                    + plan.failed().stream().map(p -> p.problem().orElseThrow()).distinct().collect(Collectors.joining("; "))
                    + ".", "See every undo and its checks with 'rollback " + id + " --dry-run'. If the stack is as you "
                    + "want it now, close the run without undoing it: 'runs close " + id + "'.");
        }
        if (plan.stale() && !forceStale) {
            throw ResetException.badInput("Run " + id + " is stale, so it was not rolled back and nothing was changed: "
                    + String.join("; ", plan.staleReasons()) + ".", "Rolling it back would undo what happened since. "
                    + "See what it would do with 'rollback " + id + " --dry-run'; 'rollback " + id + " --force-stale' "
                    + "first backs up the live data, then undoes the run; 'runs close " + id + "' leaves the stack as it is.");
        }
        if (plan.stale() && plan.liveDataUnknown().isPresent()) {
            throw ResetException.badInput("Run " + id + " is stale and the live data it would replace cannot be counted ("
                    + plan.liveDataUnknown().get() + "), so nothing was changed.",
                    "Start InfluxDB so that the live data can be backed up first, then roll back again.");
        }
    }

    /**
     * Writes and verifies a backup set of the live buckets the undos would delete or replace (only
     * those: the services wait meanwhile), before the first undo; its id, if written.
     */
    static Optional<String> backUpLiveData(RunContext ctx, RollbackPlan plan) {
        if (!plan.needsSafetyBackup()) {
            return Optional.empty();
        }
        ctx.info("The rollback would replace live data (" + plan.liveBucketsAtRisk().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue() + " points").collect(Collectors.joining(", "))
                + "): backing those buckets up first.");
        String setId = BackupNow.writeVerified(ctx, plan.liveBucketsAtRisk().keySet());
        ctx.info("Backup set " + setId + " holds the live data as it was before this rollback (written and verified).");
        return Optional.of(setId);
    }
}
