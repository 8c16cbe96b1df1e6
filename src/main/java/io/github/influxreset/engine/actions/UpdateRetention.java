package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.engine.run.RunContext;
import java.util.Map;

/**
 * Changes the retention of an existing bucket in place: nothing is deleted, no service stops.
 * Undo puts the previous retention back. A shorter retention lets InfluxDB delete the points older
 * than it, which makes the action destructive (so the verified backup comes first) and is said in
 * its description, before the user confirms, and in the log when it runs.
 */
public final class UpdateRetention extends BaseAction {
    public static final String KIND = "update-retention";

    public UpdateRetention(Map<String, String> params) {
        super(KIND, params);
    }

    /** @param previous the bucket's retention now, which undo puts back */
    public static UpdateRetention of(BucketSpec wanted, Retention previous) {
        return new UpdateRetention(Map.of("bucket", wanted.name(), "retention", wanted.retention().format(),
                "previous", previous.format()));
    }

    @Override
    public String describe() {
        return "Change the retention of bucket " + param("bucket") + " from " + previous() + " to " + wanted()
                + (shortens() ? ": SHORTER, so InfluxDB will delete the points older than " + wanted()
                + " (they stay in the backup set)" : " in place (no point is deleted)");
    }

    @Override
    public String describeUndo() {
        return "Set the retention of bucket " + param("bucket") + " back to " + previous()
                + (shortens() ? " (points InfluxDB already deleted come back only with a restore)" : "");
    }

    @Override
    public boolean destructive() {
        return shortens();
    }

    @Override
    public void execute(RunContext ctx) {
        if (shortens()) {
            ctx.warn("The retention of bucket " + param("bucket") + " goes from " + previous() + " to " + wanted()
                    + ": InfluxDB will delete the data older than " + wanted() + ".");
        }
        ctx.ports().influx().updateRetention(new BucketSpec(param("bucket"), wanted()));
        ctx.info("Bucket " + param("bucket") + " now keeps its points for " + wanted() + ".");
    }

    @Override
    public void undo(RunContext ctx) {
        ctx.ports().influx().updateRetention(new BucketSpec(param("bucket"), previous()));
    }

    /** True when the new retention keeps points for less time than the old one. */
    public boolean shortens() {
        Retention wanted = wanted();
        Retention previous = previous();
        return !wanted.isInfinite() && (previous.isInfinite() || wanted.duration().compareTo(previous.duration()) < 0);
    }

    private Retention wanted() {
        return Retention.parse(param("retention")).orElseThrow();
    }

    private Retention previous() {
        return Retention.parse(param("previous")).orElseThrow();
    }
}
