package io.github.influxreset.engine.run;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.port.BackupStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps the newest backup sets and deletes the rest, never a set that an unfinished run needs for
 * its rollback: on demand ({@code backups prune}), and after every run that succeeded.
 */
public final class BackupPruner {
    private final BackupStore backups;
    private final Journal journal;

    public BackupPruner(BackupStore backups, Journal journal) {
        this.backups = backups;
        this.journal = journal;
    }

    /** The ids prune would delete, oldest last; changes nothing. */
    public List<String> candidates(int keep) {
        if (keep < 1) {
            throw ResetException.badInput("--keep must be at least 1, not " + keep + ".", "Keep at least the newest set.");
        }
        Set<String> protectedSets = journal.runs().stream().filter(r -> r.status().isUnfinished())
                .map(RunRecord::backupId).filter(Objects::nonNull).collect(Collectors.toSet());
        List<String> all = backups.list();
        List<String> delete = new ArrayList<>();
        for (int i = keep; i < all.size(); i++) {
            if (!protectedSets.contains(all.get(i))) {
                delete.add(all.get(i));
            }
        }
        return delete;
    }

    /** Deletes the candidates; returns their ids. */
    public List<String> prune(int keep) {
        List<String> delete = candidates(keep);
        delete.forEach(backups::delete);
        return delete;
    }

    /**
     * After a run succeeded: keeps the newest {@code backups.keep} sets of the profile and deletes
     * the older ones (never one an unfinished run needs), saying which. A set that cannot be deleted
     * is warned of; the run has succeeded all the same.
     */
    public void keepWhatTheProfileSays(RunContext ctx) {
        int keep = ctx.profile().backups().keep();
        try {
            List<String> deleted = prune(keep);
            if (!deleted.isEmpty()) {
                ctx.log().info(null, "Deleted " + deleted.size() + " older backup set(s), as the profile keeps the newest "
                        + keep + " (backups.keep): " + String.join(", ", deleted) + ".");
            }
        } catch (ResetException e) {
            ctx.log().warn(null, "The older backup sets were not pruned: " + e.getMessage());
        }
    }

    /** Deletes one set, unless an unfinished run still needs it. */
    public void delete(String backupId) {
        boolean needed = journal.runs().stream().anyMatch(r -> r.status().isUnfinished() && backupId.equals(r.backupId()));
        if (needed) {
            throw ResetException.badInput("Backup set " + backupId + " belongs to an unfinished run and is needed for its rollback.",
                    "Finish or roll back that run first ('runs list').");
        }
        backups.delete(backupId);
    }
}
