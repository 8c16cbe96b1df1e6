package io.github.influxreset.engine.plan;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.actions.CarryData;
import io.github.influxreset.engine.actions.CarryDelta;
import io.github.influxreset.engine.actions.CheckDataFlow;
import io.github.influxreset.engine.actions.NoteUnknownBucket;
import io.github.influxreset.engine.actions.PrepareNextBucket;
import io.github.influxreset.engine.actions.RepointMappings;
import io.github.influxreset.engine.actions.SwitchBucket;
import io.github.influxreset.engine.actions.ValidateSchema;
import io.github.influxreset.engine.run.Action;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.PlannedAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plan of an online reset on 2.x, where no service stops: the backup as for any reset; then
 * each bucket of the profile is made anew beside the live one, the backup's points carried into
 * it (if chosen), the services switched to it by two renames, and what they wrote to the old bucket
 * since the backup carried after; validation and the data-flow check run on the new buckets while
 * the services write to them. Nothing is deleted: the old buckets stay under the run's name.
 */
final class OnlinePlanBuilder {
    private final Profile profile;
    private final List<String> liveBuckets;
    private final List<PlannedAction> actions = new ArrayList<>();
    private Step step;

    OnlinePlanBuilder(Profile profile, List<String> liveBuckets) {
        this.profile = profile;
        this.liveBuckets = List.copyOf(liveBuckets);
    }

    Plan build(String planId) {
        PlanOpening.add(profile, List.of(), true, (at, action) -> {
            step = at;
            add(action);
        });
        step = Step.RESET;
        liveBuckets.stream().filter(b -> profile.bucket(b).isEmpty()).sorted()
                .forEach(b -> add(NoteUnknownBucket.of(b, ResetMode.BUCKETS)));
        profile.buckets().forEach(b -> add(PrepareNextBucket.of(b, planId)));
        add(CarryData.intoNext(planId));
        for (BucketSpec bucket : profile.buckets()) {
            add(SwitchBucket.of(bucket.name(), planId, liveBuckets.contains(bucket.name())));
            if (liveBuckets.contains(bucket.name())) {
                add(RepointMappings.of(bucket.name(), planId));
            }
        }
        add(CarryDelta.of(planId));
        step = Step.VALIDATE;
        add(new ValidateSchema(Map.of()));
        add(ValidateSchema.onCarriedData());
        step = Step.RESTART;
        add(CheckDataFlow.of(CheckDataFlow.DEFAULT_BUDGET));
        return new Plan(planId, profile.name(), ResetMode.ONLINE, actions);
    }

    private void add(Action action) {
        actions.add(new PlannedAction(actions.size(), step, action));
    }
}
