package io.github.influxreset.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A one-off container: runs a command next to another container (in its network namespace, so
 * 127.0.0.1 is that container's), waits for it, streams a result directory out, and is removed.
 */
final class HelperRun {
    private final DockerClient client;

    HelperRun(DockerClient client) {
        this.client = client;
    }

    int run(String image, String networkContainerId, List<String> command, String resultPath, OutputStream tar,
            Consumer<String> output) {
        String id = client.createContainerCmd(image)
                .withName("influx-reset-helper-" + UUID.randomUUID().toString().substring(0, 8))
                .withLabels(HelperLabels.ofThisProcess())
                .withEntrypoint(command.get(0))
                .withCmd(command.subList(1, command.size()))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("container:" + networkContainerId))
                .exec().getId();
        try {
            client.startContainerCmd(id).exec();
            int exitCode = client.waitContainerCmd(id).start().awaitStatusCode(30, TimeUnit.MINUTES);
            logs(id, output);
            if (exitCode == 0) {
                try (InputStream in = client.copyArchiveFromContainerCmd(id, resultPath).exec()) {
                    in.transferTo(tar);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return exitCode;
        } finally {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        }
    }

    private void logs(String id, Consumer<String> output) {
        try {
            client.logContainerCmd(id).withStdOut(true).withStdErr(true).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    new String(frame.getPayload(), StandardCharsets.UTF_8).lines().forEach(output);
                }
            }).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes, with their anonymous volumes, the helper containers whose process died; returns how many. */
    static int removeOrphans(DockerClient client) {
        int removed = 0;
        for (var helper : client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(HelperLabels.HELPER, "true")).exec()) {
            if (HelperLabels.orphaned(helper.getLabels())) {
                try {
                    client.removeContainerCmd(helper.getId()).withForce(true).withRemoveVolumes(true).exec();
                    removed++;
                } catch (NotFoundException alreadyGone) {
                    // removed meanwhile
                }
            }
        }
        return removed;
    }
}
