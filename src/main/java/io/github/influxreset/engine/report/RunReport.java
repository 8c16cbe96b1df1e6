package io.github.influxreset.engine.report;

import io.github.influxreset.engine.actions.SwitchBucket;
import io.github.influxreset.engine.run.ActionRecord;
import io.github.influxreset.engine.run.RunRecord;
import io.github.influxreset.engine.run.RunStatus;

import io.github.influxreset.domain.Finding;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The Markdown report of one run: outcome, backup set, the timeline with the downtime window, the
 * buckets before and after, every action with its status and time, and the findings (the
 * validation table). Built from the journal, so it can be written for a run of another process too.
 * Text only: secrets were masked before the journal stored it.
 */
public final class RunReport {
    private RunReport() {
    }

    public static String markdown(RunSummary summary) {
        RunRecord run = summary.run();
        List<ActionRecord> actions = summary.actions();
        List<Finding> findings = summary.findings();
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
        timeline(md, summary.timeline());
        switchWindow(actions).ifPresent(ms -> md.append("The services were switched to the new buckets by name: the "
                + "longest switch, while a name had no bucket, took **").append(ms).append(" ms**.\n"));
        buckets(md, summary.buckets());
        carrying(md, CarryingLines.of(actions));
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

    /** The actions as bars of text on the run's time axis, the downtime said first. */
    private static void timeline(StringBuilder md, RunTimeline timeline) {
        md.append("\n## Timeline\n\n");
        timeline.downtime().ifPresentOrElse(window -> md.append("Downtime: **").append(seconds(window.millis()))
                .append("** (the first service stopping at +").append(seconds(window.startMillis()))
                .append(", the last healthy again at +").append(seconds(window.endMillis())).append(")\n\n"),
                () -> md.append("No service was stopped.\n\n"));
        md.append("```\n");
        int width = 40;
        double scale = width / (double) Math.max(1, timeline.totalMillis());
        for (RunTimeline.Bar bar : timeline.bars()) {
            int from = (int) Math.round(bar.startMillis() * scale);
            int length = Math.max(1, (int) Math.round(bar.millis() * scale));
            String track = " ".repeat(Math.min(width, from)) + "█".repeat(Math.min(length, width + 1 - Math.min(width, from)));
            md.append(String.format("+%8s %-41s %s%n", seconds(bar.startMillis()), track, bar.label()));
        }
        md.append("```\n");
    }

    private static void buckets(StringBuilder md, List<BucketChange> buckets) {
        if (buckets.isEmpty()) {
            return;
        }
        md.append("\n## Before and after\n\n| Bucket | Points before | Retention before | Points after | Retention after "
                + "| Validation |\n|---|---|---|---|---|---|\n");
        for (BucketChange b : buckets) {
            md.append("| ").append(cell(b.bucket())).append(" | ").append(b.pointsBefore().map(String::valueOf).orElse("—"))
                    .append(" | ").append(b.retentionBefore()).append(" | ").append(b.pointsAfter().map(String::valueOf)
                            .orElse("?")).append(" | ").append(b.retentionAfter()).append(" | ").append(b.validationText())
                    .append(" |\n");
        }
    }

    /** An online reset's longest switch of one bucket, when the run switched any. */
    public static Optional<Long> switchWindow(List<ActionRecord> actions) {
        return actions.stream().filter(a -> a.kind().equals(SwitchBucket.KIND))
                .map(a -> a.facts().get(SwitchBucket.SWITCH_MILLIS)).filter(Objects::nonNull)
                .map(Long::parseLong).max(Long::compare);
    }

    private static void carrying(StringBuilder md, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        md.append("\n## The points carried\n\n");
        lines.forEach(line -> md.append("- ").append(cell(line)).append('\n'));
    }

    /** A length of time as "12.3 s". */
    public static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    public static String outcome(RunStatus status) {
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
