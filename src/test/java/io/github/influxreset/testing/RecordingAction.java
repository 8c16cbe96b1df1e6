package io.github.influxreset.testing;

import io.github.influxreset.engine.run.Action;
import io.github.influxreset.engine.run.RunContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A counting dummy action (as Scene Builder tests its job manager): records execute and undo in a
 * shared list, and fails or "crashes" when its params say so.
 */
public final class RecordingAction implements Action {
    public static final String KIND = "recording";
    /** What every recording action did, in order, across rebuilds from the journal. */
    public static final List<String> LOG = new CopyOnWriteArrayList<>();

    private final Map<String, String> params;

    public RecordingAction(Map<String, String> params) {
        this.params = params;
    }

    public static RecordingAction named(String name) {
        return new RecordingAction(Map.of("name", name, "mode", "ok", "destructive", "false"));
    }

    public static RecordingAction failing(String name) {
        return new RecordingAction(Map.of("name", name, "mode", "fail", "destructive", "false"));
    }

    public static RecordingAction crashing(String name) {
        return new RecordingAction(Map.of("name", name, "mode", "crash", "destructive", "false"));
    }

    /** Executes fine; its undo fails. */
    public static RecordingAction undoFailing(String name) {
        return new RecordingAction(Map.of("name", name, "mode", "undo-fails", "destructive", "false"));
    }

    public static RecordingAction destructive(String name) {
        return new RecordingAction(Map.of("name", name, "mode", "ok", "destructive", "true"));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, String> params() {
        return params;
    }

    @Override
    public String describe() {
        return "Do " + params.get("name");
    }

    @Override
    public String describeUndo() {
        return "Undo " + params.get("name");
    }

    @Override
    public boolean destructive() {
        return Boolean.parseBoolean(params.get("destructive"));
    }

    @Override
    public void execute(RunContext ctx) {
        LOG.add("do " + params.get("name"));
        switch (params.get("mode")) {
            case "fail" -> throw new IllegalStateException(params.get("name") + " broke");
            case "crash" -> throw new SimulatedCrash();
            default -> { }
        }
    }

    @Override
    public void undo(RunContext ctx) {
        LOG.add("undo " + params.get("name"));
        if ("undo-fails".equals(params.get("mode"))) {
            throw new IllegalStateException(params.get("name") + " cannot be undone");
        }
    }

    /** Stands for the process dying mid-action: nothing in the engine catches an Error. */
    public static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;
    }
}
