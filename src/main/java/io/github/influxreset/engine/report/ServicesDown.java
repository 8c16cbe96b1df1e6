package io.github.influxreset.engine.report;

import io.github.influxreset.engine.actions.StartService;
import io.github.influxreset.engine.actions.StopService;
import io.github.influxreset.engine.run.ActionRecord;
import io.github.influxreset.engine.run.ActionStatus;
import io.github.influxreset.engine.run.RollbackPlanner;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services a run stopped and has not started again, read from its journal, and since when:
 * what a question asked now costs the home, said before the person answers. Pure.
 */
public record ServicesDown(List<String> services, Duration stoppedFor) {
    public ServicesDown {
        services = List.copyOf(services);
    }

    /** The services down now by the run's actions (a stop done and not undone, no start done after it); empty when none. */
    public static Optional<ServicesDown> of(List<ActionRecord> actions, Instant now) {
        Map<String, Instant> down = new LinkedHashMap<>();
        actions.stream().sorted(Comparator.comparingInt(ActionRecord::index)).forEach(action -> {
            String service = action.params().get("service");
            if (action.kind().equals(StopService.KIND) && action.status() == ActionStatus.DONE && action.started() != null
                    && !"false".equals(action.params().get("wasRunning"))) {
                down.put(service, action.started());
            } else if (action.kind().equals(StartService.KIND) && action.status() == ActionStatus.DONE) {
                down.remove(service);
            }
        });
        return down.values().stream().min(Instant::compareTo)
                .map(first -> new ServicesDown(List.copyOf(down.keySet()), Duration.between(first, now)));
    }

    /** One sentence: which services are down, for how long already, and what that costs. */
    public String sentence() {
        return (services.size() == 1 ? "Service " + services.get(0) + " has" : "Services " + String.join(", ", services)
                + " have") + " been stopped for " + RollbackPlanner.describeAge(stoppedFor)
                + ": while they are down, the home's writers keep nothing.";
    }
}
