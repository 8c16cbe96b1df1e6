package io.github.influxreset.engine.actions;

import io.github.influxreset.engine.RunContext;
import io.github.influxreset.engine.port.DockerPort;
import java.util.Map;

/**
 * Creates the new InfluxDB container with exactly the configuration of the old one (read from the
 * run's backup set); undo removes it. Already created is fine.
 */
public final class CreateContainer extends BaseAction {
    public static final String KIND = "create-container";

    public CreateContainer(Map<String, String> params) {
        super(params);
    }

    public static CreateContainer of(String name) {
        return new CreateContainer(Map.of("name", name));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describe() {
        return "Create a new container " + param("name") + " with the same image, environment, mounts, labels and networks";
    }

    @Override
    public String describeUndo() {
        return "Remove the new container " + param("name");
    }

    @Override
    public void execute(RunContext ctx) {
        DockerPort docker = ctx.ports().docker();
        if (docker.containerIdByName(param("name")).isEmpty()) {
            String config = ctx.ports().backups().containerConfig(ctx.backupId(), param("name"));
            docker.createFromInspect(config, param("name"));
        }
    }

    @Override
    public void undo(RunContext ctx) {
        DockerPort docker = ctx.ports().docker();
        docker.containerIdByName(param("name")).ifPresent(id -> {
            docker.stop(id, StopService.GRACE);
            docker.removeContainer(id);
        });
    }
}
