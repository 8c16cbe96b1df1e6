package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.engine.run.RunContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates a bucket with its retention, or corrects the retention of one that exists; undo deletes
 * a bucket it created.
 */
public final class CreateBucket extends BaseAction {
    public static final String KIND = "create-bucket";

    public CreateBucket(Map<String, String> params) {
        super(KIND, params);
    }

    public static CreateBucket of(BucketSpec bucket) {
        return new CreateBucket(Map.of("bucket", bucket.name(), "retention", bucket.retention().format()));
    }

    /** A bucket of a freshly created InfluxDB: the undo of the volume's creation takes it away. */
    public static CreateBucket inFreshVolume(BucketSpec bucket) {
        return new CreateBucket(Map.of("bucket", bucket.name(), "retention", bucket.retention().format(), "fresh", "true"));
    }

    @Override
    public String describe() {
        return "Create bucket " + param("bucket") + " with retention " + spec().retention();
    }

    @Override
    public String describeUndo() {
        return fresh() ? "Nothing to undo (the bucket goes with the fresh volume)" : "Delete the new bucket " + param("bucket");
    }

    @Override
    public void execute(RunContext ctx) {
        InfluxPort influx = ctx.ports().influx();
        Optional<BucketSpec> existing = influx.buckets().stream()
                .filter(b -> b.name().equals(param("bucket"))).findFirst();
        if (existing.isEmpty()) {
            influx.createBucket(spec());
        } else if (!existing.get().retention().equals(spec().retention())) {
            if (!fresh()) {
                warnIfShorter(ctx, existing.get().retention());
            }
            influx.updateRetention(spec());
        }
    }

    private void warnIfShorter(RunContext ctx, Retention current) {
        Retention wanted = spec().retention();
        if (!wanted.isInfinite() && (current.isInfinite() || wanted.duration().compareTo(current.duration()) < 0)) {
            ctx.warn("The retention of bucket " + param("bucket") + " goes from " + current + " to " + wanted
                    + ": InfluxDB will delete the data older than " + wanted + ".");
        }
    }

    @Override
    public void undo(RunContext ctx) {
        if (!fresh()) {
            ctx.ports().influx().deleteBucket(param("bucket"));
        }
    }

    @Override
    public List<String> undoDeletesBuckets() {
        return fresh() ? List.of() : List.of(param("bucket"));
    }

    private boolean fresh() {
        return Boolean.parseBoolean(params().getOrDefault("fresh", "false"));
    }

    private BucketSpec spec() {
        return new BucketSpec(param("bucket"), Retention.parse(param("retention")).orElseThrow());
    }
}
