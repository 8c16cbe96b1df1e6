package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.port.DockerPort;
import io.github.influxreset.engine.run.RunContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Starts the new InfluxDB container and waits until InfluxDB answers; undo stops it. */
public final class StartInflux extends BaseAction {
    public static final String KIND = "start-influx";
    private static final Duration POLL = Duration.ofMillis(100);

    public StartInflux(Map<String, String> params) {
        super(KIND, params);
    }

    public static StartInflux of(String name) {
        return new StartInflux(Map.of("name", name));
    }

    @Override
    public String describe() {
        return "Start container " + param("name") + " and wait until InfluxDB answers";
    }

    @Override
    public String describeUndo() {
        return "Stop the new container " + param("name");
    }

    @Override
    public void execute(RunContext ctx) {
        DockerPort docker = ctx.ports().docker();
        String id = docker.containerIdByName(param("name")).orElseThrow(() -> new IllegalStateException(
                "container " + param("name") + " does not exist"));
        docker.start(id);
        docker.waitHealthy(id, Optional.empty(), StartService.TIMEOUT);
        awaitInflux(ctx);
    }

    @Override
    public void undo(RunContext ctx) {
        DockerPort docker = ctx.ports().docker();
        docker.containerIdByName(param("name")).ifPresent(id -> docker.stop(id, StopService.GRACE));
    }

    /** Waits until InfluxDB answers (at most {@link StartService#TIMEOUT}). */
    static void awaitInflux(RunContext ctx) {
        Instant deadline = Instant.now().plus(StartService.TIMEOUT);
        while (true) {
            try {
                ctx.info("InfluxDB " + ctx.ports().influx().health() + " is up.");
                return;
            } catch (ResetException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResetException(ResetException.Reason.STEP_FAILED, "Interrupted while waiting for InfluxDB.", "", e);
        }
    }
}
