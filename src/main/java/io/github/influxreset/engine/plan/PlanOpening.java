package io.github.influxreset.engine.plan;

import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.actions.CheckPrerequisites;
import io.github.influxreset.engine.actions.ConfirmReset;
import io.github.influxreset.engine.actions.ForecastCarry;
import io.github.influxreset.engine.actions.VerifyBackup;
import io.github.influxreset.engine.actions.WriteBackup;
import io.github.influxreset.engine.run.Action;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * How every plan that changes the stack opens, before its first change: the checks, the backup set
 * written and verified (and, where points may be carried, the forecast), then the user's
 * confirmation. One place, so that no plan can put a change before the verified backup.
 */
final class PlanOpening {
    private PlanOpening() {
    }

    /**
     * @param moreChecks checks of the plan's own after the prerequisites (a move's target)
     * @param add        receives each action with its step, in order
     */
    static void add(Profile profile, List<Action> moreChecks, boolean forecast, BiConsumer<Step, Action> add) {
        add.accept(Step.PREREQUISITES, new CheckPrerequisites(Map.of()));
        moreChecks.forEach(check -> add.accept(Step.PREREQUISITES, check));
        add.accept(Step.BACKUP, new WriteBackup(Map.of("dir", profile.backups().dir().toString())));
        add.accept(Step.BACKUP, new VerifyBackup(Map.of()));
        if (forecast) {
            add.accept(Step.BACKUP, ForecastCarry.of());
        }
        add.accept(Step.CONFIRM, new ConfirmReset(Map.of("word", profile.confirmationWord())));
    }
}
