package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.ContainerInfo;
import io.github.influxreset.engine.RunContext;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Stops the container of a compose service; undo starts it again if it was running. */
public final class StopService extends BaseAction {
    public static final String KIND = "stop-service";
    static final Duration GRACE = Duration.ofSeconds(20);

    public StopService(Map<String, String> params) {
        super(params);
    }

    public static StopService of(String service, boolean wasRunning, Duration timeout) {
        return new StopService(Map.of("service", service, "wasRunning", String.valueOf(wasRunning),
                "timeoutSeconds", String.valueOf(timeout.toSeconds())));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describe() {
        return "Stop service " + param("service");
    }

    @Override
    public String describeUndo() {
        return wasRunning() ? "Start service " + param("service") + " again" : "Leave service "
                + param("service") + " stopped, as it was";
    }

    @Override
    public void execute(RunContext ctx) {
        ContainerInfo container = container(ctx, param("service"));
        ctx.ports().docker().stop(container.id(), GRACE);
        ctx.info("Service " + param("service") + " stopped (" + container.name() + ").");
    }

    @Override
    public void undo(RunContext ctx) {
        if (wasRunning()) {
            ContainerInfo container = container(ctx, param("service"));
            ctx.ports().docker().start(container.id());
            ctx.ports().docker().waitHealthy(container.id(), Optional.empty(), StartService.timeout(params()));
        }
    }

    private boolean wasRunning() {
        return Boolean.parseBoolean(param("wasRunning"));
    }
}
