package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.ContainerInfo;
import io.github.influxreset.domain.ServiceSpec;
import io.github.influxreset.engine.run.Precondition;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.UndoFacts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stops the container of a compose service; undo starts it again if it was running. */
public final class StopService extends BaseAction {
    public static final String KIND = "stop-service";
    private static final String CONTAINER_ID = "containerId";
    static final Duration GRACE = Duration.ofSeconds(20);

    public StopService(Map<String, String> params) {
        super(KIND, params);
    }

    /** A stop whose undo waits for the service's health: it was healthy before the run. */
    public static StopService of(String service, boolean wasRunning, Duration timeout) {
        return of(service, wasRunning, timeout, Optional.empty());
    }

    /** @param unhealthyBefore why the service was not healthy before the run: its undo then waits until it runs */
    public static StopService of(String service, boolean wasRunning, Duration timeout, Optional<String> unhealthyBefore) {
        return new StopService(Map.of("service", service, "wasRunning", String.valueOf(wasRunning),
                "timeoutSeconds", String.valueOf(timeout.toSeconds()), StartService.UNHEALTHY_BEFORE, unhealthyBefore.orElse("")));
    }

    @Override
    public boolean stopsAService() {
        return true;
    }

    @Override
    public String describe() {
        return "Stop service " + param("service");
    }

    @Override
    public String describeUndo() {
        return wasRunning() ? "Start service " + param("service") + " again" + StartService.unhealthyBefore(params())
                .map(why -> " (it was not healthy before the run: " + why + "; waited for until it runs)").orElse("")
                : "Leave service " + param("service") + " stopped, as it was";
    }

    @Override
    public void execute(RunContext ctx) {
        ContainerInfo container = container(ctx, param("service"));
        ctx.ports().docker().stop(container.id(), GRACE);
        ctx.info("Service " + param("service") + " stopped (" + container.name() + ").");
    }

    @Override
    public Map<String, String> factsAfterExecute(RunContext ctx) {
        return Map.of(CONTAINER_ID, container(ctx, param("service")).id(), UndoFacts.ENGINE, ctx.profile().dockerHost());
    }

    /** The service still has the container this run stopped; another one means the stack was rebuilt. */
    @Override
    public List<Precondition> undoPreconditions(RunContext ctx, UndoFacts facts) {
        Optional<String> stoppedOn = facts.fact(UndoFacts.ENGINE).filter(engine -> !engine.equals(ctx.profile().dockerHost()));
        if (stoppedOn.isPresent()) {
            // another engine may hold a stack of the same name: nothing of it is this run's to change
            return List.of(Precondition.fails("the Docker engine is the one this run stopped service " + param("service")
                    + " on", "the run stopped it on " + stoppedOn.get() + ", and this rollback would act on "
                    + ctx.profile().engine().describe() + "; name the run's engine (DOCKER_HOST=" + stoppedOn.get()
                    + ", or docker.host in the profile) and try again"));
        }
        String check = "service " + param("service") + " has the container this run stopped";
        String project = ctx.profile().stack().composeProject();
        var now = ctx.ports().docker().discover(project).service(param("service"));
        if (now.isEmpty() && recreatedByAnEarlierUndo(ctx, facts)) {
            return List.of(Precondition.holds(check + " (the undo of its removal creates it again first)"));
        }
        if (now.isEmpty()) {
            return wasRunning() ? List.of(Precondition.fails(check, "compose project " + project + " has no container of it now"))
                    : List.of();
        }
        if (CreateContainer.madeByRun(facts, now.get().name(), now.get().id())) {
            return List.of(Precondition.holds(check + " (or the one it created)"));
        }
        return List.of(facts.fact(CONTAINER_ID).filter(id -> !id.equals(now.get().id()))
                .map(id -> Precondition.changed(check, "its container was replaced since the run (was "
                        + SetChecks.shortId(id) + ", is " + SetChecks.shortId(now.get().id()) + ")"))
                .orElse(Precondition.holds(check)));
    }

    private boolean recreatedByAnEarlierUndo(RunContext ctx, UndoFacts facts) {
        return param("service").equals(ctx.profile().influx().service()) && facts.run().stream()
                .anyMatch(a -> a.kind().equals(RemoveOldContainer.KIND) && a.status().mayNeedUndo());
    }

    @Override
    public void undo(RunContext ctx) {
        Optional<String> before = StartService.unhealthyBefore(params());
        if (wasRunning() && before.isPresent()) {
            Optional<String> healthUrl = ctx.profile().service(param("service")).flatMap(ServiceSpec::health);
            StartService.startUnhealthy(ctx, container(ctx, param("service")), healthUrl, StartService.timeout(params()),
                    before.get());
        } else if (wasRunning()) {
            ContainerInfo container = container(ctx, param("service"));
            ctx.ports().docker().start(container.id());
            ctx.ports().docker().waitHealthy(container.id(), Optional.empty(), StartService.timeout(params()));
        }
    }

    private boolean wasRunning() {
        return Boolean.parseBoolean(param("wasRunning"));
    }
}
