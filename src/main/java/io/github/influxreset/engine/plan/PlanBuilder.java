package io.github.influxreset.engine.plan;

import io.github.influxreset.domain.BackupInfo;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.ContainerInfo;
import io.github.influxreset.domain.MountInfo;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.ServiceSpec;
import io.github.influxreset.domain.StackSnapshot;
import io.github.influxreset.domain.StartOrder;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.actions.CarryData;
import io.github.influxreset.engine.actions.CheckDataFlow;
import io.github.influxreset.engine.actions.CleanUpKeptData;
import io.github.influxreset.engine.actions.CompareCounts;
import io.github.influxreset.engine.actions.CreateBucket;
import io.github.influxreset.engine.actions.CreateContainer;
import io.github.influxreset.engine.actions.CreateVolume;
import io.github.influxreset.engine.actions.DeleteBucket;
import io.github.influxreset.engine.actions.DropAsideBuckets;
import io.github.influxreset.engine.actions.DropSetAsideData;
import io.github.influxreset.engine.actions.KeepVolumeCopy;
import io.github.influxreset.engine.actions.NoteMappings;
import io.github.influxreset.engine.actions.NoteUnknownBucket;
import io.github.influxreset.engine.actions.RemakeMappings;
import io.github.influxreset.engine.actions.RemoveOldContainer;
import io.github.influxreset.engine.actions.RemoveVolume;
import io.github.influxreset.engine.actions.ReplaySeal;
import io.github.influxreset.engine.actions.RepointMappings;
import io.github.influxreset.engine.actions.RestoreVolumeSnapshot;
import io.github.influxreset.engine.actions.SealBackup;
import io.github.influxreset.engine.actions.SetAsideData;
import io.github.influxreset.engine.actions.SetupInflux;
import io.github.influxreset.engine.actions.StartInflux;
import io.github.influxreset.engine.actions.StartService;
import io.github.influxreset.engine.actions.StopService;
import io.github.influxreset.engine.actions.UpdateRetention;
import io.github.influxreset.engine.actions.ValidateSchema;
import io.github.influxreset.engine.actions.VerifySourceBackup;
import io.github.influxreset.engine.run.Action;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.PlannedAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns a profile, what discovery found and a mode into the ordered actions of a reset. Pure: it
 * touches nothing. Backup is always written and verified before the first destructive action.
 */
public final class PlanBuilder {
    private final Profile profile;
    private final StackSnapshot stack;
    private List<String> liveBuckets = List.of();
    private Map<String, BucketSpec> liveSpecs = Map.of();
    private final List<PlannedAction> actions = new ArrayList<>();
    private Step step;

    public PlanBuilder(Profile profile, StackSnapshot stack) {
        this.profile = profile;
        this.stack = stack;
    }

    /** The buckets on the server now; each one the profile does not list gets a note in the plan. */
    public PlanBuilder withLiveBuckets(List<String> buckets) {
        this.liveBuckets = List.copyOf(buckets);
        return this;
    }

    /** The buckets on the server now, with their retention: what a repair compares with the profile. */
    public PlanBuilder withLiveBucketSpecs(List<BucketSpec> buckets) {
        this.liveSpecs = new LinkedHashMap<>();
        buckets.forEach(b -> liveSpecs.put(b.name(), b));
        return withLiveBuckets(buckets.stream().map(BucketSpec::name).toList());
    }

