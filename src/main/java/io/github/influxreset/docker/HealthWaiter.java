package io.github.influxreset.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Frame;
import io.github.influxreset.domain.ResetException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Polls a container until it is healthy: its HTTP health URL answers 2xx with a reply that does not
 * say unhealthy (and Docker's own check has not failed) when it has one, else Docker's health status
 * is "healthy", else it is running. A container that exits, or a timeout,
 * fails with the last health output and log lines in the message.
 */
final class HealthWaiter {
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    /** A health reply is read up to this many characters; the status is near its start. */
    private static final int MAX_BODY = 64 * 1024;

    private final DockerClient client;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    HealthWaiter(DockerClient client) {
        this.client = client;
    }

    void await(String containerId, Optional<String> healthUrl, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer yet";
        while (true) {
            InspectContainerResponse inspect = client.inspectContainerCmd(containerId).exec();
            String name = inspect.getName().replaceFirst("^/", "");
            var state = inspect.getState();
            if (!Boolean.TRUE.equals(state.getRunning())) {
                if (!"created".equals(state.getStatus()) || Instant.now().isAfter(deadline)) {
                    throw unhealthy(containerId, name, "it is " + state.getStatus() + " (exit code "
                            + state.getExitCodeLong() + ")");
                }
            } else if (healthUrl.isPresent()) {
                last = probe(healthUrl.get());
                if (last.isEmpty() && dockerSaysUnhealthy(state.getHealth())) {
                    last = "Docker reports unhealthy" + lastHealthOutput(state.getHealth().getLog());
                } else if (last.isEmpty()) {
                    return;
                }
            } else if (state.getHealth() == null || "healthy".equals(state.getHealth().getStatus())) {
                return;
            } else {
                last = "Docker reports " + state.getHealth().getStatus() + lastHealthOutput(state.getHealth().getLog());
            }
            if (Instant.now().isAfter(deadline)) {
                throw unhealthy(containerId, name, "it did not become healthy within " + timeout.getSeconds()
                        + " s; last: " + last);
            }
            pause();
        }
    }

    /** One look: see {@link io.github.influxreset.engine.port.DockerPort#healthProblem}. */
    Optional<String> problem(String containerId, Optional<String> healthUrl) {
        var state = client.inspectContainerCmd(containerId).exec().getState();
        if (!Boolean.TRUE.equals(state.getRunning())) {
            return Optional.of("it is " + state.getStatus());
        }
        if (dockerSaysUnhealthy(state.getHealth())) {
            return Optional.of("Docker reports unhealthy" + lastHealthOutput(state.getHealth().getLog()));
        }
        return healthUrl.map(this::probe).filter(answer -> !answer.isEmpty());
    }

    /** Waits until the container runs, whatever its health; fails when it exits or the time is up. */
    void awaitRunning(String containerId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            InspectContainerResponse inspect = client.inspectContainerCmd(containerId).exec();
            var state = inspect.getState();
            if (Boolean.TRUE.equals(state.getRunning())) {
                return;
            }
            if (!"created".equals(state.getStatus()) || Instant.now().isAfter(deadline)) {
                throw unhealthy(containerId, inspect.getName().replaceFirst("^/", ""), "it is " + state.getStatus()
                        + " (exit code " + state.getExitCodeLong() + ")");
            }
            pause();
        }
    }

    /**
     * Empty when the URL answers 2xx and its reply does not say otherwise ({@link HealthReply}),
     * else what went wrong, with the reply's own words.
     */
    private String probe(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                return url + " answered HTTP " + response.statusCode();
            }
            String body = response.body().length() > MAX_BODY ? response.body().substring(0, MAX_BODY) : response.body();
            return HealthReply.contradiction(body).map(words -> url + " answered HTTP " + response.statusCode() + " but "
                    + words).orElse("");
        } catch (IOException e) {
            return url + " did not answer (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResetException(ResetException.Reason.STEP_FAILED, "Interrupted while waiting for " + url + ".", "", e);
        }
    }

    /** Docker's own check has failed (not merely still starting: its first run may be 30 s away). */
    private static boolean dockerSaysUnhealthy(HealthState health) {
        return health != null && "unhealthy".equals(health.getStatus());
    }

    private ResetException unhealthy(String containerId, String name, String why) {
        return ResetException.problem("Container " + name + " is not healthy: " + why + ". Last log lines: "
                + lastLogLines(containerId), "Look at 'docker logs " + name + "', fix the service, and try again.", null);
    }

    private static String lastHealthOutput(List<HealthStateLog> log) {
        if (log == null || log.isEmpty()) {
            return "";
        }
        String output = String.valueOf(log.get(log.size() - 1).getOutput()).strip();
        return output.isEmpty() ? "" : " (" + output + ")";
    }

    private String lastLogLines(String containerId) {
        StringBuilder lines = new StringBuilder();
        try {
            client.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTail(5)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            lines.append(new String(frame.getPayload(), StandardCharsets.UTF_8).strip()).append(" | ");
                        }
                    }).awaitCompletion(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            return "(logs unavailable)";
        }
        return lines.length() == 0 ? "(none)" : lines.substring(0, lines.length() - 3);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResetException(ResetException.Reason.STEP_FAILED, "Interrupted while waiting for a service.", "", e);
        }
    }
}
