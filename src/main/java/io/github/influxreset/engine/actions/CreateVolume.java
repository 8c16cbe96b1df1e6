package io.github.influxreset.engine.actions;

import io.github.influxreset.engine.run.Precondition;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.UndoFacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Creates a fresh, empty volume with the old one's name, driver and labels; undo removes it. */
public final class CreateVolume extends BaseAction {
    public static final String KIND = "create-volume";

    public CreateVolume(Map<String, String> params) {
        super(KIND, params);
    }

    public static CreateVolume of(String volume, String template) {
        return new CreateVolume(Map.of("volume", volume, "template", template));
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
    public List<Precondition> undoPreconditions(RunContext ctx, UndoFacts facts) {
        return List.of(volumeIsTheRuns(ctx, facts, param("volume")));
    }

    @Override
    public List<String> undoRemovesVolumes() {
        return List.of(param("volume"));
    }

    /** The volume the undo removes holds this run's data only while the run's InfluxDB container is still the one using it. */
    static Precondition volumeIsTheRuns(RunContext ctx, UndoFacts facts, String volume) {
        return facts.firstWithFact(CreateContainer.KIND, CreateContainer.CONTAINER_ID)
                .map(created -> SetChecks.sameContainer(ctx, created.params().get("name"),
                        Optional.of(created.facts().get(CreateContainer.CONTAINER_ID)),
                        ", so volume " + volume + " may hold data written since"))
                .orElse(Precondition.holds("volume " + volume + " holds only what this run wrote"));
    }

    @Override
    public void undo(RunContext ctx) {
        ctx.ports().docker().removeVolume(param("volume"));
    }
}
