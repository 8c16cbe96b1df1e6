package io.github.influxreset.engine.session;

import io.github.influxreset.domain.BackupInfo;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.engine.port.BackupStore;
import io.github.influxreset.engine.run.BackupPruner;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.WholeRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A profile's backup sets as the backup browser uses them: listed (unusable folders said in the
 * log), verified (said in the log either way), deleted and pruned (never a set an unfinished run
 * needs), and restored as runs of their own that back up the current state first and are undone on
 * failure. Plain blocking Java.
 */
public final class BackupShelf {
    private final SessionScope scope;

    BackupShelf(SessionScope scope) {
        this.scope = scope;
    }

    /** The complete backup sets, newest first. */
    public List<BackupInfo> list() {
        BackupStore store = store();
        store.unusable().forEach((name, why) -> scope.log().warn(null, "Backup folder " + name + " is not a usable set: " + why));
        return store.list().stream().map(store::info).toList();
    }

    /**
     * What the set is, in a few words, as the journal tells it: the backup a reset, move or restore took
     * first (", sealed" when it was sealed at the stop), the live data backed up before a rollback
     * replaced it, or one made by hand. The set's run is in its details.
     */
    public String role(BackupInfo set) {
        if ("manual".equals(set.runId())) {
            return "made by hand";
        }
        return scope.journal().run(set.runId()).map(run -> !set.id().equals(run.backupId()) ? "before a rollback"
                : (run.mode() == ResetMode.MOVE ? "move's" : run.mode() == ResetMode.RESTORE ? "restore's" : "reset's")
                + " backup" + set.sealed().map(t -> ", sealed").orElse("")).orElse("run not in the journal");
    }

    /** Verifies a set and says so in the log, whichever way it ends (a failure is also thrown). */
    public void verify(String backupId, Progress progress) {
        scope.log().info(null, "Verifying backup set " + backupId + " (every file's SHA-256, archive entries, every export line)");
        try {
            store().verify(backupId, progress);
        } catch (RuntimeException failed) {
            scope.log().warn(null, "Backup set " + backupId + " failed its verification: " + (failed instanceof ResetException r
                    ? r.userText() : failed.getMessage()));
            throw failed;
        }
        scope.log().info(null, "Backup set " + backupId + " verified: every file matches and every export holds every point.");
    }

    public void delete(String backupId) {
        pruner().delete(backupId);
    }

    /** Deletes all but the newest {@code keep} sets (never one an unfinished run needs); returns the ids. */
    public List<String> prune(int keep) {
        return pruner().prune(keep);
    }

    /** What a set holds, from its manifest; bad input when there is no such set. */
    public BackupInfo info(String backupId) {
        return store().info(backupId);
    }

    /** The set's folder. */
    public Path folder(String backupId) {
        return scope.profile().backups().dir().resolve(backupId);
    }

    /** Folders of the backup directory that are no usable set, and why each is not. */
    public Map<String, String> unusable() {
        return store().unusable();
    }

    /** Writes a set of the stack as it is now, by hand (no run), and verifies it; the verified set. */
    public BackupInfo backUpNow(Progress progress) {
        var stack = scope.ports().docker().discover(scope.profile().stack().composeProject());
        String id = store().write(stack, "manual", progress);
        store().verify(id);
        return store().info(id);
    }

    /** The sets {@link #prune} would delete now. */
    public List<String> pruneCandidates(int keep) {
        return pruner().candidates(keep);
    }

    /**
     * Restores from a set as asked: a run of its own that backs up the current state first, is undone
     * on failure, and ends with every count compared with the manifest.
     *
     * @param confirmation asked for the typed confirmation word when the run reaches it
     * @throws ResetException (bad input) when the set cannot serve the request; nothing has changed then
     */
    public RunOutcome restore(RestoreRequest request, Supplier<String> confirmation, Progress progress) {
        Plan restore = RestoreChoice.plan(request, scope.profile(), scope.ports(), Plan.newId(scope.clock()));
        return new RunOutcome(WholeRun.run(scope.runner(), restore,
                id -> scope.context(id), confirmation, progress));
    }

    /** Puts every bucket of a set back from its export; the id of the restore's run. */
    public String restoreAll(String backupId, String typedConfirmation, Progress progress) {
        return restore(RestoreRequest.wholeSet(backupId, RestoreRequest.Source.EXPORT), () -> typedConfirmation, progress)
                .runId();
    }

    /** Restores one bucket of a set into a new bucket; the id of the restore's run. */
    public String restoreBucket(String backupId, String bucket, String newBucket, Progress progress) {
        return restore(RestoreRequest.oneBucket(backupId, bucket, newBucket), () -> "", progress).runId();
    }

    private BackupStore store() {
        return scope.ports().backups();
    }

    private BackupPruner pruner() {
        return new BackupPruner(store(), scope.journal());
    }
}
