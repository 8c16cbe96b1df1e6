package io.github.influxreset.engine.actions;

import io.github.influxreset.engine.run.RunContext;
import java.util.Map;

/**
 * Writes a volume snapshot of a backup set into the freshly created (empty) volume. Undo has
 * nothing of its own to do: the undo of the volume's creation removes it.
 */
public final class RestoreVolumeSnapshot extends BaseAction {
    public static final String KIND = "restore-volume-snapshot";

    public RestoreVolumeSnapshot(Map<String, String> params) {
        super(KIND, params);
    }

    public static RestoreVolumeSnapshot of(String source, String volume, String image) {
        return new RestoreVolumeSnapshot(Map.of("source", source, "volume", volume, "image", image));
    }

    @Override
    public String describe() {
        return "Write the snapshot of volume " + param("volume") + " from backup set " + param("source") + " into it";
    }

    @Override
    public String describeUndo() {
        return "Nothing to undo (the new volume is removed by the next undo)";
    }

    @Override
    public void execute(RunContext ctx) {
        ctx.ports().backups().restoreVolume(param("source"), param("volume"), param("image"));
    }

    @Override
    public void undo(RunContext ctx) {
        // the volume is removed by the undo of CreateVolume
    }
}
