package io.github.influxreset.engine;

import java.time.Instant;
import java.util.Map;

/** An action as the journal keeps it: enough to rebuild and undo it in another process. */
public record ActionRecord(String runId, int index, Step step, String kind, String description,
                           boolean destructive, Map<String, String> params, ActionStatus status,
                           Instant started, Instant ended, String error) {
}
