package io.github.influxreset.engine.actions;

import io.github.influxreset.engine.run.RunContext;
import java.util.List;
import java.util.Map;

/**
 * The last action of a successful full reset: removes the volume copies kept for rollback. The
 * backup set still holds all the old data. Undo has nothing to bring back.
 */
public final class CleanUpKeptData extends BaseAction {
    public static final String KIND = "clean-up-kept-data";

    public CleanUpKeptData(Map<String, String> params) {
        super(KIND, params);
    }

    public static CleanUpKeptData of(List<String> copies) {
        return new CleanUpKeptData(Map.of("copies", String.join(",", copies)));
    }

    @Override
    public boolean destructive() {
        return true;
    }

    @Override
    public String describe() {
        return "Remove the volume copies kept for rollback (" + param("copies") + ")";
    }

    @Override
    public String describeUndo() {
        return "Nothing to undo (the backup set keeps the old data)";
    }

    @Override
    public void execute(RunContext ctx) {
        for (String copy : copies()) {
            ctx.ports().docker().removeVolume(copy);
        }
    }

    @Override
    public void undo(RunContext ctx) {
        // the backup set holds the data
    }

    private List<String> copies() {
        return listParam("copies");
    }
}
