package io.github.influxreset.engine.session;

import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.engine.actions.CarryDelta;
import io.github.influxreset.engine.plan.ResetPlanner;
import io.github.influxreset.engine.run.Journal;
import io.github.influxreset.engine.run.RunStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/** Where a move's catch-up starts: what the journal says of the profile's finished moves. */
final class CatchUp {
    private CatchUp() {
    }

    /**
     * When the profile's last finished move (or catch-up) began reading the 1.x databases.
     *
     * @throws ResetException (bad input) when the profile is no 1.x stack moving to 2.x, or none of its moves finished
     */
    static Instant since(Journal journal, Profile profile) {
        ResetPlanner.requireMovable(profile);
        return journal.runs().stream()
                .filter(r -> r.profileName().equals(profile.name()) && r.mode() == ResetMode.MOVE
                        && r.status() == RunStatus.SUCCEEDED)
                .flatMap(r -> journal.actions(r.id()).stream())
                .filter(a -> a.kind().equals(CarryDelta.KIND))
                .map(a -> a.facts().get(CarryDelta.READ_FROM)).filter(Objects::nonNull).map(Instant::parse)
                .max(Comparator.naturalOrder())
                .orElseThrow(() -> ResetException.badInput("No move of profile " + profile.name() + " has finished, so "
                        + "there is nothing to catch up.", "Run 'influx-reset move' first."));
    }
}
