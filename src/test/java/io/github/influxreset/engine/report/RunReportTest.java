package io.github.influxreset.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.actions.DeleteBucket;
import io.github.influxreset.engine.actions.StartService;
import io.github.influxreset.engine.actions.StopService;
import io.github.influxreset.engine.actions.WriteBackup;
import io.github.influxreset.engine.run.ActionRecord;
import io.github.influxreset.engine.run.ActionStatus;
import io.github.influxreset.engine.run.RunRecord;
import io.github.influxreset.engine.run.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A run's timeline and report from journal rows: each action on the time axis from the run's start,
 * the downtime from the first service stopping until the last one is healthy again, the buckets
 * before and after, and the same as self-contained HTML.
 */
class RunReportTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final RunRecord RUN = new RunRecord("r1", "HomeIQ", ResetMode.BUCKETS, RunStatus.SUCCEEDED, T0,
            T0.plusMillis(9_000), "20261202_100000", true, "Finished.");
    private static final List<ActionRecord> ACTIONS = List.of(
            action(0, Step.BACKUP, WriteBackup.KIND, "Write a backup set", false, 0, 2_000),
            action(1, Step.RESET, StopService.KIND, "Stop service data-api", false, 2_500, 3_000),
            action(2, Step.RESET, DeleteBucket.KIND, "Delete bucket <events> & co", true, 3_000, 4_000),
            action(3, Step.RESTART, StartService.KIND, "Start service data-api", false, 6_000, 8_500));
    private static final List<BucketChange> BUCKETS = List.of(new BucketChange("home_assistant_events", Optional.of(3200L),
            "30d", Optional.of(3000L), "365d", 0, 1));

    private static ActionRecord action(int index, Step step, String kind, String text, boolean destructive, long from, long to) {
        return new ActionRecord("r1", index, step, kind, text, destructive, Map.of(), ActionStatus.DONE, T0.plusMillis(from),
                T0.plusMillis(to), null, null, Map.of());
    }

    private static RunSummary summary() {
        return new RunSummary(RUN, ACTIONS, List.of(Finding.warning("Measurement home_assistant_events", "extra tag stray")),
                RunTimeline.of(RUN, ACTIONS), BUCKETS);
    }

    @Test
    void theTimelinePutsEachActionOnTheAxisAndTheDowntimeFromTheFirstStopToTheLastStart() {
        RunTimeline timeline = RunTimeline.of(RUN, ACTIONS);

        assertEquals(9_000, timeline.totalMillis());
        assertEquals(List.of(0L, 2_500L, 3_000L, 6_000L), timeline.bars().stream().map(RunTimeline.Bar::startMillis).toList());
        assertEquals(List.of(2_000L, 500L, 1_000L, 2_500L), timeline.bars().stream().map(RunTimeline.Bar::millis).toList());
        assertEquals(Optional.of(new RunTimeline.Window(2_500, 8_500)), timeline.downtime());
    }

    @Test
    void aRunThatStoppedNothingHasNoDowntimeAndOneStillStoppedIsDownUntilItsEnd() {
        assertEquals(Optional.empty(), RunTimeline.of(RUN, List.of(ACTIONS.get(0))).downtime());
        assertEquals(Optional.of(new RunTimeline.Window(2_500, 9_000)), RunTimeline.of(RUN, ACTIONS.subList(0, 3)).downtime(),
                "rolled back or failed before the restart: down until the run ended");
    }

    @Test
    void theMarkdownSaysTheDowntimeAndShowsTheBucketsBeforeAndAfter() {
        String md = RunReport.markdown(summary());

        assertTrue(md.contains("Downtime: **6.0 s** (the first service stopping at +2.5 s, the last healthy again at +8.5 s)"), md);
        assertTrue(md.contains("| home_assistant_events | 3200 | 30d | 3000 | 365d | 1 warning |"), md);
        assertTrue(md.indexOf("## Timeline") < md.indexOf("## Actions"), "the picture before the detail");
    }

    @Test
    void theHtmlIsOneSelfContainedFileWithTheTimelineAsSvgAndEveryTextEscaped() {
        String html = RunReportHtml.html(summary());

        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<style>") && html.contains("<svg"), html);
        assertFalse(html.contains("<link") || html.contains("<script") || html.contains("src=\"http"), "nothing fetched");
        assertEquals(4, html.split("<rect class=\"bar").length - 1, "a bar per action");
        assertTrue(html.contains("<rect class=\"bar done destructive\" fill=\"#c8442f\""), "the destructive action marked");
        assertTrue(html.contains("<rect class=\"downtime\""), html);
        assertTrue(html.contains("Delete bucket &lt;events&gt; &amp; co") && !html.contains("<events>"), "escaped");
        assertTrue(html.contains("<td>home_assistant_events</td><td class=\"n\">3200</td><td>30d</td><td class=\"n\">3000</td>"
                + "<td>365d</td>"), html);
    }
}
