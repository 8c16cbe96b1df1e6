package io.github.influxreset.engine;

import io.github.influxreset.engine.actions.CarryData;
import io.github.influxreset.engine.actions.CheckDataFlow;
import io.github.influxreset.engine.actions.CheckMoveTarget;
import io.github.influxreset.engine.actions.CheckPrerequisites;
import io.github.influxreset.engine.actions.CleanUpKeptData;
import io.github.influxreset.engine.actions.CompareCounts;
import io.github.influxreset.engine.actions.ConfirmReset;
import io.github.influxreset.engine.actions.CreateBucket;
import io.github.influxreset.engine.actions.CreateContainer;
import io.github.influxreset.engine.actions.CreateTargetBucket;
import io.github.influxreset.engine.actions.CreateVolume;
import io.github.influxreset.engine.actions.DeleteBucket;
import io.github.influxreset.engine.actions.ForecastCarry;
import io.github.influxreset.engine.actions.KeepVolumeCopy;
import io.github.influxreset.engine.actions.MergeBucket;
import io.github.influxreset.engine.actions.NameMoveSettings;
import io.github.influxreset.engine.actions.NoteUnknownBucket;
import io.github.influxreset.engine.actions.RemoveOldContainer;
import io.github.influxreset.engine.actions.RemoveVolume;
import io.github.influxreset.engine.actions.RestoreBucket;
import io.github.influxreset.engine.actions.RestoreNative;
import io.github.influxreset.engine.actions.RestoreSqlite;
import io.github.influxreset.engine.actions.RestoreVolumeSnapshot;
import io.github.influxreset.engine.actions.SealBackup;
import io.github.influxreset.engine.actions.SetupInflux;
import io.github.influxreset.engine.actions.StartInflux;
import io.github.influxreset.engine.actions.StartService;
import io.github.influxreset.engine.actions.StopService;
import io.github.influxreset.engine.actions.UpdateRetention;
import io.github.influxreset.engine.actions.ValidateSchema;
import io.github.influxreset.engine.actions.VerifyBackup;
import io.github.influxreset.engine.actions.VerifySourceBackup;
import io.github.influxreset.engine.actions.WriteBackup;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Rebuilds actions from their journal rows (kind and params), so a new process can undo them. */
public final class ActionCatalog {
    private final Map<String, Function<Map<String, String>, Action>> factories = new HashMap<>();

    public ActionCatalog() {
        register(CheckPrerequisites.KIND, CheckPrerequisites::new);
        register(WriteBackup.KIND, WriteBackup::new);
        register(VerifyBackup.KIND, VerifyBackup::new);
        register(ConfirmReset.KIND, ConfirmReset::new);
        register(StopService.KIND, StopService::new);
        register(CheckDataFlow.KIND, CheckDataFlow::new);
        register(KeepVolumeCopy.KIND, KeepVolumeCopy::new);
        register(RemoveOldContainer.KIND, RemoveOldContainer::new);
        register(RemoveVolume.KIND, RemoveVolume::new);
        register(CreateVolume.KIND, CreateVolume::new);
        register(CreateContainer.KIND, CreateContainer::new);
        register(StartInflux.KIND, StartInflux::new);
        register(SetupInflux.KIND, SetupInflux::new);
        register(DeleteBucket.KIND, DeleteBucket::new);
        register(CreateBucket.KIND, CreateBucket::new);
        register(RestoreSqlite.KIND, RestoreSqlite::new);
        register(MergeBucket.KIND, MergeBucket::new);
        register(ForecastCarry.KIND, ForecastCarry::new);
        register(CarryData.KIND, CarryData::new);
        register(UpdateRetention.KIND, UpdateRetention::new);
        register(ValidateSchema.KIND, ValidateSchema::new);
        register(CheckMoveTarget.KIND, CheckMoveTarget::new);
        register(CreateTargetBucket.KIND, CreateTargetBucket::new);
        register(NameMoveSettings.KIND, NameMoveSettings::new);
        register(StartService.KIND, StartService::new);
        register(CleanUpKeptData.KIND, CleanUpKeptData::new);
        register(RestoreNative.KIND, RestoreNative::new);
        register(NoteUnknownBucket.KIND, NoteUnknownBucket::new);
        register(SealBackup.KIND, SealBackup::new);
        register(VerifySourceBackup.KIND,
                VerifySourceBackup::new);
        register(RestoreBucket.KIND, RestoreBucket::new);
        register(RestoreVolumeSnapshot.KIND,
                RestoreVolumeSnapshot::new);
        register(CompareCounts.KIND, CompareCounts::new);
    }

    /** Adds a kind; tests use it for counting dummy actions. */
    public void register(String kind, Function<Map<String, String>, Action> factory) {
        factories.put(kind, factory);
    }

    public Action rebuild(String kind, Map<String, String> params) {
        Function<Map<String, String>, Action> factory = factories.get(kind);
        if (factory == null) {
            throw new IllegalArgumentException("unknown action kind in journal: " + kind);
        }
        return factory.apply(params);
    }
}
