package io.github.influxreset.engine.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a rollback of one run would do, checked against the world as it is now and before anything
 * changes: each undo, newest first, with its preconditions; why the run is stale, if it is; and
 * the live data the undos would delete, which is backed up first.
 *
 * @param setChecks         the run's backup set re-hashed, when an undo reads it
 * @param liveBucketsAtRisk live buckets the undos delete or replace that hold points, with their counts
 * @param liveDataUnknown   why the live data could not be counted (InfluxDB not answering), if so
 */
public record RollbackPlan(RunRecord run, Duration sinceLastActivity, List<Precondition> setChecks, List<Undo> undos,
                           List<String> staleReasons,
                           Map<String, Long> liveBucketsAtRisk, Optional<String> liveDataUnknown) {
    /** One undo and what must hold before it runs. */
    public record Undo(ActionRecord record, String describeUndo, List<Precondition> preconditions) {
    }

    /** The preconditions that can never be overridden and do not hold. */
    public List<Precondition> failed() {
        return all().stream().filter(p -> !p.ok() && !p.staleOnly()).toList();
    }

    public boolean stale() {
        return !staleReasons.isEmpty();
    }

    /** True when the undos would delete live points: a backup set of them is written and verified first. */
    public boolean needsSafetyBackup() {
        return !liveBucketsAtRisk.isEmpty();
    }

    private List<Precondition> all() {
        return Stream.concat(setChecks.stream(), undos.stream().flatMap(u -> u.preconditions().stream())).toList();
    }

    /** The undo plan as lines a person reads: the run, staleness, live data, then each undo with its checks. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Rollback of run " + run.id() + " (" + run.mode().describe() + " of " + run.profileName() + ", "
                + run.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", last step "
                + RollbackPlanner.describeAge(sinceLastActivity) + " ago): " + undos.size() + " undos, newest first.");
        staleReasons.forEach(reason -> lines.add("  STALE  " + reason));
        liveBucketsAtRisk.forEach((bucket, points) -> lines.add("  LIVE DATA  bucket " + bucket + " holds " + points
                + " points now: written to a new verified backup set before anything is replaced"));
        liveDataUnknown.ifPresent(why -> lines.add("  LIVE DATA  not counted: " + why));
        setChecks.forEach(p -> lines.add("      " + p.line()));
        int number = 1;
        for (Undo undo : undos) {
            lines.add(String.format("  %2d. %s", number++, undo.describeUndo()));
            undo.preconditions().forEach(p -> lines.add("        " + p.line()));
        }
        return lines;
    }
}
