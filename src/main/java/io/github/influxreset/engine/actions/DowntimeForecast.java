package io.github.influxreset.engine.actions;

import io.github.influxreset.engine.run.ActionRecord;
import io.github.influxreset.engine.run.ActionStatus;
import io.github.influxreset.engine.run.RunContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a run's write path will go through, said before the user confirms: which services stop, what
 * the run does while they are stopped (none of it grows with the data: the seal exports what was
 * written since the backup, a full reset renames), and that the old points are carried after the restart, with the time the forecast's
 * read of them took. Never a promise: restarts and health waits come on top. Reads the run's journal only.
 */
public final class DowntimeForecast {
    private DowntimeForecast() {
    }

    /** One paragraph for a person, the old points carried as the run has it chosen. */
    public static String of(RunContext ctx) {
        return of(ctx, ctx.keepData());
    }

    /** One paragraph for a person, the old points carried or not. */
    public static String of(RunContext ctx, boolean keepData) {
        List<ActionRecord> actions = ctx.journalActions();
        List<String> services = actions.stream().filter(a -> a.kind().equals(StopService.KIND))
                .map(a -> a.params().get("service")).toList();
        boolean switches = actions.stream().anyMatch(a -> a.kind().equals(SwitchBucket.KIND));
        if (services.isEmpty()) {
            if (actions.stream().anyMatch(a -> a.kind().equals(CreateTargetBucket.KIND))) {
                return "Downtime: none. No service stops: they keep writing to 1.x while the points are copied, and "
                        + "what they write meanwhile is copied after the history.";
            }
            return switches ? "Downtime: none. No service stops; a write to a bucket's name is refused only while that "
                    + "bucket is switched (milliseconds)." : "Downtime: none. No service stops.";
        }
        List<String> work = new ArrayList<>();
        boolean sealsAfter = actions.stream().anyMatch(a -> a.kind().equals(SealBackup.KIND) && SealBackup.afterTheRestart(a.params()));
        if (actions.stream().anyMatch(a -> a.kind().equals(SealBackup.KIND)) && !sealsAfter) {
            work.add("seals the backup with what the services wrote since it began (counted per field; "
                    + "its time follows those minutes of writes, not the data)");
        }
        if (actions.stream().anyMatch(a -> a.kind().equals(DeleteBucket.KIND) && DeleteBucket.setsAside(a.params()))) {
            work.add("renames the old buckets aside (instant at any size) and creates the new ones; the backup is "
                    + "sealed from the old buckets after the restart");
        }
        if (actions.stream().anyMatch(a -> a.kind().equals(KeepVolumeCopy.KIND))) {
            work.add("copies the InfluxDB volumes for the rollback (longer the larger they are)");
        }
        if (actions.stream().anyMatch(a -> a.kind().equals(SetAsideData.KIND))) {
            work.add("moves InfluxDB's data aside inside its volumes (renames, instant at any size) and starts it empty");
        }
        Optional<Duration> read = took(actions, ForecastCarry.KIND);
        String carrying = keepData && actions.stream().anyMatch(a -> a.kind().equals(CarryData.KIND))
                ? " The old points are carried into the new buckets after the services are healthy again, while they "
                + "write (not in the downtime" + read.map(d -> "; reading them for the forecast took " + seconds(d)).orElse("")
                + ")." : "";
        return "Downtime: " + services.size() + " service(s) stop (" + String.join(", ", services) + ") until they are "
                + "healthy again, while the run " + String.join("; ", work) + ". Expect a few seconds without writes"
                + (ctx.profile().influx().isV1() ? "." : "; an online reset (InfluxDB 2.x) stops nothing.") + carrying;
    }

    private static Optional<Duration> took(List<ActionRecord> actions, String kind) {
        return actions.stream().filter(a -> a.kind().equals(kind) && a.status() == ActionStatus.DONE
                && a.started() != null && a.ended() != null).findFirst().map(a -> Duration.between(a.started(), a.ended()));
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
