package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.port.DockerPort;
import io.github.influxreset.engine.run.Precondition;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.UndoFacts;
import java.util.List;
import java.util.Map;

/**
 * Removes an InfluxDB volume: destructive. Undo recreates it and copies the kept data back (or
 * the backup set's snapshot, when the kept copy is gone).
 */
public final class RemoveVolume extends BaseAction {
    public static final String KIND = "remove-volume";

    public RemoveVolume(Map<String, String> params) {
        super(KIND, params);
    }

    public static RemoveVolume of(String volume, String copy, String image) {
        return new RemoveVolume(Map.of("volume", volume, "copy", copy, "image", image));
    }

    @Override
    public boolean destructive() {
        return true;
    }

    @Override
    public String describe() {
        return "Remove volume " + param("volume");
    }

    @Override
    public String describeUndo() {
        return "Recreate volume " + param("volume") + " from " + param("copy");
    }

    @Override
    public void execute(RunContext ctx) {
        ctx.ports().docker().removeVolume(param("volume"));
    }

    @Override
    public List<Precondition> undoPreconditions(RunContext ctx, UndoFacts facts) {
        String check = "the old data of volume " + param("volume") + " is in " + param("copy") + " or in the backup set";
        Precondition source;
        if (ctx.ports().docker().volumeExists(param("copy"))) {
            source = Precondition.holds(check);
        } else {
            Precondition set = SetChecks.present(ctx, "a snapshot of volume " + param("volume"));
            source = !set.ok() ? Precondition.fails(check, "the kept copy is gone and " + set.problem().orElseThrow())
                    : ctx.ports().backups().holdsVolume(ctx.backupId(), param("volume")) ? Precondition.holds(check)
                    : Precondition.fails(check, "the kept copy is gone and backup set " + ctx.backupId() + " holds no snapshot of it");
        }
        return List.of(source, CreateVolume.volumeIsTheRuns(ctx, facts, param("volume")));
    }

    @Override
    public boolean undoNeedsBackupSet() {
        return true;
    }

    @Override
    public List<String> undoRemovesVolumes() {
        return List.of(param("volume"));
    }

    /**
     * Puts the old data back from the kept copy; when the copy is already gone (the run was
     * interrupted after its clean-up), from the volume snapshot in the run's verified backup set.
     */
    @Override
    public void undo(RunContext ctx) {
        DockerPort docker = ctx.ports().docker();
        docker.removeVolume(param("volume"));
        if (docker.volumeExists(param("copy"))) {
            docker.createVolume(param("volume"), param("copy"));
            docker.copyVolume(param("copy"), param("volume"), param("image"));
        } else if (ctx.ports().backups().holdsVolume(ctx.backupId(), param("volume"))) {
            docker.createVolume(param("volume"), "");
            ctx.ports().backups().restoreVolume(ctx.backupId(), param("volume"), param("image"));
        } else {
            throw ResetException.problem("Neither the kept copy " + param("copy")
                    + " nor a snapshot in backup set " + ctx.backupId() + " holds volume " + param("volume") + ".",
                    "Restore the data with 'restore " + ctx.backupId() + "'.", null);
        }
    }
}
