package io.github.influxreset.engine.plan;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.actions.CarryData;
import io.github.influxreset.engine.actions.CarryDelta;
import io.github.influxreset.engine.actions.CheckMoveTarget;
import io.github.influxreset.engine.actions.CheckPrerequisites;
import io.github.influxreset.engine.actions.CreateTargetBucket;
import io.github.influxreset.engine.actions.NameMoveSettings;
import io.github.influxreset.engine.actions.NoteUnknownBucket;
import io.github.influxreset.engine.actions.ValidateSchema;
import io.github.influxreset.engine.run.Action;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.PlannedAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The plans of a move off 1.x and of its catch-up: nothing in them stops a service. Pure. */
final class MovePlanBuilder {
    private final Profile profile;
    private final List<String> liveBuckets;
    private final List<PlannedAction> actions = new ArrayList<>();
    private Step step;

    /** @param liveBuckets the databases on the 1.x server now: each the profile does not list is named as not moved */
    MovePlanBuilder(Profile profile, List<String> liveBuckets) {
        this.profile = profile;
        this.liveBuckets = List.copyOf(liveBuckets);
    }

    /**
     * A move of a 1.x stack to the 2.x server of {@code moveTo}, which stops nothing: the backup as
     * for a reset, then each bucket of the profile is made on the 2.x server and the set's points
     * carried into it in the profile's schema while the services keep writing to 1.x, then what they
     * wrote since the backup is carried from the live 1.x server, the buckets validated there and
     * the settings each service must change named ({@code move --catch-up} carries what 1.x takes
     * until they are changed). Nothing on the 1.x server is deleted; a database of it that the
     * profile does not list is named as not moved.
     *
     * @param onTarget the buckets the 2.x server has now: an empty one of the profile's is filled
     */
    public Plan move(String planId, List<BucketSpec> onTarget) {
        PlanOpening.add(profile, List.of(CheckMoveTarget.of()), true, this::add);
        step = Step.RESET;
        liveBuckets.stream().filter(b -> profile.bucket(b).isEmpty()).sorted()
                .forEach(b -> add(NoteUnknownBucket.of(b, ResetMode.MOVE)));
        for (BucketSpec bucket : profile.buckets()) {
            add(CreateTargetBucket.of(bucket, onTarget.stream()
                    .filter(b -> b.name().equals(bucket.name())).map(BucketSpec::retention).findFirst()));
        }
        step = Step.VALIDATE;
        add(new ValidateSchema(Map.of()));
        add(CarryData.of());
        add(CarryDelta.fromTheSource());
        add(ValidateSchema.onCarriedData());
        step = Step.RESTART;
        add(NameMoveSettings.of());
        return new Plan(planId, profile.name(), ResetMode.MOVE, actions);
    }

    /**
     * After a move, once the services write to 2.x: what they wrote to 1.x since the move last read
     * it ({@code since}) is carried into the 2.x buckets. It only adds points (the same point again
     * overwrites itself), so it needs no backup and no confirmation.
     */
    public Plan catchUp(String planId, Instant since) {
        add(Step.PREREQUISITES, new CheckPrerequisites(Map.of()));
        add(Step.VALIDATE, CarryDelta.fromTheSourceSince(since));
        return new Plan(planId, profile.name(), ResetMode.MOVE, actions);
    }

    private void add(Step at, Action action) {
        step = at;
        add(action);
    }

    private void add(Action action) {
        actions.add(new PlannedAction(actions.size(), step, action));
    }
}
