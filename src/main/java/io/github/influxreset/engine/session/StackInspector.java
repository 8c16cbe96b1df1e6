package io.github.influxreset.engine.session;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.MeasurementSchema;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.engine.checks.LiveSchema;
import io.github.influxreset.engine.checks.SchemaValidator;
import io.github.influxreset.engine.data.DataCarrier;
import io.github.influxreset.engine.data.LineSplitter;
import io.github.influxreset.engine.plan.ResetPlanner;
import io.github.influxreset.engine.run.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What can be learned of a profile's stack without changing it: the checks, the validation of the
 * live schema, the plan a run would follow, what carrying the live points would do, and the schema
 * the live data has. Reads only; plain blocking Java.
 */
public final class StackInspector {
    private final SessionScope scope;

    StackInspector(SessionScope scope) {
        this.scope = scope;
    }

    /** The prerequisite checks and the mode they propose (see {@link StackChecks}). */
    public StackChecks.Checked checks() {
        return StackChecks.run(scope.profile(), scope.ports());
    }

    /** Buckets, retention and the schema of the live data against the profile (a probe point is written and removed). */
    public List<Finding> validate() {
        return new SchemaValidator(scope.profile(), scope.ports().influx()).validate("validate-" + Plan.newId(scope.clock()));
    }

    /**
     * The plan a run of the mode would follow, and why names in it are still placeholders (the stack
     * could not be discovered) when they are.
     */
    public record Preview(Plan plan, Optional<String> discoveryProblem) {
    }

    public Preview preview(ResetMode mode) {
        ResetPlanner planner = new ResetPlanner(scope.clock());
        ResetPlanner.Result result = mode == ResetMode.MOVE ? planner.planMove(scope.profile(), scope.ports())
                : planner.plan(scope.profile(), scope.ports(), mode);
        return new Preview(result.plan(), result.discoveryProblem());
    }

    /**
     * What carrying the live points into the profile's schema would do, per bucket the server has:
     * lines for a person (a run forecasts again from its verified backup set).
     */
    public List<String> carryForecast() {
        List<String> live = scope.ports().influx().buckets().stream().map(BucketSpec::name).toList();
        List<String> lines = new ArrayList<>();
        for (BucketSpec bucket : scope.profile().buckets()) {
            if (live.contains(bucket.name())) {
                long cutoff = DataCarrier.cutoff(bucket, scope.clock().instant());
                new DataCarrier(scope.profile()).forecast(bucket.name(), line -> {
                    try (var split = new LineSplitter(line)) {
                        scope.ports().influx().export(bucket.name(), split);
                    }
                }, cutoff).lines(bucket.retention().toString()).forEach(lines::add);
            }
        }
        return lines;
    }

    /**
     * The schema of the live data (every measurement of the profile's buckets), compared with what
     * the profile declares: lines for a person and one row per measurement.
     */
    public record LearnedSchema(List<MeasurementSchema> learned, List<String> lines, List<Map<String, Object>> rows) {
    }

    /** @throws ResetException (bad input) when the profile's buckets hold no data yet */
    public LearnedSchema learnSchema() {
        List<MeasurementSchema> learned = LiveSchema.learn(scope.profile().buckets(), scope.ports().influx());
        if (learned.isEmpty()) {
            throw ResetException.badInput("The profile's buckets (" + String.join(", ", scope.profile().buckets().stream()
                    .map(BucketSpec::name).toList()) + ") hold no data yet, so there is no live schema to learn; nothing was"
                    + " written.", "Run it once the services have written points.");
        }
        List<String> lines = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LiveSchema.Comparison measurement : LiveSchema.compare(learned, scope.profile().schema())) {
            lines.addAll(measurement.lines("profile  "));
            rows.add(LiveSchema.row(measurement));
        }
        return new LearnedSchema(learned, lines, rows);
    }
}
