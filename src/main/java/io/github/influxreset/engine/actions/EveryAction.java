package io.github.influxreset.engine.actions;

import io.github.influxreset.engine.run.ActionCatalog;

/** Every kind of action the engine plans, by the kind the journal stores. */
public final class EveryAction {
    private EveryAction() {
    }

    /** A catalog that rebuilds every kind of action from its journal row. */
    public static ActionCatalog catalog() {
        return new ActionCatalog()
                .register(CheckPrerequisites.KIND, CheckPrerequisites::new)
                .register(WriteBackup.KIND, WriteBackup::new)
                .register(VerifyBackup.KIND, VerifyBackup::new)
                .register(ConfirmReset.KIND, ConfirmReset::new)
                .register(StopService.KIND, StopService::new)
                .register(CheckDataFlow.KIND, CheckDataFlow::new)
                .register(KeepVolumeCopy.KIND, KeepVolumeCopy::new)
                .register(RemoveOldContainer.KIND, RemoveOldContainer::new)
                .register(RemoveVolume.KIND, RemoveVolume::new)
                .register(CreateVolume.KIND, CreateVolume::new)
                .register(CreateContainer.KIND, CreateContainer::new)
                .register(StartInflux.KIND, StartInflux::new)
                .register(SetupInflux.KIND, SetupInflux::new)
                .register(DeleteBucket.KIND, DeleteBucket::new)
                .register(CreateBucket.KIND, CreateBucket::new)
                .register(RestoreSqlite.KIND, RestoreSqlite::new)
                .register(MergeBucket.KIND, MergeBucket::new)
                .register(ForecastCarry.KIND, ForecastCarry::new)
                .register(CarryData.KIND, CarryData::new)
                .register(UpdateRetention.KIND, UpdateRetention::new)
                .register(ValidateSchema.KIND, ValidateSchema::new)
                .register(CheckMoveTarget.KIND, CheckMoveTarget::new)
                .register(CreateTargetBucket.KIND, CreateTargetBucket::new)
                .register(NameMoveSettings.KIND, NameMoveSettings::new)
                .register(StartService.KIND, StartService::new)
                .register(CleanUpKeptData.KIND, CleanUpKeptData::new)
                .register(RestoreNative.KIND, RestoreNative::new)
                .register(NoteUnknownBucket.KIND, NoteUnknownBucket::new)
                .register(SealBackup.KIND, SealBackup::new)
                .register(RepointMappings.KIND, RepointMappings::new)
                .register(NoteMappings.KIND, NoteMappings::new)
                .register(RemakeMappings.KIND, RemakeMappings::new)
                .register(VerifySourceBackup.KIND, VerifySourceBackup::new)
                .register(RestoreBucket.KIND, RestoreBucket::new)
                .register(RestoreVolumeSnapshot.KIND, RestoreVolumeSnapshot::new)
                .register(CompareCounts.KIND, CompareCounts::new)
                .register(ReplaySeal.KIND, ReplaySeal::new)
                .register(SetAsideData.KIND, SetAsideData::new)
                .register(DropSetAsideData.KIND, DropSetAsideData::new)
                .register(DropAsideBuckets.KIND, DropAsideBuckets::new)
                .register(PrepareNextBucket.KIND, PrepareNextBucket::new)
                .register(SwitchBucket.KIND, SwitchBucket::new)
                .register(CarryDelta.KIND, CarryDelta::new);
    }
}