    /**
     * @param planId the plan's (and run's) id, also part of the names of the volume copies kept
     *               for rollback
     */
    public Plan build(ResetMode mode, String planId) {
        if (mode == ResetMode.ONLINE) {
            return new OnlinePlanBuilder(profile, liveBuckets).build(planId);
        }
        actions.clear();
        PlanOpening.add(profile, List.of(), mode != ResetMode.REPAIR, this::add);
        step = Step.RESET;
        if (mode == ResetMode.REPAIR) {
            addRepair();
            step = Step.VALIDATE;
            add(ValidateSchema.inPlace());
            return new Plan(planId, profile.name(), mode, actions);
        }
        liveBuckets.stream().filter(b -> profile.bucket(b).isEmpty()).sorted()
                .forEach(b -> add(NoteUnknownBucket.of(b, mode)));
        if (mode == ResetMode.FULL) {
            addFullReset(planId);
        } else {
            addBucketReset(planId);
        }
        step = Step.VALIDATE;
        add(new ValidateSchema(Map.of()));
        step = Step.RESTART;
        for (ServiceSpec service : servicesInStartOrder()) {
            add(StartService.of(service, stack.healthProblem(service.name())));
        }
        if (mode == ResetMode.BUCKETS && !profile.influx().isV1()) {
            add(SealBackup.fromAside(bucketNames(), planId));
        }
        add(CheckDataFlow.of(CheckDataFlow.DEFAULT_BUDGET));
        // the history is carried once the services write again: its time grows with the data, the downtime must not
        add(CarryData.of());
        add(ValidateSchema.onCarriedData());
        if (mode == ResetMode.FULL) {
            ContainerInfo influx = influxContainer();
            add(DropSetAsideData.of(influx.volumeNames(), influx.image(), planId));
        } else if (!profile.influx().isV1()) {
            add(DropAsideBuckets.of(bucketNames(), planId));
        }
        return new Plan(planId, profile.name(), mode, actions);
    }

    /**
     * A restore from volume snapshots: the full reset's chain of container and volume actions, with
     * the set's snapshot written into each fresh volume instead of a new setup, then the counts
     * compared with the manifest.
     */
    public Plan fromVolumes(BackupInfo source, String planId) {
        actions.clear();
        PlanOpening.add(profile, List.of(VerifySourceBackup.of(source.id())), false, this::add);
        step = Step.RESET;
        ContainerInfo influx = influxContainer();
        List<String> copies = recreateInflux(influx, planId, volume -> add(
                RestoreVolumeSnapshot.of(source.id(), volume, influx.image())));
        if (source.sealed().isPresent()) {
            add(ReplaySeal.of(source.id()));
        }
        step = Step.VALIDATE;
        source.buckets().forEach(b -> add(CompareCounts.of(source.id(), b.name(), b.name())));
        step = Step.RESTART;
        servicesInStartOrder().forEach(s -> add(StartService.of(s, stack.healthProblem(s.name()))));
        add(CleanUpKeptData.of(copies));
        return new Plan(planId, profile.name(), ResetMode.RESTORE, actions);
    }

    /** A move of a 1.x stack to the 2.x server of {@code moveTo}: see {@link MovePlanBuilder#move}. */
    public Plan move(String planId, List<BucketSpec> onTarget) {
        return new MovePlanBuilder(profile, liveBuckets).move(planId, onTarget);
    }

    /** A move's catch-up: see {@link MovePlanBuilder#catchUp}. */
    public Plan catchUp(String planId, Instant since) {
        return new MovePlanBuilder(profile, liveBuckets).catchUp(planId, since);
    }

    /**
     * With the services stopped and the backup sealed: InfluxDB stopped, its volumes' data moved
     * aside inside them (a rename, whatever the size), the same container started on them empty and
     * set up. The old data stays inside the volumes until the run ends well.
     */
    private void addFullReset(String run) {
        ContainerInfo influx = influxContainer();
        stopServices();
        add(SealBackup.of());
        boolean mappings = !profile.influx().isV1();
        if (mappings) {
            add(NoteMappings.of(bucketNames()));
        }
        add(StopService.of(profile.influx().service(), true, ServiceSpec.DEFAULT_TIMEOUT));
        add(SetAsideData.of(influx.volumeNames(), influx.image(), run));
        add(StartInflux.of(influx.name()));
        add(SetupInflux.of(profile.influx().org(), profile.buckets().get(0).name()));
        profile.buckets().forEach(b -> add(CreateBucket.inFreshVolume(b)));
        if (mappings) {
            add(RemakeMappings.of());
        }
    }

