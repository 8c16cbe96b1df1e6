package io.github.influxreset.engine.actions;

import io.github.influxreset.engine.port.DockerPort;
import io.github.influxreset.engine.run.Precondition;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.UndoFacts;
import java.util.List;
import java.util.Map;

/**
 * Creates the new InfluxDB container with exactly the configuration of the old one (read from the
 * run's backup set); undo removes it. Already created is fine.
 */
public final class CreateContainer extends BaseAction {
    public static final String KIND = "create-container";
    /** The fact: the id of the container this action created. */
    static final String CONTAINER_ID = "containerId";

    public CreateContainer(Map<String, String> params) {
        super(KIND, params);
    }

    public static CreateContainer of(String name) {
        return new CreateContainer(Map.of("name", name));
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
    public Map<String, String> factsAfterExecute(RunContext ctx) {
        return ctx.ports().docker().containerIdByName(param("name")).map(id -> Map.of(CONTAINER_ID, id)).orElse(Map.of());
    }

    @Override
    public List<Precondition> undoPreconditions(RunContext ctx, UndoFacts facts) {
        return List.of(SetChecks.sameContainer(ctx, param("name"), facts.fact(CONTAINER_ID), ""));
    }

    /**
     * True when the container {@code name} with {@code id} is the one the run's create-container
     * action made: its recorded id, or, when that action was interrupted before it could record
     * one, its name.
     */
    static boolean madeByRun(UndoFacts facts, String name, String id) {
        return facts.run().stream().anyMatch(a -> a.kind().equals(KIND) && a.status().mayNeedUndo()
                && name.equals(a.params().get("name")) && id.equals(a.facts().getOrDefault(CONTAINER_ID, id)));
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
