package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.SwitchNames;
import io.github.influxreset.engine.data.LiveRange;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.engine.run.ActionRecord;
import io.github.influxreset.engine.run.RunContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * An online reset's switch of one bucket, with the services writing: the live bucket is renamed to
 * the run's {@link SwitchNames#before()} (it keeps its id and points, for a rollback), then the
 * filled new one to the live name. Writers address buckets by name, so from then on they write to
 * the new bucket; between the two renames (milliseconds) a write to the name is refused. Execute
 * and undo are idempotent, told apart by the run's unique names, so a crash between the renames is
 * resumed or rolled back like any other.
 *
 * <p>Undo switches back: the new bucket becomes {@link SwitchNames#undone()} (never deleted: it
 * keeps what the services wrote to it), the old one gets its name again, and the points written to
 * the new one since the switch are written to the old one as they are. A value the old schema
 * refuses stays in the undone bucket, and the log says so.
 */
public final class SwitchBucket extends BaseAction {
    public static final String KIND = "switch-bucket";
    /** Points a writer stamps a little before it writes them (an event's own time) are carried back too. */
    static final Duration MARGIN = Duration.ofMinutes(1);

    public SwitchBucket(Map<String, String> params) {
        super(KIND, params);
    }

    /** @param existed whether the live server has the bucket now (a new bucket of the profile has no old one) */
    public static SwitchBucket of(String bucket, String run, boolean existed) {
        return new SwitchBucket(Map.of("bucket", bucket, "run", run, "existed", Boolean.toString(existed)));
    }

    @Override
    public String describe() {
        SwitchNames names = names();
        return existed() ? "Switch the services to the new bucket: " + names.bucket() + " becomes " + names.before()
                + " (kept for a rollback), " + names.next() + " becomes " + names.bucket()
                : "Give the new bucket " + names.next() + " its name " + names.bucket();
    }

    @Override
    public String describeUndo() {
        return "Switch back: " + param("bucket") + " becomes " + names().undone() + (existed() ? ", " + names().before()
                + " becomes " + param("bucket") + " again, with the points written since the switch" : "");
    }

    @Override
    public void execute(RunContext ctx) {
        InfluxPort influx = ctx.ports().target();
        SwitchNames names = names();
        long started = System.nanoTime();
        Map<String, String> ids = influx.bucketIds();
        if (existed() && !ids.containsKey(names.before()) && ids.containsKey(names.bucket())) {
            influx.renameBucket(ids.get(names.bucket()), names.before());
        }
        ids = influx.bucketIds();
        if (ids.containsKey(names.next())) {
            influx.renameBucket(ids.get(names.next()), names.bucket());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        ids = influx.bucketIds();
        if (!ids.containsKey(names.bucket()) || ids.containsKey(names.next())) {
            throw ResetException.problem("Bucket " + names.bucket() + " was not switched to the new one: the server lists "
                    + String.join(", ", ids.keySet()) + ".", "Roll the run back; it renames the buckets as they were.", null);
        }
        switchMillis = millis;
        ctx.info("Bucket " + names.bucket() + " is the new one now (the switch took " + millis + " ms); the old one is "
                + (existed() ? names.before() : "none") + ".");
    }

    /** How long the bucket's name had no bucket (between the two renames), in milliseconds. */
    public static final String SWITCH_MILLIS = "switchMillis";
    private volatile long switchMillis;

    @Override
    public Map<String, String> factsAfterExecute(RunContext ctx) {
        return Map.of(SWITCH_MILLIS, Long.toString(switchMillis));
    }

    @Override
    public void undo(RunContext ctx) {
        InfluxPort influx = ctx.ports().target();
        SwitchNames names = names();
        Map<String, String> ids = influx.bucketIds();
        boolean switched = ids.containsKey(names.before()) || !existed() && !ids.containsKey(names.next());
        if (!switched) {
            return;
        }
        if (ids.containsKey(names.bucket()) && !ids.containsKey(names.undone())) {
            influx.renameBucket(ids.get(names.bucket()), names.undone());
        }
        ids = influx.bucketIds();
        if (ids.containsKey(names.before())) {
            influx.renameBucket(ids.get(names.before()), names.bucket());
            if (ids.containsKey(names.undone())) {
                carryBack(ctx, names);
            }
        }
    }

    /** Best effort: what the old schema refuses stays in the undone bucket, which is never deleted. */
    private void carryBack(RunContext ctx, SwitchNames names) {
        // from the run's first switch (every bucket's switch came after it, milliseconds apart), less the margin
        Instant since = ctx.action(KIND).map(ActionRecord::started).orElse(Instant.now()).minus(MARGIN);
        LiveRange range = new LiveRange(ctx.ports().target(), names.undone(), since, LiveRange.END);
        LiveRange.Copied copied = range.copyUntilStill(names.bucket());
        if (copied.refusedBatches() == 0) {
            ctx.info("Bucket " + names.bucket() + " is the old one again, with the " + copied.lines() + " value(s) written to "
                    + "the new one since the switch; the new one stays as " + names.undone() + ".");
        } else {
            ctx.warn("Bucket " + names.bucket() + " is the old one again, but the old schema refused some of the "
                    + copied.lines() + " value(s) written to the new one since the switch (" + copied.firstRefusal()
                    + "). Every one of them stays in bucket " + names.undone() + ".");
        }
    }

    private boolean existed() {
        return Boolean.parseBoolean(param("existed"));
    }

    private SwitchNames names() {
        return new SwitchNames(param("bucket"), param("run"));
    }
}
