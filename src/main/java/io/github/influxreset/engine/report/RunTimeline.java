package io.github.influxreset.engine.report;

import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.actions.StartService;
import io.github.influxreset.engine.actions.StopService;
import io.github.influxreset.engine.run.ActionRecord;
import io.github.influxreset.engine.run.ActionStatus;
import io.github.influxreset.engine.run.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A run on a time axis: each action that ran as a bar (start and length in milliseconds from the
 * run's start), and the downtime window, from the moment the first service was being stopped until
 * the last one was started and healthy again (or the run ended). Read from the journal; pure.
 */
public record RunTimeline(long totalMillis, List<Bar> bars, Optional<Window> downtime) {
    /** One action that ran. */
    public record Bar(int index, Step step, String label, long startMillis, long millis, ActionStatus status,
                      boolean destructive) {
    }

    /** A span of the axis, in milliseconds from the run's start. */
    public record Window(long startMillis, long endMillis) {
        public long millis() {
            return endMillis - startMillis;
        }
    }

    public RunTimeline {
        bars = List.copyOf(bars);
    }

    public static RunTimeline of(RunRecord run, List<ActionRecord> actions) {
        Instant start = run.started();
        Instant end = actions.stream().map(a -> a.ended() != null ? a.ended() : a.started()).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(start);
        if (run.ended() != null && run.ended().isAfter(end)) {
            end = run.ended();
        }
        List<Bar> bars = actions.stream().filter(a -> a.started() != null).map(a -> new Bar(a.index(), a.step(),
                a.description(), millis(start, a.started()), millis(a.started(), a.ended() == null ? a.started() : a.ended()),
                a.status(), a.destructive())).toList();
        return new RunTimeline(millis(start, end), bars, downtime(actions, start, end));
    }

    private static Optional<Window> downtime(List<ActionRecord> actions, Instant start, Instant end) {
        Optional<Instant> stopped = actions.stream().filter(a -> a.kind().equals(StopService.KIND) && a.started() != null)
                .map(ActionRecord::started).min(Instant::compareTo);
        if (stopped.isEmpty()) {
            return Optional.empty();
        }
        Instant healthy = actions.stream().filter(a -> a.kind().equals(StartService.KIND) && a.ended() != null
                && a.status() == ActionStatus.DONE).map(ActionRecord::ended).max(Instant::compareTo).orElse(end);
        return Optional.of(new Window(millis(start, stopped.get()), millis(start, healthy)));
    }

    private static long millis(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis());
    }
}
