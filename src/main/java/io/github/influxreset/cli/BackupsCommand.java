package io.github.influxreset.cli;

import io.github.influxreset.domain.BackupInfo;
import io.github.influxreset.domain.ByteSize;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.session.BackupShelf;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code backups list | show ID | verify ID | delete ID | prune [--keep N]}: the backup browser, headless. */
@Command(name = "backups", description = "List, inspect, verify, delete and prune backup sets.",
        subcommands = {BackupsCommand.ListSets.class, BackupsCommand.Show.class, BackupsCommand.Verify.class,
                BackupsCommand.Delete.class, BackupsCommand.Prune.class})
final class BackupsCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Override
    public Integer call() {
        throw ResetException.badInput("'backups' needs a sub-command.", "Use list, show ID, verify ID, delete ID or prune.");
    }

    Profile profile() {
        return root.context.profile(root.profileFile);
    }

    BackupShelf shelf(Profile profile) {
        return root.context.session(profile).shelf();
    }

    static Map<String, Object> toJson(BackupInfo info) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", info.id());
        row.put("created", info.created().toString());
        row.put("profile", info.profile());
        row.put("influxVersion", info.influxVersion());
        row.put("runId", info.runId());
        info.sealed().ifPresent(at -> row.put("sealed", at.toString()));
        row.put("files", info.files());
        row.put("bytes", info.bytes());
        row.put("points", info.totalPoints());
        row.put("buckets", info.buckets().stream().map(b -> Map.of("name", b.name(), "retention", b.retention(),
                "points", b.points())).toList());
        return row;
    }

    /** {@code backups list}. */
    @Command(name = "list", description = "One line per complete backup set, newest first.")
    static final class ListSets implements Callable<Integer> {
        @ParentCommand
        BackupsCommand parent;

        @Override
        public Integer call() {
            Profile profile = parent.profile();
            BackupShelf shelf = parent.shelf(profile);
            List<BackupInfo> sets = shelf.list();
            Output output = parent.root.output();
            if (sets.isEmpty()) {
                output.line("No backup sets in " + profile.backups().dir() + ".");
            }
            sets.forEach(s -> output.line(String.format("%-18s %-20s %10s %3d buckets %,12d points  run %s", s.id(),
                    s.created().toString().substring(0, 19), ByteSize.human(s.bytes()), s.buckets().size(),
                    s.totalPoints(), s.runId())));
            Map<String, String> unusable = shelf.unusable();
            unusable.forEach((name, why) -> output.line("Not a usable set: " + name + ": " + why));
            output.document(Map.of("dir", profile.backups().dir().toString(),
                    "sets", sets.stream().map(BackupsCommand::toJson).toList(), "unusable", unusable));
            return unusable.isEmpty() ? 0 : 1;
        }
    }

    /** {@code backups show ID}. */
    @Command(name = "show", description = "What a set holds, from its manifest.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        BackupsCommand parent;

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            Profile profile = parent.profile();
            BackupShelf shelf = parent.shelf(profile);
            BackupInfo info = shelf.info(id);
            Output output = parent.root.output();
            output.line("Backup set " + info.id() + " (" + shelf.folder(info.id()) + ")");
            output.line("  created " + info.created() + " by run " + info.runId() + ", profile " + info.profile()
                    + ", InfluxDB " + info.influxVersion());
            output.line("  " + info.files() + " files, " + ByteSize.human(info.bytes()));
            info.sealed().ifPresent(at -> output.line("  sealed " + at + " with what the services wrote until they stopped "
                    + "(the points below are those at the stop)"));
            info.buckets().forEach(b -> output.line("  bucket " + b.name() + " (retention " + b.retention() + "): "
                    + b.points()));
            output.document(toJson(info));
            return 0;
        }
    }

    /** {@code backups verify ID}: exit 1 naming the first file that does not match. */
    @Command(name = "verify", description = "Re-hash every file of a set against its manifest.")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        BackupsCommand parent;

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            BackupShelf shelf = parent.shelf(parent.profile());
            shelf.verify(id, Progress.NONE);
            BackupInfo info = shelf.info(id);
            parent.root.output().line("Backup set " + id + " verified: " + info.files() + " files match their SHA-256.");
            parent.root.output().document(Map.of("id", id, "verified", true, "files", info.files()));
            return 0;
        }
    }

    /** {@code backups delete ID [--yes]}. */
    @Command(name = "delete", description = "Delete a set (asks first).")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        BackupsCommand parent;

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--yes", description = "Delete without asking.")
        boolean yes;

        @Override
        public Integer call() {
            BackupShelf shelf = parent.shelf(parent.profile());
            shelf.info(id);
            Confirmation.require(parent.root, yes, "This deletes backup set " + id + ".", id);
            shelf.delete(id);
            parent.root.output().line("Backup set " + id + " deleted.");
            parent.root.output().document(Map.of("deleted", List.of(id)));
            return 0;
        }
    }

    /** {@code backups prune [--keep N] [--yes]}. */
    @Command(name = "prune", description = "Keep the newest N sets (default: backups.keep) and delete the rest.")
    static final class Prune implements Callable<Integer> {
        @ParentCommand
        BackupsCommand parent;

        @Option(names = "--keep", paramLabel = "N")
        Integer keep;

        @Option(names = "--yes", description = "Prune without asking.")
        boolean yes;

        @Override
        public Integer call() {
            Profile profile = parent.profile();
            int n = keep == null ? profile.backups().keep() : keep;
            BackupShelf shelf = parent.shelf(profile);
            List<String> delete = shelf.pruneCandidates(n);
            Output output = parent.root.output();
            if (!delete.isEmpty()) {
                Confirmation.require(parent.root, yes, "This deletes " + delete.size() + " backup set(s): " + delete + ".",
                        "prune");
                shelf.prune(n);
            }
            output.line(delete.isEmpty() ? "Nothing to prune: " + n + " or fewer sets." : "Deleted " + delete);
            output.document(Map.of("deleted", delete, "kept", n));
            return 0;
        }
    }
}
