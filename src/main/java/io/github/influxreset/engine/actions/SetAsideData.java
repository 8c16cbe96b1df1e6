package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.port.AsideMove;
import io.github.influxreset.engine.port.DockerPort;
import io.github.influxreset.engine.run.ActionStatus;
import io.github.influxreset.engine.run.Precondition;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.UndoFacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A full reset's way to an empty InfluxDB while the services wait: the stopped container's volumes
 * keep their names (compose finds them so), and everything in them moves into a hidden folder of
 * the run inside each ({@code .influx-reset-before-RUN}) by renames, whatever the data's size; the
 * same container then starts on empty volumes. Destructive for InfluxDB, which no longer sees the
 * data. Undo moves it back (the reset's own data going into {@code .influx-reset-undone-RUN}, kept:
 * a rollback never deletes what it cannot put back; the live data is backed up first, as for a
 * removed volume); a set-aside cut off is brought back as it was. When the run's last action had
 * already deleted the old data ({@link DropSetAsideData}), undo fills each volume from the backup
 * set's snapshot instead and writes back what the set's seal added, InfluxDB started for that alone.
 */
public final class SetAsideData extends BaseAction {
    public static final String KIND = "set-aside-data";

    public SetAsideData(Map<String, String> params) {
        super(KIND, params);
    }

    public static SetAsideData of(List<String> volumes, String image, String run) {
        return new SetAsideData(Map.of("volumes", String.join(",", volumes), "image", image, "run", run));
    }

    /** The hidden folder inside each volume that holds the old data until the run ends well. */
    public static String before(String run) {
        return "before-" + run;
    }

    static String undone(String run) {
        return "undone-" + run;
    }

    @Override
    public boolean destructive() {
        return true;
    }

    @Override
    public String describe() {
        return "Move the data of volume(s) " + param("volumes") + " aside inside them (" + AsideMove.folder(before(param("run")))
                + ", a rename: instant at any size)";
    }

    @Override
    public String describeUndo() {
        return "Move the old data of volume(s) " + param("volumes") + " back (the reset's data kept in "
                + AsideMove.folder(undone(param("run"))) + ")";
    }

    @Override
    public void execute(RunContext ctx) {
        ctx.ports().docker().aside(volumes(), param("image"), AsideMove.setAside(before(param("run"))));
    }

    @Override
    public void undo(RunContext ctx) {
        boolean dropped = ctx.action(DropSetAsideData.KIND).map(a -> a.status() != ActionStatus.PLANNED).orElse(false);
        if (dropped) {
            refillFromTheSet(ctx);
            return;
        }
        ctx.ports().docker().aside(volumes(), param("image"), AsideMove.bringBack(before(param("run")), undone(param("run"))));
        ctx.info("The old data is back in volume(s) " + param("volumes") + "; what the reset had written is kept in their "
                + "folder " + AsideMove.folder(undone(param("run"))) + " (delete it when you no longer need it).");
    }

    /** The old data was deleted: each volume emptied (its data kept aside) and filled from the set, then the seal replayed. */
    private void refillFromTheSet(RunContext ctx) {
        DockerPort docker = ctx.ports().docker();
        docker.aside(volumes(), param("image"), AsideMove.setAside(undone(param("run"))));
        for (String volume : volumes()) {
            ctx.info("The old data of volume " + volume + " was deleted at the end of the run; filling it from backup set "
                    + ctx.backupId() + ".");
            ctx.ports().backups().restoreVolume(ctx.backupId(), volume, param("image"));
        }
        List<String> sealed = ctx.ports().backups().sealedBuckets(ctx.backupId());
        if (sealed.isEmpty()) {
            return;
        }
        String influx = influxContainer(ctx).orElseThrow(() -> ResetException.problem("The InfluxDB container is gone, "
                        + "so the points the seal added cannot be written back.", "Start InfluxDB, then restore backup set "
                        + ctx.backupId() + " with 'restore " + ctx.backupId() + " --into-existing'.", null));
        docker.start(influx);
        try {
            StartInflux.awaitInflux(ctx);
            sealed.forEach(bucket -> ctx.ports().backups().restoreSealedValues(ctx.backupId(), bucket));
        } finally {
            docker.stop(influx, StopService.GRACE);
        }
    }

    private static Optional<String> influxContainer(RunContext ctx) {
        return ctx.ports().docker().discover(ctx.profile().stack().composeProject()).service(ctx.profile().influx().service())
                .map(c -> c.id());
    }

    /**
     * The run's backup set is there: the undo reads it when the old data was deleted, and otherwise
     * it is what a user falls back on should the rename back fail half-way.
     */
    @Override
    public List<Precondition> undoPreconditions(RunContext ctx,
                                                                            UndoFacts facts) {
        return List.of(SetChecks.present(ctx, "the old data of volume(s) " + param("volumes")));
    }

    @Override
    public boolean undoNeedsBackupSet() {
        return true;
    }

    @Override
    public List<String> undoRemovesVolumes() {
        return volumes();
    }

    List<String> volumes() {
        return listParam("volumes");
    }
}
