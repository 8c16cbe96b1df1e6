package io.github.influxreset.engine.actions;

import io.github.influxreset.engine.run.Precondition;
import io.github.influxreset.engine.run.RunContext;
import java.util.Optional;

/** The preconditions undos share about the run's backup set and the InfluxDB container. */
final class SetChecks {
    private SetChecks() {
    }

    /** The run's backup set is still there (complete: its manifest written), to bring back {@code what}. */
    static Precondition present(RunContext ctx, String what) {
        Optional<String> id = backupId(ctx);
        String check = "backup set " + id.orElse("(none)") + " holds " + what;
        if (id.isEmpty()) {
            return Precondition.fails(check, "the run recorded no backup set");
        }
        if (!ctx.ports().backups().list().contains(id.get())) {
            return Precondition.fails(check, "backup set " + id.get() + " no longer exists (deleted, moved or never completed)");
        }
        return Precondition.holds(check);
    }

    static Optional<String> backupId(RunContext ctx) {
        try {
            return Optional.of(ctx.backupId());
        } catch (RuntimeException none) {
            return Optional.empty();
        }
    }

    /**
     * The container named {@code name} is absent or still the one this run recorded; a container
     * of that name made since the run means the stack was rebuilt.
     */
    static Precondition sameContainer(RunContext ctx, String name, Optional<String> recordedId, String why) {
        String check = "container " + name + " is the one this run left";
        Optional<String> now = ctx.ports().docker().containerIdByName(name);
        if (now.isEmpty() || recordedId.isEmpty() || now.get().equals(recordedId.get())) {
            return Precondition.holds(check);
        }
        return Precondition.changed(check, "it was replaced since the run (was " + shortId(recordedId.get()) + ", is "
                + shortId(now.get()) + ")" + why);
    }

    static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
