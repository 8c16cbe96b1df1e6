package io.github.influxreset.engine;

import io.github.influxreset.domain.Finding;
import java.time.Duration;
import java.util.List;

/**
 * The Markdown report of one run: outcome, backup set, every action with its status and time,
 * and the findings (the validation table). Built from the journal, so it can be written for a
 * run of another process too. Text only: secrets were masked before the journal stored it.
 */
public final class RunReport {
    private RunReport() {
    }

    public static String markdown(RunRecord run, List<ActionRecord> actions, List<Finding> findings) {
        StringBuilder md = new StringBuilder();
        md.append("# InfluxDB Reset Wizard: run ").append(run.id()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| Profile | ").append(cell(run.profileName())).append(" |\n");
        md.append("| Kind | ").append(run.mode().describe()).append(" |\n");
        md.append("| Outcome | **").append(outcome(run.status())).append("** |\n");
        md.append("| Started | ").append(run.started()).append(" |\n");
        md.append("| Ended | ").append(run.ended() == null ? "(not ended)" : run.ended()).append(" |\n");
        md.append("| Backup set | ").append(run.backupId() == null ? "none" : run.backupId()
                + (run.backupVerified() ? " (verified)" : " (not verified)")).append(" |\n");
        if (run.message() != null) {
            md.append("| Message | ").append(cell(run.message())).append(" |\n");
        }
        md.append("\n## Actions\n\n| # | Step | Action | Status | Time |\n|---|---|---|---|---|\n");
        for (ActionRecord action : actions) {
            md.append("| ").append(action.index() + 1).append(" | ").append(action.step().title()).append(" | ")
                    .append(cell(action.description())).append(action.destructive() ? " ⚠" : "").append(" | ")
                    .append(action.status()).append(action.error() == null ? "" : ": " + cell(action.error()))
                    .append(" | ").append(duration(action)).append(" |\n");
        }
        if (!findings.isEmpty()) {
            md.append("\n## Checks and validation\n\n| Status | What | Result |\n|---|---|---|\n");
            findings.forEach(f -> md.append("| ").append(f.severity()).append(" | ").append(cell(f.subject())).append(" | ")
                    .append(cell(f.message())).append(" |\n"));
        }
        return md.toString();
    }

    private static String outcome(RunStatus status) {
        return switch (status) {
            case SUCCEEDED -> "succeeded";
            case ROLLED_BACK -> "rolled back: the stack is as it was";
            case ROLLBACK_FAILED -> "rollback failed: the stack needs attention";
            case RUNNING -> "interrupted: resume or roll back";
            case CLOSED -> "closed by the user: nothing was undone";
        };
    }

    private static String duration(ActionRecord action) {
        if (action.started() == null || action.ended() == null) {
            return "";
        }
        return Duration.between(action.started(), action.ended()).toMillis() + " ms";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