    /**
     * Stops everything, keeps a copy of each InfluxDB volume, removes the container and its
     * volumes, creates them fresh ({@code fill} may add actions that write into each new volume)
     * and starts InfluxDB again.
     */
    private List<String> recreateInflux(ContainerInfo influx, String keepSuffix, Consumer<String> fill) {
        stopServices();
        add(SealBackup.of());
        add(StopService.of(profile.influx().service(), true, ServiceSpec.DEFAULT_TIMEOUT));
        List<String> copies = new ArrayList<>();
        for (String volume : influx.volumeNames()) {
            String copy = volume + "-keep-" + keepSuffix;
            copies.add(copy);
            add(KeepVolumeCopy.of(volume, copy, influx.image()));
        }
        add(RemoveOldContainer.of(influx.name()));
        for (int i = 0; i < copies.size(); i++) {
            add(RemoveVolume.of(influx.volumeNames().get(i), copies.get(i), influx.image()));
            add(CreateVolume.of(influx.volumeNames().get(i), copies.get(i)));
            fill.accept(influx.volumeNames().get(i));
        }
        add(CreateContainer.of(influx.name()));
        add(StartInflux.of(influx.name()));
        return copies;
    }

    /**
     * What can be fixed in place: each bucket of the profile the server lacks is created, each whose
     * retention differs gets the profile's. Nothing is deleted and no service stops; buckets the
     * profile does not list are left alone.
     */
    private void addRepair() {
        for (BucketSpec bucket : profile.buckets()) {
            BucketSpec live = liveSpecs.get(bucket.name());
            if (live == null) {
                add(CreateBucket.of(bucket));
            } else if (!live.retention().equals(bucket.retention())) {
                add(UpdateRetention.of(bucket, live.retention()));
            }
        }
    }

    /**
     * On 2.x the old buckets are renamed aside (instant at any size) and sealed from there after the
     * restart; on 1.x sealed in the downtime and deleted (a database cannot be renamed).
     */
    private void addBucketReset(String run) {
        stopServices();
        if (profile.influx().isV1()) {
            add(SealBackup.of());
        }
        for (BucketSpec bucket : profile.buckets()) {
            add(profile.influx().isV1() ? DeleteBucket.of(bucket) : DeleteBucket.aside(bucket, run));
            add(CreateBucket.of(bucket));
            if (!profile.influx().isV1()) {
                add(RepointMappings.of(bucket.name(), run));
            }
        }
    }

    private List<String> bucketNames() {
        return profile.buckets().stream().map(BucketSpec::name).toList();
    }

    private void stopServices() {
        List<ServiceSpec> reversed = new ArrayList<>(servicesInStartOrder());
        Collections.reverse(reversed);
        for (ServiceSpec service : reversed) {
            boolean running = stack.service(service.name()).map(ContainerInfo::isRunning).orElse(true);
            add(StopService.of(service.name(), running, service.timeout(), stack.healthProblem(service.name())));
        }
    }

    /**
     * The profile's services, each after those it depends on as the running stack says
     * ({@code depends_on}); otherwise in the profile's order. Stopped the other way round.
     */
    private List<ServiceSpec> servicesInStartOrder() {
        List<String> names = profile.services().stream().map(ServiceSpec::name).toList();
        List<String> ordered = StartOrder.of(names, name -> stack.service(name).map(ContainerInfo::dependsOn).orElse(List.of()));
        return ordered.stream().map(name -> profile.services().get(names.indexOf(name))).toList();
    }

    private ContainerInfo influxContainer() {
        String service = profile.influx().service();
        if (stack.containers().isEmpty()) {
            return placeholder(service);
        }
        return stack.service(service).orElseThrow(() -> ResetException.problem(
                "A full reset needs the InfluxDB container, but compose project '" + stack.project()
                        + "' has no container of service '" + service + "'.",
                "Start the stack, fix influx.service in the profile, or use --mode buckets.", null));
    }

    /**
     * Stands in for the InfluxDB container when discovery could not run (no Docker engine), so that
     * {@code plan} can still show the shape of a reset. Such a plan is for reading only: the
     * prerequisite checks stop any run before it reaches these names.
     */
    private static ContainerInfo placeholder(String service) {
        return new ContainerInfo("", "<" + service + " container>", service, "<image>", "unknown", "none",
                List.of(new MountInfo(MountInfo.Kind.VOLUME,
                        "<" + service + " volume>", "/var/lib/influxdb")));
    }

    private void add(Step at, Action action) {
        step = at;
        add(action);
    }

    private void add(Action action) {
        actions.add(new PlannedAction(actions.size(), step, action));
    }
}
