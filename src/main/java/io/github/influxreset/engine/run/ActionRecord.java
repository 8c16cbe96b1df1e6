package io.github.influxreset.engine.run;

import io.github.influxreset.domain.Step;
import java.time.Instant;
import java.util.Map;

/**
 * An action as the journal keeps it: enough to rebuild and undo it in another process.
 * {@code facts} is what the action recorded about the world once it had run (the id of the
 * container it created, the creation time of its volume): how a later undo recognises its work.
 * {@code ended} is when its execution ended, {@code undone} when a rollback undid it (null: not undone).
 */
public record ActionRecord(String runId, int index, Step step, String kind, String description,
                           boolean destructive, Map<String, String> params, ActionStatus status,
                           Instant started, Instant ended, Instant undone, String error, Map<String, String> facts) {
    public ActionRecord {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }
}
