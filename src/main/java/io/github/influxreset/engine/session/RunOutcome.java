package io.github.influxreset.engine.session;

import io.github.influxreset.domain.CarryTally;
import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.actions.CarryData;
import io.github.influxreset.engine.actions.CarryDelta;
import io.github.influxreset.engine.actions.ForecastCarry;
import io.github.influxreset.engine.run.RunContext;
import java.util.List;
import java.util.Map;

/** How a whole run ended well, as a face reports it: its ids, what each step found, what was carried. */
public final class RunOutcome {
    private final RunContext run;

    RunOutcome(RunContext run) {
        this.run = run;
    }

    public String runId() {
        return run.runId();
    }

    /** The run's backup set; null for a run that took none (a move's catch-up). */
    public String backupId() {
        return run.backupId();
    }

    public List<Finding> findings() {
        return run.findings();
    }

    public List<Finding> findings(Step step) {
        return run.findings(step);
    }

    /** Per bucket, what carrying the old points was forecast to do before the run confirmed. */
    public Map<String, CarryTally> forecastCarried() {
        return tallies(ForecastCarry.KIND);
    }

    /** Per bucket, the points carried into the new schema. */
    public Map<String, CarryTally> carried() {
        return tallies(CarryData.KIND);
    }

    /** Per bucket, what the services wrote meanwhile and was carried after (a move's delta, a catch-up). */
    public Map<String, CarryTally> carriedDelta() {
        return tallies(CarryDelta.KIND);
    }

    private Map<String, CarryTally> tallies(String kind) {
        return run.action(kind).map(a -> CarryTally.allFromFacts(a.facts())).orElse(Map.of());
    }
}
