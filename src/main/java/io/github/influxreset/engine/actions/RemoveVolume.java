package io.github.influxreset.engine.actions;

import io.github.influxreset.engine.RunContext;
import io.github.influxreset.engine.port.DockerPort;
import java.util.Map;

/**
 * Removes an InfluxDB volume: destructive. Undo recreates it and copies the kept data back.
 */
public final class RemoveVolume extends BaseAction {
    public static final String KIND = "remove-volume";

    public RemoveVolume(Map<String, String> params) {
        super(params);
    }

    public static RemoveVolume of(String volume, String copy, String image) {
        return new RemoveVolume(Map.of("volume", volume, "copy", copy, "image", image));
    }

    @Override
    public String kind() {
        return KIND;
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
    public void undo(RunContext ctx) {
        DockerPort docker = ctx.ports().docker();
        docker.removeVolume(param("volume"));
        docker.createVolume(param("volume"), param("copy"));
        docker.copyVolume(param("copy"), param("volume"), param("image"));
    }
}
