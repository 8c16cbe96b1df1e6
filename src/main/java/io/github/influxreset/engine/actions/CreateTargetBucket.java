package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.CarryTally;
import io.github.influxreset.domain.FieldCounts;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.engine.checks.SchemaValidator;
import io.github.influxreset.engine.data.LiveRange;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.engine.run.ActionRecord;
import io.github.influxreset.engine.run.ActionStatus;
import io.github.influxreset.engine.run.Precondition;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.UndoFacts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes a bucket of the profile on the 2.x server a 1.x stack moves to, with the profile's
 * retention. A bucket already there must be empty (the checks said so; it is asked again here):
 * it is taken over and its retention set. Undo deletes a bucket it made, and empties a bucket it
 * took over (its retention put back), but only while the bucket holds no more points than the move
 * carried into it (as its carrying journalled them) and its validation probed with: points written
 * there since (services already moved) are never deleted by a rollback.
 */
public final class CreateTargetBucket extends BaseAction {
    public static final String KIND = "create-target-bucket";

    public CreateTargetBucket(Map<String, String> params) {
        super(KIND, params);
    }

    /** @param existing the retention of the bucket when the 2.x server had it (empty) as the move was planned */
    public static CreateTargetBucket of(BucketSpec bucket, Optional<Retention> existing) {
        Map<String, String> params = new LinkedHashMap<>(Map.of("bucket", bucket.name(),
                "retention", bucket.retention().format()));
        existing.ifPresent(retention -> params.put("existedWithRetention", retention.format()));
        return new CreateTargetBucket(params);
    }

    @Override
    public String describe() {
        return existedWithRetention().isPresent()
                ? "Take the empty bucket " + param("bucket") + " the InfluxDB 2.x server has, with retention " + spec().retention()
                : "Make bucket " + param("bucket") + " on the InfluxDB 2.x server, with retention " + spec().retention();
    }

    @Override
    public String describeUndo() {
        return "Take bucket " + param("bucket") + " off the 2.x server again (an empty one that was there stays, empty)";
    }

    @Override
    public void execute(RunContext ctx) {
        InfluxPort target = ctx.ports().target();
        Optional<BucketSpec> existing = live(target);
        if (existing.isEmpty()) {
            target.createBucket(spec());
            return;
        }
        if (existedWithRetention().isEmpty()) {
            throw ResetException.problem("Bucket " + param("bucket") + " appeared on the 2.x server after the move was "
                    + "planned.", "Find out what made it, then plan the move again.", null);
        }
        long points = points(target);
        if (points > 0) {
            throw ResetException.problem("Bucket " + param("bucket") + " on the 2.x server holds " + points
                    + " point(s) already; a move never writes over data.", "Delete that bucket on the 2.x server, "
                    + "or leave it out of the move and merge it with 'restore ID --into-existing'.", null);
        }
        if (!existing.get().retention().equals(spec().retention())) {
            target.updateRetention(spec());
        }
    }

    @Override
    public List<Precondition> undoPreconditions(RunContext ctx, UndoFacts facts) {
        String what = "bucket " + param("bucket") + " on the 2.x server holds only the points the move carried";
        InfluxPort target = ctx.ports().target();
        if (live(target).isEmpty()) {
            return List.of(Precondition.holds(what));
        }
        long probes = new SchemaValidator(ctx.profile(), target).probesIn(param("bucket"), ctx.runId());
        Optional<ActionRecord> delta = facts.run().stream().filter(a -> a.kind().equals(CarryDelta.KIND)
                && a.facts().containsKey(CarryDelta.fromKey(param("bucket")))).findFirst();
        if (delta.isEmpty()) {
            return List.of(atMost(what, points(target) - probes, history(facts)));
        }
        Instant from = Instant.parse(delta.get().facts().get(CarryDelta.fromKey(param("bucket"))));
        long deltaCarried = CarryData.pointsWrittenInto(delta.get(), param("bucket")).orElse(0L);
        return List.of(atMost(what + " stamped before " + from, points(target, Instant.EPOCH, from), history(facts)),
                atMost(what + " stamped from " + from + " on", points(target, from, LiveRange.END) - probes, deltaCarried));
    }

    private static Precondition atMost(String what, long held, long carried) {
        return held <= carried ? Precondition.holds(what) : Precondition.fails(what, "it holds " + held + " point(s), "
                + (held - carried) + " more than the move carried: something writes there now (a service already "
                + "moved?); move it back to 1.x, or delete the bucket on the 2.x server yourself");
    }

    @Override
    public void undo(RunContext ctx) {
        InfluxPort target = ctx.ports().target();
        target.deleteBucket(param("bucket"));
        existedWithRetention().ifPresent(retention -> target.createBucket(new BucketSpec(param("bucket"), retention)));
    }

    private Optional<Retention> existedWithRetention() {
        return Optional.ofNullable(params().get("existedWithRetention")).flatMap(Retention::parse);
    }

    /**
     * What the move's carrying of the history wrote into this bucket, as it journalled it while
     * carrying (see {@link CarryData#pointsWrittenInto}); a run journalled before that was recorded
     * falls back on the forecast.
     */
    private long history(UndoFacts facts) {
        Optional<ActionRecord> carrying = facts.run().stream().filter(a -> a.kind().equals(CarryData.KIND)).findFirst();
        Optional<Long> written = carrying.flatMap(a -> CarryData.pointsWrittenInto(a, param("bucket")));
        if (written.isPresent() || carrying.map(a -> a.status() == ActionStatus.PLANNED).orElse(true)) {
            return written.orElse(0L);
        }
        return facts.run().stream().filter(a -> a.kind().equals(ForecastCarry.KIND)).findFirst()
                .map(a -> CarryTally.allFromFacts(a.facts()))
                .map(all -> all.get(param("bucket"))).map(CarryTally::carried).orElse(0L);
    }

    private Optional<BucketSpec> live(InfluxPort target) {
        return target.buckets().stream().filter(b -> b.name().equals(param("bucket"))).findFirst();
    }

    private long points(InfluxPort target) {
        return target.countPoints(param("bucket")).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Points stamped in [from, to): per measurement the most values of one field. */
    private long points(InfluxPort target, Instant from, Instant to) {
        return FieldCounts.points(target.countFieldValues(param("bucket"), from, to));
    }

    private BucketSpec spec() {
        return new BucketSpec(param("bucket"), Retention.parse(param("retention")).orElseThrow());
    }
}
