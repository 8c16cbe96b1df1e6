package io.github.influxreset.engine.actions;

import io.github.influxreset.engine.run.RunContext;
import java.util.Map;

/**
 * First-time setup of the fresh server (2.x: org, first user, token). Undo has nothing to do: the
 * fresh volume it wrote to is discarded by the undo of the actions before it.
 */
public final class SetupInflux extends BaseAction {
    public static final String KIND = "setup-influx";

    public SetupInflux(Map<String, String> params) {
        super(KIND, params);
    }

    public static SetupInflux of(String org, String firstBucket) {
        return new SetupInflux(Map.of("org", org, "bucket", firstBucket));
    }

    @Override
    public String describe() {
        return param("org").isBlank() ? "Prepare the fresh InfluxDB (its first database " + param("bucket") + ")"
                : "Set up org " + param("org") + " with its first user and token";
    }

    @Override
    public String describeUndo() {
        return "Nothing to undo (the fresh volume is discarded)";
    }

    @Override
    public void execute(RunContext ctx) {
        ctx.ports().influx().setup(param("bucket"));
    }

    @Override
    public void undo(RunContext ctx) {
        // the volume holding the setup is removed by the undo of CreateVolume
    }
}
