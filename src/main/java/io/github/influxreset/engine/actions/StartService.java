package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.ContainerInfo;
import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.ServiceSpec;
import io.github.influxreset.engine.run.RunContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts a compose service and waits until it is healthy; undo stops it. A service that was not
 * healthy before the run (param {@code unhealthyBefore}, why not) is waited for until it runs, and
 * its health is then said, not judged: its old trouble is not this run's failure.
 */
public final class StartService extends BaseAction {
    public static final String KIND = "start-service";
    static final Duration TIMEOUT = Duration.ofSeconds(90);
    /** The param, on a start and on the stop whose undo starts the service again: why it was not healthy before the run. */
    static final String UNHEALTHY_BEFORE = "unhealthyBefore";

    public StartService(Map<String, String> params) {
        super(KIND, params);
    }

    /** A start that waits for the service's health: it was healthy before the run. */
    public static StartService of(ServiceSpec service) {
        return of(service, Optional.empty());
    }

    public static StartService of(ServiceSpec service, Optional<String> unhealthyBefore) {
        return new StartService(Map.of("service", service.name(), "health", service.health().orElse(""),
                "timeoutSeconds", String.valueOf(service.timeout().toSeconds()), UNHEALTHY_BEFORE, unhealthyBefore.orElse("")));
    }

    /** Why the service was not healthy before the run, when it was not; older journal rows have none. */
    static Optional<String> unhealthyBefore(Map<String, String> params) {
        return Optional.ofNullable(params.get(UNHEALTHY_BEFORE)).filter(why -> !why.isEmpty());
    }

    /**
     * Starts the container of a service that was not healthy before the run, waits until it runs and
     * says how its health stands now.
     */
    static void startUnhealthy(RunContext ctx, ContainerInfo container, Optional<String> health, Duration timeout,
                               String before) {
        ctx.ports().docker().start(container.id());
        ctx.ports().docker().waitRunning(container.id(), timeout);
        Optional<String> now = ctx.ports().docker().healthProblem(container.id(), health);
        String subject = "Service " + container.service();
        ctx.report(List.of(now.isEmpty() ? Finding.ok(subject, "runs and is healthy (it was not before the run: " + before + ")")
                : Finding.warning(subject, "runs but is not healthy: " + now.get() + ". It was not healthy before the run "
                + "either (" + before + "), so the run does not wait for it; look at 'docker logs " + container.name() + "'")));
    }

    /** The service's health timeout; older journal rows without it use the default. */
    static Duration timeout(Map<String, String> params) {
        String seconds = params.get("timeoutSeconds");
        return seconds == null ? TIMEOUT : Duration.ofSeconds(Long.parseLong(seconds));
    }

    @Override
    public String describe() {
        String health = param("health");
        Optional<String> before = unhealthyBefore(params());
        if (before.isPresent()) {
            return "Start service " + param("service") + " and wait until it runs (it was not healthy before the run: "
                    + before.get() + ")";
        }
        return "Start service " + param("service") + " and wait until "
                + (health.isEmpty() ? "Docker reports it healthy (running, without a health check)" : health + " answers");
    }

    @Override
    public String describeUndo() {
        return "Stop service " + param("service");
    }

    @Override
    public boolean undoOnlyStopsAService() {
        return true;
    }

    @Override
    public void execute(RunContext ctx) {
        ContainerInfo container = container(ctx, param("service"));
        Optional<String> health = Optional.of(param("health")).filter(h -> !h.isEmpty());
        ctx.progress().serviceStarting(param("service"));
        if (unhealthyBefore(params()).isPresent()) {
            startUnhealthy(ctx, container, health, timeout(params()), unhealthyBefore(params()).get());
            return;
        }
        ctx.ports().docker().start(container.id());
        ctx.ports().docker().waitHealthy(container.id(), health, timeout(params()));
        ctx.progress().serviceUp(param("service"));
        ctx.info("Service " + param("service") + (health.isPresent() ? " is healthy (" + health.get() + " answers)."
                : "none".equals(container.health()) ? " is running (it has no health check: no health URL in the profile, "
                + "none in its image)." : " is healthy (Docker's health check)."));
    }

    @Override
    public void undo(RunContext ctx) {
        ContainerInfo container = container(ctx, param("service"));
        ctx.ports().docker().stop(container.id(), StopService.GRACE);
    }
}
