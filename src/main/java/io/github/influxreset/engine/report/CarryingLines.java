package io.github.influxreset.engine.report;

import io.github.influxreset.domain.CarryTally;
import io.github.influxreset.engine.actions.CarryData;
import io.github.influxreset.engine.actions.ForecastCarry;
import io.github.influxreset.engine.run.ActionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The carrying of a run that kept the data (or moved it), one line per bucket: the points forecast
 * before the confirmation beside the points written, and why they differ. Empty for a run that
 * carried nothing.
 */
public final class CarryingLines {
    private CarryingLines() {
    }

    public static List<String> of(List<ActionRecord> actions) {
        Map<String, CarryTally> forecast = tallies(actions, ForecastCarry.KIND);
        Map<String, CarryTally> written = tallies(actions, CarryData.KIND);
        List<String> lines = new ArrayList<>();
        written.forEach((bucket, tally) -> {
            long promised = forecast.containsKey(bucket) ? forecast.get(bucket).carried() : 0;
            long more = tally.carried() - promised;
            lines.add(bucket + ": " + promised + " points forecast, " + tally.carried() + " carried" + (more > 0
                    ? ": the forecast plus " + more + " written by the services before they stopped (the backup set "
                    + "sealed at the stop holds them)" : ""));
        });
        return lines;
    }

    private static Map<String, CarryTally> tallies(List<ActionRecord> actions, String kind) {
        return actions.stream().filter(a -> a.kind().equals(kind)).findFirst()
                .map(a -> CarryTally.allFromFacts(a.facts())).orElse(Map.of());
    }
}
