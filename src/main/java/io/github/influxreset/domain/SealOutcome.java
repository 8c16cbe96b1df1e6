package io.github.influxreset.domain;

import java.util.List;

/**
 * What sealing a backup set found once the services had stopped.
 *
 * @param changes one sentence per bucket or database that took values after the set was written
 *                (what the seal added for it); empty when the set already held everything
 * @param grown   the buckets that hold more values now than the set did
 * @param values  the values the seal exported (its whole cost grows with these, not with the set)
 */
public record SealOutcome(List<String> changes, List<String> grown, long values) {
    public SealOutcome {
        changes = List.copyOf(changes);
        grown = List.copyOf(grown);
    }

    public static final SealOutcome NOTHING_CHANGED = new SealOutcome(List.of(), List.of(), 0);

    public boolean changed() {
        return !changes.isEmpty();
    }
}
