package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.BackupInfo;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.CarryTally;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.SwitchNames;
import io.github.influxreset.engine.data.DataCarrier;
import io.github.influxreset.engine.run.ActionRecord;
import io.github.influxreset.engine.run.RunContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When the user chose to keep the data: writes the old points of each bucket, from the run's
 * verified backup set, into the new bucket, converted to the profile's schema by the rules and the
 * cutoff {@link ForecastCarry} forecast with, then fails unless every forecast value was written and
 * InfluxDB counts every written value ({@link CarryComparison}). The set carried is the one sealed at
 * the stop when the services wrote after the first one, so it may hold more than was forecast:
 * that is never a failure. Run again after a crash, it writes the same points over themselves.
 *
 * <p>What it writes is journalled as it goes, for an undo that must tell its points from others'
 * (the move's): before a bucket's carrying, at most the set's points of that bucket ({@link
 * #atMostKey}); right after it, the exact tally of what was written. Undo itself has nothing to do:
 * the points live in the buckets this run created, which the undo of their creation takes away (the
 * rollback backs such a bucket up first when it holds points).
 */
public final class CarryData extends ReadOnlyAction {
    public static final String KIND = "carry-data";
    private final Map<String, String> journalled = new ConcurrentHashMap<>();

    public CarryData(Map<String, String> params) {
        super(KIND, params, "Nothing to undo (the carried points go with the buckets this run made)");
    }

    public static CarryData of() {
        return new CarryData(Map.of());
    }

    /** An online reset's carrying: into each bucket's {@link SwitchNames#next()} of the run, beside the live one. */
    public static CarryData intoNext(String run) {
        return new CarryData(Map.of("run", run));
    }

    /** The bucket the points of {@code bucket} are written into. */
    private String into(String bucket) {
        return params().containsKey("run") ? new SwitchNames(bucket, param("run")).next() : bucket;
    }

    /** The fact, recorded before a bucket's carrying begins, of the most points it can write into the bucket. */
    public static String atMostKey(String bucket) {
        return "atMost:" + bucket;
    }

    /**
     * The points this run's carrying wrote into {@code bucket}, as its journal row says: the exact
     * count once the bucket was carried, the most it could have written when it was interrupted while
     * carrying it, zero when it had not reached it; empty when the row recorded nothing at all.
     */
    public static Optional<Long> pointsWrittenInto(ActionRecord carrying, String bucket) {
        Map<String, String> facts = carrying.facts();
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        CarryTally written = CarryTally.allFromFacts(facts).get(bucket);
        if (written != null) {
            return Optional.of(written.carried());
        }
        return Optional.of(Long.parseLong(facts.getOrDefault(atMostKey(bucket), "0")));
    }

    @Override
    public String describe() {
        return "If chosen: carry the old points into the new buckets" + (params().containsKey("run") ? " (beside the live "
                + "ones, the services still writing)" : "") + ", converted to the new schema, and compare what they hold "
                + "with the forecast";
    }

    @Override
    public void execute(RunContext ctx) {
        journalled.clear();
        if (!ctx.keepData()) {
            ctx.info("The old points were not carried (not chosen); they are in backup set " + ctx.backupId() + ".");
            return;
        }
        Map<String, CarryTally> forecast = CarryTally.allFromFacts(ctx.action(ForecastCarry.KIND)
                .orElseThrow(() -> ResetException.problem("This run has no forecast, so no point is carried blind.",
                        "Roll the run back and start it again.", null)).facts());
        String set = ctx.backupId();
        for (BucketSpec bucket : ctx.profile().buckets()) {
            CarryTally expected = forecast.getOrDefault(bucket.name(), emptyForecast(bucket));
            long atMost = ctx.ports().backups().holdsBucket(set, bucket.name()) ? pointsInSet(ctx, set, bucket.name()) : 0;
            if (atMost == 0 && expected.measurements().isEmpty()) {
                continue;
            }
            journal(ctx, Map.of(atMostKey(bucket.name()), Long.toString(atMost)));
            CarryTally written = new DataCarrier(ctx.profile()).carry(bucket.name(), into(bucket.name()),
                    line -> ctx.ports().backups().exportLines(set, bucket.name(), line), expected.cutoff(),
                    ctx.ports().target(), new DataCarrier.Expected(Math.max(atMost, expected.carried()), expected.valuesRead()),
                    ctx.progress());
            written.setCutoff(expected.cutoff());
            journal(ctx, CarryTally.toFacts(List.of(written)));
            new CarryComparison(bucket.name(), expected, written).require(ctx, ctx.ports().target()
                    .countFieldValues(into(bucket.name())));
        }
    }

    private void journal(RunContext ctx, Map<String, String> facts) {
        journalled.putAll(facts);
        ctx.recordFacts(new LinkedHashMap<>(journalled));
    }

    /** A bucket the forecast did not see points of (the services wrote its first ones after the first set). */
    private static CarryTally emptyForecast(BucketSpec bucket) {
        CarryTally none = new CarryTally(bucket.name());
        none.setCutoff(DataCarrier.cutoff(bucket, Instant.now()));
        return none;
    }

    /** The points the set holds of a bucket, as its manifest counted them. */
    static long pointsInSet(RunContext ctx, String set, String bucket) {
        return ctx.ports().backups().info(set).buckets().stream().filter(b -> b.name().equals(bucket))
                .mapToLong(BackupInfo.Bucket::totalPoints).sum();
    }

    @Override
    public Map<String, String> factsAfterExecute(RunContext ctx) {
        return Map.copyOf(journalled);
    }
}
