package io.github.influxreset.engine.actions;

import io.github.influxreset.engine.data.DataFlow;
import io.github.influxreset.engine.run.ActionRecord;
import io.github.influxreset.engine.run.RunContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The brief's data-flow check, last of the restart: the buckets the services wrote to between the
 * backup and the stop (as {@link SealBackup} saw them; in an online reset, between the backup and
 * the switch, as {@link CarryDelta} carried them) must receive points stamped after the stop (or
 * the switch) again. Reports per
 * bucket; waits at most its budget; changes nothing, so it has nothing to undo.
 */
public final class CheckDataFlow extends ReadOnlyAction {
    public static final String KIND = "check-data-flow";
    /** Long enough for a writer that batches by the half minute (HomeIQ's health checks run every 30 s). */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);

    public CheckDataFlow(Map<String, String> params) {
        super(KIND, params, "Nothing to undo (the check only reads)");
    }

    public static CheckDataFlow of(Duration budget) {
        return new CheckDataFlow(Map.of("budgetSeconds", Long.toString(budget.toSeconds())));
    }

    @Override
    public String describe() {
        return "Check that points flow again into the buckets the services wrote to";
    }

    @Override
    public void execute(RunContext ctx) {
        Optional<ActionRecord> seal = ctx.action(SealBackup.KIND).or(() -> ctx.action(CarryDelta.KIND));
        List<String> buckets = seal.map(s -> s.facts().getOrDefault(SealBackup.WRITTEN_TO, "")).stream()
                .flatMap(list -> Arrays.stream(list.split(","))).map(String::strip).filter(b -> !b.isEmpty()).toList();
        if (seal.isEmpty() || seal.get().started() == null || buckets.isEmpty()) {
            ctx.info("No service wrote to InfluxDB between the backup and the stop, so there is no flow of points to wait for.");
            return;
        }
        // new points are those after the stop (a seal may run after the restart, reading the buckets set aside)
        Instant since = ctx.action(StopService.KIND).map(ActionRecord::started).filter(Objects::nonNull)
                .orElse(seal.get().started());
        Duration budget = Duration.ofSeconds(Long.parseLong(param("budgetSeconds")));
        ctx.info("Waiting up to " + budget.toSeconds() + " s for new points in " + String.join(", ", buckets)
                + ", which the services wrote to before the reset");
        String moment = seal.get().kind().equals(CarryDelta.KIND) ? "switch" : "restart";
        ctx.report(new DataFlow(ctx.ports().influx(), moment).await(buckets, since, budget));
    }
}
