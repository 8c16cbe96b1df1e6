package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.CarryTally;
import io.github.influxreset.domain.FieldCounts;
import io.github.influxreset.domain.LinePoint;
import io.github.influxreset.domain.LineProtocol;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.SwitchNames;
import io.github.influxreset.engine.data.DataCarrier;
import io.github.influxreset.engine.data.LiveRange;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.engine.run.ActionRecord;
import io.github.influxreset.engine.run.RunContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Carries what the services wrote after the backup set was made, converted as the history was,
 * along one of two routes: after an online reset's switches, from each old bucket (now under its
 * {@code .before-RUN} name) into the new one, with the services writing to the new ones; in a move
 * (which stops nothing), from each live 1.x database into its bucket on the 2.x server, with the
 * services still writing to 1.x. The delta is every value stamped after the backup began, less a
 * margin; a value written over the same series, time and field again is the same, so the overlap
 * costs nothing. That holds only while the source's older values are those the set holds: if a
 * writer stamped values further back after the backup, they differ, and the whole source is carried
 * (still without stopping anything).
 *
 * <p>An old bucket, which no service writes to after its switch, is read until it holds no more
 * than was carried (a write that reached it in the moment of the switch is carried in a second
 * round). A 1.x database the services still write to is read once: every value it held when the
 * reading began must be on 2.x afterwards; those it takes later are carried by {@code move
 * --catch-up} once the services write to 2.x. A value missing on arrival fails the step.
 *
 * <p>Like {@link CarryData}, it journals at most how many points it may write into each bucket
 * before, and exactly how many after, so a move's rollback tells its points from others'. Undo has
 * nothing of its own to do (the points go with the buckets the run made).
 */
public final class CarryDelta extends ReadOnlyAction {
    public static final String KIND = "carry-delta";
    /** The fact of when the last reading of the sources began: what a later catch-up carries from. */
    public static final String READ_FROM = "readFrom";
    static final Duration MARGIN = Duration.ofMinutes(10);
    private static final int ROUNDS = 3;
    private final List<String> writtenTo = new CopyOnWriteArrayList<>();
    private final Map<String, String> journalled = new ConcurrentHashMap<>();

    public CarryDelta(Map<String, String> params) {
        super(KIND, params, "Nothing to undo (the points go with the buckets the run made)");
    }

    /** The fact, recorded before a bucket's delta is carried, of the instant its reading starts from. */
    public static String fromKey(String bucket) {
        return "from:" + bucket;
    }

    /** An online reset's: from the old buckets of run {@code run} into the new ones. */
    public static CarryDelta of(String run) {
        return new CarryDelta(Map.of("run", run));
    }

    /** A move's: from the live 1.x databases into the 2.x buckets. */
    public static CarryDelta fromTheSource() {
        return new CarryDelta(Map.of("route", "source"));
    }

    /** A move's catch-up: what the 1.x databases took since {@code since} (less the margin). */
    public static CarryDelta fromTheSourceSince(Instant since) {
        return new CarryDelta(Map.of("route", "source", "since", since.toString()));
    }

    /** Where one bucket's delta is read and where it goes. */
    private record Route(InfluxPort from, String fromBucket, InfluxPort into, String intoBucket, String bucket) {
    }

    private Optional<Route> route(RunContext ctx, BucketSpec bucket) {
        InfluxPort target = ctx.ports().target();
        if (params().containsKey("run")) {
            SwitchNames names = new SwitchNames(bucket.name(), param("run"));
            return target.bucketIds().containsKey(names.before())
                    ? Optional.of(new Route(target, names.before(), target, names.bucket(), bucket.name())) : Optional.empty();
        }
        InfluxPort source = ctx.ports().influx();
        return source.buckets().stream().anyMatch(b -> b.name().equals(bucket.name()))
                ? Optional.of(new Route(source, bucket.name(), target, bucket.name(), bucket.name())) : Optional.empty();
    }

