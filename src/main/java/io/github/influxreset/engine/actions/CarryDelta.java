package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.CarryTally;
import io.github.influxreset.domain.LinePoint;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.SwitchNames;
import io.github.influxreset.engine.ActionRecord;
import io.github.influxreset.engine.DataCarrier;
import io.github.influxreset.engine.LiveRange;
import io.github.influxreset.engine.RunContext;
import io.github.influxreset.engine.port.InfluxPort;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * After an online reset's switches, with the services writing to the new buckets: what they wrote
 * to the old ones since the backup set was made is carried into the new ones, converted as the
 * history was. The delta is every value of the old bucket stamped after the backup began, less a
 * margin; a value written over the same series, time and field again is the same, so the overlap
 * costs nothing. That holds only while the old bucket's older values are those the set holds: if a
 * writer stamped values further back after the backup, they differ, and the whole old bucket is
 * carried again (still without stopping anything).
 *
 * <p>The old bucket is read until it holds no more than was carried (a write that reached it in
 * the moment of the switch is carried in a second round). A value the new bucket lacks afterwards
 * fails the step; its undo has nothing of its own to do (the switch's undo takes the new buckets away).
 */
public final class CarryDelta extends ReadOnlyAction {
    public static final String KIND = "carry-delta";
    static final Duration MARGIN = Duration.ofMinutes(10);
    private static final int ROUNDS = 3;
    private final List<String> writtenTo = new CopyOnWriteArrayList<>();

    public CarryDelta(Map<String, String> params) {
        super(KIND, params, "Nothing to undo (the points go with the new buckets, which the switch's undo takes away)");
    }

    public static CarryDelta of(String run) {
        return new CarryDelta(Map.of("run", run));
    }

    @Override
    public String describe() {
        return "If chosen: carry what the services wrote to the old buckets since the backup into the new ones";
    }

    @Override
    public void execute(RunContext ctx) {
        writtenTo.clear();
        if (!ctx.keepData()) {
            ctx.info("The old points were not carried (not chosen); the old buckets keep them under their .before-" + param("run")
                    + " names.");
            return;
        }
        Instant backupStarted = ctx.action(WriteBackup.KIND).map(ActionRecord::started).orElseThrow(() ->
                ResetException.problem("This run has no backup, so its delta is unknown.", "Roll the run back.", null));
        Map<String, CarryTally> forecast = CarryTally.allFromFacts(ctx.action(ForecastCarry.KIND).map(ActionRecord::facts)
                .orElse(Map.of()));
        for (BucketSpec bucket : ctx.profile().buckets()) {
            SwitchNames names = new SwitchNames(bucket.name(), param("run"));
            if (!ctx.ports().target().bucketIds().containsKey(names.before())) {
                continue;
            }
            long cutoff = forecast.containsKey(bucket.name()) ? forecast.get(bucket.name()).cutoff()
                    : DataCarrier.cutoff(bucket, Instant.now());
            Instant from = olderValuesAsInTheSet(ctx, names, backupStarted.minus(MARGIN))
                    ? backupStarted.minus(MARGIN) : Instant.EPOCH;
            CarryTally carried = carryUntilStill(ctx, names, from, cutoff);
            if (carried.carried() > 0) {
                writtenTo.add(bucket.name());
            }
            ctx.info("Bucket " + bucket.name() + ": " + carried.carried() + " point(s) the services wrote to the old bucket "
                    + "since " + from + " carried into the new one.");
        }
    }

    /** Whether the old bucket's values stamped before {@code t0} are, per measurement and field, those the run's set holds. */
    private static boolean olderValuesAsInTheSet(RunContext ctx, SwitchNames names, Instant t0) {
        if (!ctx.ports().backups().holdsBucket(ctx.backupId(), names.bucket())) {
            return false;
        }
        long stop = t0.getEpochSecond() * 1_000_000_000L + t0.getNano();
        Map<String, Map<String, Long>> inSet = new HashMap<>();
        ctx.ports().backups().exportLines(ctx.backupId(), names.bucket(), line -> {
            if (!line.isBlank() && !line.startsWith("#")) {
                LinePoint point = LinePoint.parse(line);
                if (point.time() < stop) {
                    point.fields().keySet().forEach(f -> inSet.computeIfAbsent(point.measurement(), m -> new HashMap<>())
                            .merge(f, 1L, Long::sum));
                }
            }
        });
        Map<String, Map<String, Long>> live = ctx.ports().target().countFieldValues(names.before(), Instant.EPOCH, t0);
        if (!live.equals(inSet)) {
            ctx.warn("Values stamped before " + t0 + " reached bucket " + names.bucket() + " after the backup was made, so "
                    + "the whole old bucket is carried again (the services keep writing meanwhile).");
            return false;
        }
        return true;
    }

    private CarryTally carryUntilStill(RunContext ctx, SwitchNames names, Instant from, long cutoff) {
        InfluxPort influx = ctx.ports().target();
        for (int round = 1; round <= ROUNDS; round++) {
            Map<String, Map<String, Long>> held = influx.countFieldValues(names.before(), from, LiveRange.END);
            CarryTally tally = new DataCarrier(ctx.profile()).carry(names.bucket(), names.bucket(),
                    new LiveRange(influx, names.before(), from, LiveRange.END).lines(), cutoff, influx, most(held),
                    ctx.progress());
            Map<String, Map<String, Long>> read = new HashMap<>();
            tally.measurements().forEach((m, counts) -> read.put(m, new HashMap<>(counts.readValues())));
            if (read.equals(influx.countFieldValues(names.before(), from, LiveRange.END))) {
                requireHeld(names.bucket(), tally, influx.countFieldValues(names.bucket(), from, LiveRange.END));
                return tally;
            }
            ctx.info("Bucket " + names.before() + " took values while they were carried (writes on their way at the "
                    + "switch); carrying once more.");
        }
        throw ResetException.problem("Bucket " + names.before() + " keeps taking new values after the switch, so what the "
                + "services wrote to it cannot be carried whole.", "Find what writes to " + names.before()
                + " by its id (a DBRP mapping of the 1.x API?), then roll the run back.", null);
    }

    /** The new bucket holds at least every value carried into it (the services add more). */
    private static void requireHeld(String bucket, CarryTally written, Map<String, Map<String, Long>> stored) {
        List<String> missing = CarryComparison.heldShortOf(written, stored);
        if (!missing.isEmpty()) {
            throw ResetException.problem("Bucket " + bucket + " does not hold what was carried into it after the switch ("
                    + String.join("; ", missing) + ").", "The run is rolled back; the old bucket keeps every point.", null);
        }
    }

    private static long most(Map<String, Map<String, Long>> values) {
        return values.values().stream().mapToLong(f -> f.values().stream().mapToLong(Long::longValue).max().orElse(0)).sum();
    }

    @Override
    public Map<String, String> factsAfterExecute(RunContext ctx) {
        return Map.of(SealBackup.WRITTEN_TO, String.join(",", writtenTo));
    }
}
