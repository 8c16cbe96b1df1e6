package io.github.influxreset.engine.actions;

import io.github.influxreset.engine.port.DockerPort;
import io.github.influxreset.engine.run.RunContext;
import java.util.Map;

/** Copies a volume's data into a new volume kept until the run ends well; undo removes the copy. */
public final class KeepVolumeCopy extends BaseAction {
    public static final String KIND = "keep-volume-copy";

    public KeepVolumeCopy(Map<String, String> params) {
        super(KIND, params);
    }

    public static KeepVolumeCopy of(String volume, String copy, String image) {
        return new KeepVolumeCopy(Map.of("volume", volume, "copy", copy, "image", image));
    }

    @Override
    public String describe() {
        return "Copy volume " + param("volume") + " to " + param("copy");
    }

    @Override
    public String describeUndo() {
        return "Remove the copy " + param("copy");
    }

    @Override
    public void execute(RunContext ctx) {
        DockerPort docker = ctx.ports().docker();
        docker.removeVolume(param("copy"));
        docker.createVolume(param("copy"), param("volume"));
        docker.copyVolume(param("volume"), param("copy"), param("image"));
    }

    @Override
    public void undo(RunContext ctx) {
        ctx.ports().docker().removeVolume(param("copy"));
    }
}
