package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.ContainerInfo;
import io.github.influxreset.domain.ServiceSpec;
import io.github.influxreset.engine.RunContext;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Starts a compose service and waits until it is healthy; undo stops it. */
public final class StartService extends BaseAction {
    public static final String KIND = "start-service";
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    public StartService(Map<String, String> params) {
        super(KIND, params);
    }

    public static StartService of(ServiceSpec service) {
        return new StartService(Map.of("service", service.name(), "health", service.health().orElse(""),
                "timeoutSeconds", String.valueOf(service.timeout().toSeconds())));
    }

    /** The service's health timeout; older journal rows without it use the default. */
    static Duration timeout(Map<String, String> params) {
        String seconds = params.get("timeoutSeconds");
        return seconds == null ? TIMEOUT : Duration.ofSeconds(Long.parseLong(seconds));
    }

    @Override
    public String describe() {
        String health = param("health");
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
        ctx.ports().docker().start(container.id());
        Optional<String> health = Optional.of(param("health")).filter(h -> !h.isEmpty());
        ctx.ports().docker().waitHealthy(container.id(), health, timeout(params()));
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
