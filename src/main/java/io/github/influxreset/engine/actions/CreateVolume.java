package io.github.influxreset.engine.actions;

import io.github.influxreset.engine.RunContext;
import java.util.Map;

/** Creates a fresh, empty volume with the old one's name, driver and labels; undo removes it. */
public final class CreateVolume extends BaseAction {
    public static final String KIND = "create-volume";

    public CreateVolume(Map<String, String> params) {
        super(params);
    }

    public static CreateVolume of(String volume, String template) {
        return new CreateVolume(Map.of("volume", volume, "template", template));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describe() {
        return "Create an empty volume " + param("volume");
    }

    @Override
    public String describeUndo() {
        return "Remove the new volume " + param("volume");
    }

    @Override
    public void execute(RunContext ctx) {
        if (!ctx.ports().docker().volumeExists(param("volume"))) {
            ctx.ports().docker().createVolume(param("volume"), param("template"));
        }
    }

    @Override
    public void undo(RunContext ctx) {
        ctx.ports().docker().removeVolume(param("volume"));
    }
}
