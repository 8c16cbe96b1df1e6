package io.github.influxreset.engine.report;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.engine.run.ActionRecord;
import io.github.influxreset.engine.run.RunRecord;
import java.util.List;
import java.util.Locale;

/**
 * The run's report as one self-contained HTML file (inline style and SVG, nothing fetched): the
 * outcome, the timeline of the actions on a time axis with the downtime window marked, the buckets
 * before and after, the actions and the findings. Pure; text comes from the journal, masked there.
 */
public final class RunReportHtml {
    private static final int WIDTH = 760;
    private static final int ROW = 18;
    private static final int LABEL = 300;

    private RunReportHtml() {
    }

    public static String html(RunSummary summary) {
        RunRecord run = summary.run();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Run ").append(esc(run.id()))
                .append("</title>\n<style>").append(STYLE).append("</style></head><body>\n");
        html.append("<h1>InfluxDB Reset Wizard: run ").append(esc(run.id())).append("</h1>\n");
        html.append("<p class=\"outcome ").append(run.status().name().toLowerCase(Locale.ROOT)).append("\">")
                .append(esc(run.mode().describe())).append(" of ").append(esc(run.profileName())).append(": <b>")
                .append(esc(RunReport.outcome(run.status()))).append("</b>. Backup set ")
                .append(esc(run.backupId() == null ? "none" : run.backupId())).append(".</p>\n");
        timeline(html, summary.timeline());
        buckets(html, summary);
        RunReport.switchWindow(summary.actions()).ifPresent(ms -> html.append("<p>The services were switched to the new "
                + "buckets by name: the longest switch, while a name had no bucket, took <b>").append(ms).append(" ms</b>.</p>\n"));
        carrying(html, CarryingLines.of(summary.actions()));
        actions(html, summary);
        findings(html, summary);
        return html.append("</body></html>\n").toString();
    }

