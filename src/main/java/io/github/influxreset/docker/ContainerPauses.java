package io.github.influxreset.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lets paused containers run on: one, or every paused container of a compose project (a killed run's leftovers). */
final class ContainerPauses {
    private final DockerClient client;

    ContainerPauses(DockerClient client) {
        this.client = client;
    }

    /** Unpauses the container when it is paused; one that is not is left as it is. */
    void unpause(String containerId) {
        if (Boolean.TRUE.equals(client.inspectContainerCmd(containerId).exec().getState().getPaused())) {
            client.unpauseContainerCmd(containerId).exec();
        }
    }

    /** Unpauses every paused container of the project; returns their names. */
    List<String> unpauseAll(String composeProject) {
        List<String> unpaused = new ArrayList<>();
        for (Container c : client.listContainersCmd().withStatusFilter(List.of("paused"))
                .withLabelFilter(Map.of(DockerJavaAdapter.PROJECT_LABEL, composeProject)).exec()) {
            client.unpauseContainerCmd(c.getId()).exec();
            unpaused.add(c.getNames()[0].replaceFirst("^/", ""));
        }
        return unpaused;
    }
}
