package io.github.influxreset.engine.actions;

import io.github.influxreset.engine.run.RunContext;
import java.util.Map;

/**
 * After a restore from a set's volume snapshots: writes back what the set's seal added (the points
 * the services wrote between the snapshots and their stop), which the snapshots, taken before the
 * seal, lack. The same point written again overwrites itself. Undo has nothing of its own to do:
 * the volume holding the points is replaced by the undo of its creation.
 */
public final class ReplaySeal extends BaseAction {
    public static final String KIND = "replay-seal";

    public ReplaySeal(Map<String, String> params) {
        super(KIND, params);
    }

    public static ReplaySeal of(String source) {
        return new ReplaySeal(Map.of("source", source));
    }

    @Override
    public String describe() {
        return "Write back the points backup set " + param("source") + " was sealed with (newer than its volume snapshots)";
    }

    @Override
    public String describeUndo() {
        return "Nothing to undo (the restored volume is replaced by the next undo)";
    }

    @Override
    public void execute(RunContext ctx) {
        for (String bucket : ctx.ports().backups().sealedBuckets(param("source"))) {
            ctx.info("Writing back the points the seal of " + param("source") + " holds for bucket " + bucket);
            ctx.ports().backups().restoreSealedValues(param("source"), bucket);
        }
    }

    @Override
    public void undo(RunContext ctx) {
        // the points live in the restored volume, which the undo of CreateVolume removes
    }
}
