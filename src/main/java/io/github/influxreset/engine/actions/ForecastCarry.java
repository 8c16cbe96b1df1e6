package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.CarryTally;
import io.github.influxreset.engine.data.CountedProgress;
import io.github.influxreset.engine.data.DataCarrier;
import io.github.influxreset.engine.run.RunContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reads the profile's buckets in the run's verified backup set and works out what carrying them
 * into the profile's schema would do (per bucket and measurement: carried, converted, skipped as too
 * old, left out and why), before the user confirms; changes nothing. The forecast, with the
 * retention cutoff each bucket used, is kept in the journal for {@link CarryData}, which must match
 * it. Skipped when the user said beforehand not to keep the data.
 */
public final class ForecastCarry extends ReadOnlyAction {
    public static final String KIND = "forecast-carry";
    private final List<CarryTally> forecast = new CopyOnWriteArrayList<>();

    public ForecastCarry(Map<String, String> params) {
        super(KIND, params, "Nothing to undo (read only)");
    }

    public static ForecastCarry of() {
        return new ForecastCarry(Map.of());
    }

    @Override
    public String describe() {
        return "Work out what carrying the old points into the new schema would do, per bucket and measurement (read only)";
    }

    @Override
    public void execute(RunContext ctx) {
        forecast.clear();
        if (ctx.keepDataDeclined()) {
            ctx.info("The old points are not to be carried (not asked for), so none is forecast.");
            return;
        }
        for (BucketSpec bucket : ctx.profile().buckets()) {
            if (!ctx.ports().backups().holdsBucket(ctx.backupId(), bucket.name())) {
                continue;
            }
            long cutoff = DataCarrier.cutoff(bucket, Instant.now());
            CountedProgress reading = new CountedProgress("Forecast of bucket " + bucket.name() + ", reading the backup",
                    "points", CarryData.pointsInSet(ctx, ctx.backupId(), bucket.name()), ctx.progress());
            CarryTally tally = new DataCarrier(ctx.profile()).forecast(bucket.name(),
                    line -> ctx.ports().backups().exportLines(ctx.backupId(), bucket.name(), line), cutoff,
                    soFar -> reading.at(soFar.pointsRead()));
            tally.setCutoff(cutoff);
            forecast.add(tally);
            tally.lines(bucket.retention().toString()).forEach(line -> ctx.info("Forecast: " + line));
        }
    }

    @Override
    public Map<String, String> factsAfterExecute(RunContext ctx) {
        return CarryTally.toFacts(new ArrayList<>(forecast));
    }
}