    @Override
    public String describe() {
        if (params().containsKey("since")) {
            return "Carry what the services wrote to 1.x since " + param("since") + " into the 2.x buckets";
        }
        return params().containsKey("run")
                ? "If chosen: carry what the services wrote to the old buckets since the backup into the new ones"
                : "If chosen: carry what the services wrote to 1.x since the backup into the 2.x buckets (nothing stops)";
    }

    @Override
    public void execute(RunContext ctx) {
        writtenTo.clear();
        journalled.clear();
        if (!ctx.keepData() && !params().containsKey("since")) {
            ctx.info(params().containsKey("run") ? "The old points were not carried (not chosen); the old buckets keep them "
                    + "under their .before-" + param("run") + " names." : "The points were not carried (not chosen).");
            return;
        }
        Instant began = params().containsKey("since") ? Instant.parse(param("since"))
                : ctx.action(WriteBackup.KIND).map(ActionRecord::started).orElseThrow(() -> ResetException.problem(
                "This run has no backup, so its delta is unknown.", "Roll the run back.", null));
        Map<String, CarryTally> forecast = CarryTally.allFromFacts(ctx.action(ForecastCarry.KIND).map(ActionRecord::facts)
                .orElse(Map.of()));
        journal(ctx, Map.of(READ_FROM, Instant.now().toString()));
        for (BucketSpec bucket : ctx.profile().buckets()) {
            Optional<Route> route = route(ctx, bucket);
            if (route.isEmpty()) {
                continue;
            }
            long cutoff = forecast.containsKey(bucket.name()) ? forecast.get(bucket.name()).cutoff()
                    : DataCarrier.cutoff(bucket, Instant.now());
            Instant from = params().containsKey("since") || olderValuesAsInTheSet(ctx, route.get(), began.minus(MARGIN))
                    ? began.minus(MARGIN) : Instant.EPOCH;
            journal(ctx, Map.of(fromKey(bucket.name()), from.toString()));
            CarryTally carried = params().containsKey("run") ? carryUntilStill(ctx, route.get(), from, cutoff)
                    : carryOnce(ctx, route.get(), from, cutoff);
            if (carried.carried() > 0) {
                writtenTo.add(bucket.name());
            }
            ctx.info("Bucket " + bucket.name() + ": " + carried.carried() + " point(s) the services wrote to "
                    + route.get().fromBucket() + " since " + from + " carried into " + route.get().intoBucket() + ".");
        }
    }

    /** Whether the source's values stamped before {@code t0} are, per measurement and field, those the run's set holds. */
    private static boolean olderValuesAsInTheSet(RunContext ctx, Route route, Instant t0) {
        if (!ctx.ports().backups().holdsBucket(ctx.backupId(), route.bucket())) {
            return false;
        }
        long stop = LineProtocol.nanos(t0);
        Map<String, Map<String, Long>> inSet = new HashMap<>();
        ctx.ports().backups().exportLines(ctx.backupId(), route.bucket(), line -> {
            if (!line.isBlank() && !line.startsWith("#")) {
                LinePoint point = LinePoint.parse(line);
                if (point.time() < stop) {
                    point.fields().keySet().forEach(f -> inSet.computeIfAbsent(point.measurement(), m -> new HashMap<>())
                            .merge(f, 1L, Long::sum));
                }
            }
        });
        Map<String, Map<String, Long>> live = route.from().countFieldValues(route.fromBucket(), Instant.EPOCH, t0);
        if (!FieldCounts.nonZero(live).equals(FieldCounts.nonZero(inSet))) {
            ctx.warn("Values stamped before " + t0 + " reached " + route.fromBucket() + " after the backup was made, so "
                    + "all of it is carried again (the services keep writing meanwhile).");
            return false;
        }
        return true;
    }

    /** One reading of a source the services still write to: every value it held when the reading began arrives. */
    private CarryTally carryOnce(RunContext ctx, Route route, Instant from, long cutoff) {
        Map<String, Map<String, Long>> held = route.from().countFieldValues(route.fromBucket(), from, LiveRange.END);
        CarryTally tally = carry(ctx, route, from, cutoff, held);
        List<String> unread = readShortOf(readValues(tally), held);
        if (!unread.isEmpty()) {
            throw ResetException.problem(route.fromBucket() + " held values that were not read (" + String.join("; ", unread)
                    + ").", "Nothing on 1.x changed; roll the move back or run it again.", null);
        }
        requireHeld(route.intoBucket(), tally, route.into().countFieldValues(route.intoBucket(), from, LiveRange.END));
        return tally;
    }

