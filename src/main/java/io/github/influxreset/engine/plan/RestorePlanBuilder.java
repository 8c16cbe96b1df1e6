package io.github.influxreset.engine.plan;

import io.github.influxreset.domain.BackupInfo;
import io.github.influxreset.domain.OnConflict;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.ServiceSpec;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.actions.CompareCounts;
import io.github.influxreset.engine.actions.MergeBucket;
import io.github.influxreset.engine.actions.RestoreBucket;
import io.github.influxreset.engine.actions.RestoreNative;
import io.github.influxreset.engine.actions.RestoreSqlite;
import io.github.influxreset.engine.actions.SealBackup;
import io.github.influxreset.engine.actions.StartService;
import io.github.influxreset.engine.actions.StopService;
import io.github.influxreset.engine.actions.VerifySourceBackup;
import io.github.influxreset.engine.run.Action;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.PlannedAction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan of a restore. Putting every bucket of a set back replaces data, so it is a run like a
 * reset: the current state is backed up and verified first, the user confirms, the services are
 * stopped while the buckets are rewritten, and the counts are compared with the manifest. One
 * bucket into a new name replaces nothing and needs neither backup nor stop.
 */
public final class RestorePlanBuilder {
    private final Profile profile;
    private final Map<String, String> unhealthyBefore;
    private final List<PlannedAction> actions = new ArrayList<>();
    private Step step;

    public RestorePlanBuilder(Profile profile) {
        this(profile, Map.of());
    }

    /**
     * @param unhealthyBefore why each running service that is not healthy now is not (see {@code
     *                        HealthBeforeRun}): the restore's restart, and its rollback's, start it and wait until it
     *                        runs instead of failing on an old trouble
     */
    public RestorePlanBuilder(Profile profile, Map<String, String> unhealthyBefore) {
        this.profile = profile;
        this.unhealthyBefore = Map.copyOf(unhealthyBefore);
    }

    public Plan wholeSet(BackupInfo source, String planId) {
        return whole(source, planId, false);
    }

    /**
     * The whole set from InfluxDB's own backup (2.x): tokens, orgs, buckets and data replaced as
     * {@code influx restore --full} does; the current state, with its own native backup, goes first.
     */
    public Plan fromNative(BackupInfo source, String planId) {
        return whole(source, planId, true);
    }

    private Plan whole(BackupInfo source, String planId, boolean fromNative) {
        backUpConfirmAndStop(source);
        if (fromNative) {
            add(RestoreNative.of(source.id()));
        } else {
            source.buckets().forEach(b -> add(RestoreBucket.replacing(source.id(), b.name())));
        }
        step = Step.VALIDATE;
        source.buckets().forEach(b -> add(CompareCounts.of(source.id(), b.name(), b.name())));
        startEveryService();
        return new Plan(planId, profile.name(), ResetMode.RESTORE, actions);
    }

    /**
     * A set's buckets (or the one named) written into the live buckets of the same names, which
     * keep their points: the current state is backed up first, the services stop meanwhile, and the
     * run is undoable.
     */
    public Plan merge(BackupInfo source, Optional<String> onlyBucket,
                      OnConflict onConflict, String planId) {
        onlyBucket.ifPresent(b -> requireHolds(source, b));
        backUpConfirmAndStop(source);
        source.buckets().stream().map(BackupInfo.Bucket::name).filter(b -> onlyBucket.map(b::equals).orElse(true))
                .forEach(b -> add(MergeBucket.of(source.id(), b, onConflict)));
        startEveryService();
        return new Plan(planId, profile.name(), ResetMode.RESTORE, actions);
    }

    /**
     * The start of a run that writes into live buckets: the checks and the source set verified, the
     * current state backed up and verified, the user's confirmation, the services stopped (reverse
     * start order); the reset step is the current one after it.
     */
    private void backUpConfirmAndStop(BackupInfo source) {
        actions.clear();
        PlanOpening.add(profile, List.of(VerifySourceBackup.of(source.id())), false, (at, action) -> {
            step = at;
            add(action);
        });
        step = Step.RESET;
        List<ServiceSpec> reversed = new ArrayList<>(profile.services());
        Collections.reverse(reversed);
        reversed.forEach(s -> add(StopService.of(s.name(), true, s.timeout(), unhealthy(s))));
        // what the services wrote until they stopped goes into the run's set too: the undo puts buckets back from it
        add(SealBackup.of());
    }

    /**
     * The set's copies of the profile's SQLite databases put back, the services stopped meanwhile;
     * the current databases are in the run's own backup first, and the run is undoable.
     */
    public Plan sqlite(BackupInfo source, String planId) {
        if (profile.sqlite().isEmpty()) {
            throw ResetException.badInput("The profile lists no SQLite database, so there is none to restore; nothing "
                    + "was changed.", "Add sqlite: to the profile, or restore the InfluxDB data without --sqlite.");
        }
        backUpConfirmAndStop(source);
        for (int i = 0; i < profile.sqlite().size(); i++) {
            add(RestoreSqlite.of(source.id(), i, profile.sqlite().get(i)));
        }
        startEveryService();
        return new Plan(planId, profile.name(), ResetMode.RESTORE, actions);
    }

    private void startEveryService() {
        step = Step.RESTART;
        profile.services().forEach(s -> add(StartService.of(s, unhealthy(s))));
    }

    private Optional<String> unhealthy(ServiceSpec service) {
        return Optional.ofNullable(unhealthyBefore.get(service.name()));
    }

    private static void requireHolds(BackupInfo source, String bucket) {
        if (source.buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
            throw ResetException.badInput("Backup set " + source.id() + " holds no bucket " + bucket + ".",
                    "Its buckets: " + source.buckets().stream().map(BackupInfo.Bucket::name).toList() + ".");
        }
    }

    public Plan oneBucket(BackupInfo source, String bucket, String newBucket, String planId) {
        requireHolds(source, bucket);
        actions.clear();
        step = Step.PREREQUISITES;
        add(VerifySourceBackup.of(source.id()));
        step = Step.RESET;
        add(RestoreBucket.into(source.id(), bucket, newBucket));
        step = Step.VALIDATE;
        add(CompareCounts.of(source.id(), bucket, newBucket));
        return new Plan(planId, profile.name(), ResetMode.RESTORE, actions);
    }

    private void add(Action action) {
        actions.add(new PlannedAction(actions.size(), step, action));
    }
}
