package io.github.influxreset.engine.actions;

import io.github.influxreset.engine.port.AsideMove;
import io.github.influxreset.engine.run.RunContext;
import java.util.List;
import java.util.Map;

/**
 * The last action of a successful full reset: deletes the old data {@link SetAsideData} kept inside
 * the volumes for the rollback. The backup set still holds all of it. Undo has nothing to bring back.
 */
public final class DropSetAsideData extends BaseAction {
    public static final String KIND = "drop-set-aside-data";

    public DropSetAsideData(Map<String, String> params) {
        super(KIND, params);
    }

    public static DropSetAsideData of(List<String> volumes, String image, String run) {
        return new DropSetAsideData(Map.of("volumes", String.join(",", volumes), "image", image, "run", run));
    }

    @Override
    public boolean destructive() {
        return true;
    }

    @Override
    public String describe() {
        return "Delete the old data kept for the rollback inside volume(s) " + param("volumes") + " ("
                + AsideMove.folder(SetAsideData.before(param("run"))) + ")";
    }

    @Override
    public String describeUndo() {
        return "Nothing to undo (the backup set keeps the old data)";
    }

    @Override
    public void execute(RunContext ctx) {
        ctx.ports().docker().aside(listParam("volumes"), param("image"), AsideMove.drop(SetAsideData.before(param("run"))));
    }

    @Override
    public void undo(RunContext ctx) {
        // the backup set holds the data
    }
}