    private static void timeline(StringBuilder html, RunTimeline timeline) {
        html.append("<h2>Timeline</h2>\n");
        timeline.downtime().ifPresentOrElse(w -> html.append("<p>Downtime (services stopped until healthy again): <b>")
                .append(RunReport.seconds(w.millis())).append("</b></p>\n"), () -> html.append("<p>No service was stopped.</p>\n"));
        int height = timeline.bars().size() * ROW + 24;
        double scale = (WIDTH - LABEL - 10) / (double) Math.max(1, timeline.totalMillis());
        html.append("<svg class=\"timeline\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"The run's actions on a time axis\">\n");
        timeline.downtime().ifPresent(w -> html.append(String.format(Locale.ROOT,
                "<rect class=\"downtime\" fill=\"#fde7c8\" x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"%d\"><title>Downtime %s</title>"
                        + "</rect>\n",
                LABEL + w.startMillis() * scale, Math.max(1, w.millis() * scale), height - 20, RunReport.seconds(w.millis()))));
        int y = 0;
        for (RunTimeline.Bar bar : timeline.bars()) {
            html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", LABEL - 6, y + 13,
                    esc(shorten(bar.label()))));
            html.append(String.format(Locale.ROOT, "<rect class=\"bar %s%s\" fill=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
                            + "height=\"%d\"><title>%s: %s, %s</title></rect>\n", bar.status().name().toLowerCase(Locale.ROOT),
                    bar.destructive() ? " destructive" : "", fill(bar), LABEL + bar.startMillis() * scale, y + 3,
                    Math.max(2, bar.millis() * scale), ROW - 6, esc(bar.label()), bar.status(), RunReport.seconds(bar.millis())));
            y += ROW;
        }
        html.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%d\">0 s</text><text class=\"axis end\" "
                + "text-anchor=\"end\" x=\"%d\" y=\"%d\">%s</text>\n</svg>\n", LABEL, height - 6, WIDTH - 10, height - 6,
                RunReport.seconds(timeline.totalMillis())));
    }

    private static void buckets(StringBuilder html, RunSummary summary) {
        if (summary.buckets().isEmpty()) {
            return;
        }
        html.append("<h2>Before and after</h2>\n<table><tr><th>Bucket</th><th>Points before</th><th>Retention before</th>"
                + "<th>Points after</th><th>Retention after</th><th>Validation</th></tr>\n");
        for (BucketChange b : summary.buckets()) {
            html.append("<tr><td>").append(esc(b.bucket())).append("</td><td class=\"n\">")
                    .append(b.pointsBefore().map(String::valueOf).orElse("—")).append("</td><td>").append(esc(b.retentionBefore()))
                    .append("</td><td class=\"n\">").append(b.pointsAfter().map(String::valueOf).orElse("?")).append("</td><td>")
                    .append(esc(b.retentionAfter())).append("</td><td class=\"").append(b.errors() > 0 ? "error" : b.warnings() > 0
                            ? "warning" : "ok").append("\">").append(esc(b.validationText())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void carrying(StringBuilder html, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        html.append("<h2>The points carried</h2>\n<ul>\n");
        lines.forEach(line -> html.append("<li>").append(esc(line)).append("</li>\n"));
        html.append("</ul>\n");
    }

    private static void actions(StringBuilder html, RunSummary summary) {
        html.append("<h2>Actions</h2>\n<table><tr><th>#</th><th>Step</th><th>Action</th><th>Status</th></tr>\n");
        for (ActionRecord a : summary.actions()) {
            html.append("<tr").append(a.destructive() ? " class=\"destructive\"" : "").append("><td class=\"n\">")
                    .append(a.index() + 1).append("</td><td>").append(esc(a.step().title())).append("</td><td>")
                    .append(esc(a.description())).append(a.destructive() ? " ⚠ deletes data" : "").append("</td><td>")
                    .append(a.status()).append(a.error() == null ? "" : ": " + esc(a.error())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void findings(StringBuilder html, RunSummary summary) {
        if (summary.findings().isEmpty()) {
            return;
        }
        html.append("<h2>Checks and validation</h2>\n<table><tr><th>Status</th><th>What</th><th>Result</th></tr>\n");
        for (Finding f : summary.findings()) {
            html.append("<tr><td class=\"").append(f.severity().name().toLowerCase(Locale.ROOT)).append("\">").append(f.severity())
                    .append("</td><td>").append(esc(f.subject())).append("</td><td>").append(esc(f.message())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /** The bar's colour as an attribute too, so that viewers which ignore the style sheet draw it alike. */
    private static String fill(RunTimeline.Bar bar) {
        return switch (bar.status()) {
            case FAILED, UNDO_FAILED -> "#b3261e";
            case UNDONE -> "#9aa3b0";
            default -> bar.destructive() ? "#c8442f" : "#3b6fd4";
        };
    }

    private static String shorten(String label) {
        return label.length() <= 46 ? label : label.substring(0, 45) + "…";
    }

    static String esc(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String STYLE = "body{font:14px system-ui,sans-serif;margin:24px;color:#1d2533;max-width:1000px}"
            + "table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #d5dae1;padding:4px 8px;"
            + "text-align:left;vertical-align:top}th{background:#eef1f5}.n{text-align:right}.error{color:#b3261e;font-weight:600}"
            + ".warning{color:#8a5a00}.ok{color:#1e7b34}tr.destructive td{background:#fff3f0}"
            + ".outcome.succeeded b{color:#1e7b34}.outcome.rolled_back b,.outcome.rollback_failed b{color:#b3261e}"
            + "svg text{font-size:11px;text-anchor:end;fill:#1d2533}svg text.axis{fill:#5b6575}svg text.axis{text-anchor:start}"
            + "svg text.axis.end{text-anchor:end}rect.downtime{fill:#fde7c8}rect.bar{fill:#3b6fd4}rect.bar.destructive{fill:#c8442f}"
            + "rect.bar.failed,rect.bar.undo_failed{fill:#b3261e}rect.bar.undone{fill:#9aa3b0}";

}