    private CarryTally carryUntilStill(RunContext ctx, Route route, Instant from, long cutoff) {
        for (int round = 1; round <= ROUNDS; round++) {
            Map<String, Map<String, Long>> held = route.from().countFieldValues(route.fromBucket(), from, LiveRange.END);
            CarryTally tally = carry(ctx, route, from, cutoff, held);
            Map<String, Map<String, Long>> heldAfter = route.from().countFieldValues(route.fromBucket(), from, LiveRange.END);
            if (FieldCounts.nonZero(readValues(tally)).equals(FieldCounts.nonZero(heldAfter))) {
                requireHeld(route.intoBucket(), tally, route.into().countFieldValues(route.intoBucket(), from, LiveRange.END));
                return tally;
            }
            ctx.info("Bucket " + route.fromBucket() + " took values while they were carried (writes on their way at the "
                    + "switch); carrying once more.");
        }
        throw ResetException.problem("Bucket " + route.fromBucket() + " keeps taking new values after the switch, so what "
                + "the services wrote to it cannot be carried whole.", "Find what writes to " + route.fromBucket()
                + " by its id (a DBRP mapping of the 1.x API?), then roll the run back.", null);
    }

    private CarryTally carry(RunContext ctx, Route route, Instant from, long cutoff, Map<String, Map<String, Long>> held) {
        long atMost = FieldCounts.points(held);
        journal(ctx, Map.of(CarryData.atMostKey(route.bucket()), Long.toString(atMost
                + Long.parseLong(journalled.getOrDefault(CarryData.atMostKey(route.bucket()), "0")))));
        CarryTally tally = new DataCarrier(ctx.profile()).carry(route.bucket(), route.intoBucket(),
                new LiveRange(route.from(), route.fromBucket(), from, LiveRange.END).lines(), cutoff, route.into(),
                new DataCarrier.Expected(atMost, FieldCounts.total(held)), ctx.progress());
        journal(ctx, CarryTally.toFacts(List.of(tally)));
        return tally;
    }

    private static Map<String, Map<String, Long>> readValues(CarryTally tally) {
        Map<String, Map<String, Long>> read = new HashMap<>();
        tally.measurements().forEach((m, counts) -> read.put(m, new HashMap<>(counts.readValues())));
        return read;
    }

    /** Each field of which fewer values were read than the source held when the reading began. */
    private static List<String> readShortOf(Map<String, Map<String, Long>> read, Map<String, Map<String, Long>> held) {
        List<String> shortOf = new ArrayList<>();
        held.forEach((measurement, fields) -> fields.forEach((field, n) -> {
            long got = read.getOrDefault(measurement, Map.of()).getOrDefault(field, 0L);
            if (got < n) {
                shortOf.add(measurement + "." + field + ": " + n + " held, " + got + " read");
            }
        }));
        return shortOf;
    }

    /** The new bucket holds at least every value carried into it (the services add more). */
    private static void requireHeld(String bucket, CarryTally written, Map<String, Map<String, Long>> stored) {
        List<String> missing = CarryComparison.heldShortOf(written, stored);
        if (!missing.isEmpty()) {
            throw ResetException.problem("Bucket " + bucket + " does not hold what was carried into it ("
                    + String.join("; ", missing) + ").", "The run is rolled back; the source keeps every point.", null);
        }
    }

    private void journal(RunContext ctx, Map<String, String> facts) {
        journalled.putAll(facts);
        ctx.recordFacts(new LinkedHashMap<>(journalled));
    }

    @Override
    public Map<String, String> factsAfterExecute(RunContext ctx) {
        Map<String, String> facts = new LinkedHashMap<>(journalled);
        facts.put(SealBackup.WRITTEN_TO, String.join(",", writtenTo));
        return facts;
    }
}
