package io.github.influxreset.cli;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.report.RunReport;
import io.github.influxreset.engine.report.RunTimeline;
import io.github.influxreset.engine.run.RunRecord;
import io.github.influxreset.engine.session.RunHistory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code runs list | show ID}: run history from the journal. */
@Command(name = "runs", description = "Run history from the journal.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.Show.class, RunsCommand.Close.class})
final class RunsCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Override
    public Integer call() {
        throw ResetException.badInput("'runs' needs a sub-command.", "Use 'runs list' or 'runs show ID'.");
    }

    RunHistory history() {
        return root.context.session(root.context.profile(root.profileFile)).history();
    }

    static Map<String, Object> toJson(RunRecord run) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", run.id());
        row.put("profile", run.profileName());
        row.put("mode", run.mode().name().toLowerCase());
        row.put("status", run.status().name());
        row.put("started", String.valueOf(run.started()));
        row.put("ended", String.valueOf(run.ended()));
        row.put("backupId", run.backupId());
        row.put("backupVerified", run.backupVerified());
        row.put("message", run.message());
        return row;
    }

    /** {@code runs list}. */
    @Command(name = "list", description = "List runs, newest first.")
    static final class ListRuns implements Callable<Integer> {
        @ParentCommand
        RunsCommand runs;

        @Override
        public Integer call() {
            List<RunRecord> all = runs.history().list();
            Output output = runs.root.output();
            if (all.isEmpty()) {
                output.line("No runs yet.");
            }
            all.forEach(r -> output.line(String.format("%-22s %-16s %-7s %s", r.id(), r.status(),
                    r.mode().name().toLowerCase(), r.started())));
            output.document(Map.of("runs", all.stream().map(RunsCommand::toJson).toList()));
            return 0;
        }
    }

    /**
     * {@code runs close ID [--yes]}: ends an unfinished run without undoing anything, for a stack
     * that was put right by hand or whose rollback was refused. Changes nothing on the stack.
     */
    @Command(name = "close", description = "End an unfinished run without undoing it; the stack is left as it is.")
    static final class Close implements Callable<Integer> {
        @ParentCommand
        RunsCommand runs;

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--yes", description = "Do not ask.")
        boolean yes;

        @Override
        public Integer call() {
            runs.history().close(id, run -> Confirmation.require(runs.root, yes, "Closing run " + id + " undoes nothing: "
                    + "the stack stays as it is now" + (run.backupId() == null ? "." : ", and backup set " + run.backupId()
                    + " keeps the data from before it."), "close"));
            runs.root.output().line("Run " + id + " closed; nothing was undone.");
            runs.root.output().document(Map.of("runId", id, "outcome", "closed"));
            return 0;
        }
    }

    /** {@code runs show ID}. */
    @Command(name = "show", description = "Show one run with its actions.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        RunsCommand runs;

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            RunHistory.Shown shown = runs.history().show(id);
            RunRecord run = shown.run();
            Output output = runs.root.output();
            output.line("Run " + run.id() + ": " + run.status() + " (" + run.mode().name().toLowerCase() + " reset of "
                    + run.profileName() + ")");
            output.line("Backup set: " + (run.backupId() == null ? "none" : run.backupId()
                    + (run.backupVerified() ? " (verified)" : " (not verified)")));
            output.line(shown.downtime().map(w -> "Downtime: " + RunReport.seconds(w.millis()) + " (the first service stopped → "
                    + "the last healthy again)").orElse("No service was stopped.")
                    + shown.switchMillis().map(ms -> " The longest switch of a bucket took " + ms + " ms.").orElse(""));
            shown.actions().forEach(a -> output.line(String.format("  %2d. %-11s %s%s", a.index() + 1, a.status(),
                    a.description(), a.error() == null ? "" : " — " + a.error())));
            Map<String, Object> doc = toJson(run);
            doc.put("downtimeMillis", shown.downtime().map(RunTimeline.Window::millis).orElse(0L));
            shown.switchMillis().ifPresent(ms -> doc.put("switchMillis", ms));
            doc.put("actions", shown.actions().stream().map(a -> Map.of("index", a.index() + 1, "step", a.step().title(),
                    "kind", a.kind(), "description", a.description(), "status", a.status().name())).toList());
            output.document(doc);
            return 0;
        }
    }
}
