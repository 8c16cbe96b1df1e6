package io.github.influxreset.engine.actions;

import io.github.influxreset.engine.port.DockerPort;
import io.github.influxreset.engine.run.Precondition;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.UndoFacts;
import java.util.List;
import java.util.Map;

/**
 * Removes the stopped InfluxDB container so its volumes can be recreated (Docker refuses to
 * remove a volume any container still refers to). Its exact configuration is in the run's verified
 * backup set; undo creates the same container again from there.
 */
public final class RemoveOldContainer extends BaseAction {
    public static final String KIND = "remove-old-container";

    public RemoveOldContainer(Map<String, String> params) {
        super(KIND, params);
    }

    public static RemoveOldContainer of(String name) {
        return new RemoveOldContainer(Map.of("name", name));
    }

    @Override
    public boolean destructive() {
        return true;
    }

    @Override
    public String describe() {
        return "Remove the old container " + param("name") + " (its configuration is in the backup set)";
    }

    @Override
    public String describeUndo() {
        return "Create container " + param("name") + " again from the configuration in the backup set";
    }

    @Override
    public void execute(RunContext ctx) {
        DockerPort docker = ctx.ports().docker();
        docker.containerIdByName(param("name")).ifPresent(docker::removeContainer);
    }

    @Override
    public List<Precondition> undoPreconditions(RunContext ctx, UndoFacts facts) {
        var now = ctx.ports().docker().containerIdByName(param("name"));
        boolean runsOwn = now.isPresent() && CreateContainer.madeByRun(facts, param("name"), now.get());
        if (now.isPresent() && !runsOwn) {
            return List.of(Precondition.holds("container " + param("name") + " exists (nothing to recreate)"));
        }
        return List.of(SetChecks.present(ctx, "the configuration of container " + param("name")));
    }

    @Override
    public boolean undoNeedsBackupSet() {
        return true;
    }

    @Override
    public void undo(RunContext ctx) {
        DockerPort docker = ctx.ports().docker();
        if (docker.containerIdByName(param("name")).isEmpty()) {
            String config = ctx.ports().backups().containerConfig(ctx.backupId(), param("name"));
            docker.createFromInspect(config, param("name"));
        }
    }
}
