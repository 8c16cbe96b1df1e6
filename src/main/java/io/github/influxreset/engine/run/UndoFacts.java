package io.github.influxreset.engine.run;

import java.util.List;
import java.util.Optional;

/**
 * What an action's undo may look at before it changes anything: its own journal row (status,
 * times and the facts recorded when it ran) and the rows of the other actions of the same run.
 */
public record UndoFacts(ActionRecord record, List<ActionRecord> run) {
    /** The fact naming the Docker engine an action changed the stack on: a rollback or resume must act on the same. */
    public static final String ENGINE = "engine";

    /** A fact this action recorded when it ran (empty when it was interrupted before it ended). */
    public Optional<String> fact(String key) {
        return Optional.ofNullable(record.facts().get(key));
    }

    /** The first action of the run of the given kind that recorded the fact, with the fact. */
    public Optional<ActionRecord> firstWithFact(String kind, String key) {
        return run.stream().filter(a -> a.kind().equals(kind) && a.facts().containsKey(key)).findFirst();
    }
}
