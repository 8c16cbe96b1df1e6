package io.github.influxreset.engine.checks;

import io.github.influxreset.domain.ContainerInfo;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ServiceSpec;
import io.github.influxreset.domain.StackSnapshot;
import io.github.influxreset.engine.port.DockerPort;
import java.util.HashMap;
import java.util.Map;

/**
 * How each running service of the profile stands before a run, judged as the restart will judge it
 * (its health URL's reply, Docker's status): the checks name a service that is not healthy, and the
 * plan starts it again waiting only until it runs, so that an old trouble neither fails the reset
 * nor its rollback. One probe each, read only.
 */
public final class HealthBeforeRun {
    private HealthBeforeRun() {
    }

    /** Why each running service is not healthy now, by service; a service not listed is healthy (or stopped). */
    public static Map<String, String> problems(Profile profile, DockerPort docker, StackSnapshot stack) {
        Map<String, String> problems = new HashMap<>();
        for (ServiceSpec service : profile.services()) {
            stack.service(service.name()).filter(ContainerInfo::isRunning).ifPresent(c -> {
                try {
                    docker.healthProblem(c.id(), service.health()).ifPresent(why -> problems.put(service.name(), why));
                } catch (ResetException notAsked) {
                    // judged healthy: the restart waits for its health as it always did
                }
            });
        }
        return problems;
    }
}
