package io.github.influxreset.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import io.github.influxreset.domain.ComposeProject;
import io.github.influxreset.domain.ContainerInfo;
import io.github.influxreset.domain.DockerEngine;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.StackSnapshot;
import io.github.influxreset.engine.port.DockerPort;
import io.github.influxreset.engine.port.AsideMove;
import io.github.influxreset.engine.port.TarArchive;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link DockerPort} over docker-java (core + Apache HttpClient 5 transport). The only class of the
 * product that talks to the Docker engine; every docker-java failure leaves it as a
 * {@link ResetException} with a sentence for the user.
 */
public final class DockerJavaAdapter implements DockerPort, AutoCloseable {
    static final String PROJECT_LABEL = "com.docker.compose.project";
    static final String SERVICE_LABEL = "com.docker.compose.service";

    private final EngineConnection connection;
    private final String host;
    private final DockerClient client;
    private final HealthWaiter healthWaiter;
    private final ContainerCloner cloner;
    private final DockerVolumes volumes;
    private final ContainerPauses pauses;

    /** An adapter on the engine at {@code host}, reached without TLS. */
    public DockerJavaAdapter(String host) {
        this(DockerEngine.plain(host, "given"));
    }

    /**
     * An adapter on {@code engine}; an address it cannot reach is refused with a sentence. Only an
     * engine on this machine's own unix socket has its volumes' host folders read directly.
     */
    public DockerJavaAdapter(DockerEngine engine) {
        this.connection = EngineConnection.open(engine);
        this.host = connection.host();
        this.client = connection.client();
        this.healthWaiter = new HealthWaiter(client);
        this.cloner = new ContainerCloner(client);
        this.volumes = new DockerVolumes(client, host, connection.local());
        this.pauses = new ContainerPauses(client);
    }

    @Override
    public String engineVersion() {
        return call("reach the Docker engine", () -> client.versionCmd().exec().getVersion());
    }

    @Override
    public StackSnapshot discover(String composeProject) {
        List<Container> containers = call("list the containers of compose project " + composeProject,
                () -> client.listContainersCmd().withShowAll(true)
                        .withLabelFilter(Map.of(PROJECT_LABEL, composeProject)).exec());
        List<ContainerInfo> infos = containers.stream()
                .map(c -> ComposeProjects.describe(client, c.getId()))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(ContainerInfo::service).thenComparing(ContainerInfo::name))
                .toList();
        return new StackSnapshot(composeProject, infos);
    }

    @Override
    public List<ComposeProject> composeProjects() {
        return call("list the compose projects", () -> new ComposeProjects(client).list());
    }

    @Override
    public void stop(String containerId, Duration grace) {
        run("stop container " + containerId, () -> {
            try {
                client.stopContainerCmd(containerId).withTimeout((int) grace.getSeconds()).exec();
            } catch (NotModifiedException alreadyStopped) {
                // stopping a stopped container is fine
            }
        });
    }

    @Override
    public void start(String containerId) {
        run("start container " + containerId, () -> {
            try {
                client.startContainerCmd(containerId).exec();
            } catch (NotModifiedException alreadyRunning) {
                // starting a running container is fine
            }
        });
    }

    @Override
    public void waitRunning(String containerId, Duration timeout) {
        run("start container " + containerId, () -> healthWaiter.awaitRunning(containerId, timeout));
    }

    @Override
    public Optional<String> healthProblem(String containerId, Optional<String> healthUrl) {
        return call("look at the health of container " + containerId, () -> healthWaiter.problem(containerId, healthUrl));
    }

    @Override
    public void waitHealthy(String containerId, Optional<String> healthUrl, Duration timeout) {
        run("wait for container " + containerId, () -> healthWaiter.await(containerId, healthUrl, timeout));
    }

    @Override
    public int removeOrphanedHelpers() {
        return call("remove the helper containers a stopped run left", () -> HelperRun.removeOrphans(client));
    }

    @Override
    public void pause(String containerId) {
        call("pause container " + containerId, () -> client.pauseContainerCmd(containerId).exec());
    }

    @Override
    public void unpause(String containerId) {
        run("unpause container " + containerId, () -> pauses.unpause(containerId));
    }

    @Override
    public List<String> unpauseAll(String composeProject) {
        return call("unpause the paused containers of compose project " + composeProject, () -> pauses.unpauseAll(composeProject));
    }

    @Override
    public void removeContainer(String containerId) {
        run("remove container " + containerId, () -> {
            try {
                client.removeContainerCmd(containerId).withRemoveVolumes(false).exec();
            } catch (NotFoundException alreadyGone) {
                // removing an absent container is fine
            }
        });
    }

    @Override
    public String inspect(String containerId) {
        return call("inspect container " + containerId, () -> cloner.inspectJson(containerId));
    }

    @Override
    public String createFromInspect(String inspectJson, String name) {
        return call("create container " + name, () -> cloner.create(inspectJson, name));
    }

    @Override
    public Optional<String> containerIdByName(String name) {
        return call("look up container " + name, () -> {
            try {
                InspectContainerResponse inspect = client.inspectContainerCmd(name).exec();
                return inspect.getName().equals("/" + name) ? Optional.of(inspect.getId()) : Optional.empty();
            } catch (NotFoundException absent) {
                return Optional.empty();
            }
        });
    }

    @Override
    public boolean volumeExists(String name) {
        return volumes.exists(name);
    }

    @Override
    public void createVolume(String name, String template) {
        volumes.create(name, template);
    }

    @Override
    public OptionalLong volumeSize(String name) {
        return volumes.size(name);
    }

    @Override
    public void removeVolume(String name) {
        volumes.remove(name);
    }

    @Override
    public int exec(String containerId, List<String> command, Consumer<String> output) {
        return call("run '" + String.join(" ", command) + "' in container " + containerId,
                () -> new Exec(client).run(containerId, command, output));
    }

    @Override
    public void copyOut(String containerId, String path, OutputStream tar) {
        call("copy " + path + " out of container " + containerId, () -> io(() -> {
            try (InputStream in = client.copyArchiveFromContainerCmd(containerId, path).exec()) {
                return in.transferTo(tar);
            }
        }));
    }

    @Override
    public boolean copyFileOut(String containerId, String path, Path target) {
        return call("copy " + path + " out of container " + containerId, () -> io(
                () -> new ContainerFiles(client).copyFile(containerId, path, target)));
    }

    @Override
    public void putFile(String containerId, String path, Path source) {
        call("write " + path + " into container " + containerId, () -> io(() -> {
            new ContainerFiles(client).putFile(containerId, path, source);
            return null;
        }));
    }

    @Override
    public List<String> sqliteFiles(String containerId, String directory) {
        return call("look for SQLite databases in " + directory + " of container " + containerId, () -> io(
                () -> new ContainerFiles(client).sqliteFiles(containerId, directory)));
    }

    @Override
    public void copyIn(String containerId, String path, InputStream tar) {
        run("copy into " + path + " of container " + containerId,
                () -> client.copyArchiveToContainerCmd(containerId).withRemotePath(path).withTarInputStream(tar).exec());
    }

    @Override
    public void snapshotVolume(String volume, String image, OutputStream tar) {
        run("snapshot volume " + volume, () -> copier().snapshot(volume, image, tar));
    }

    @Override
    public void restoreVolume(String volume, String image, TarArchive tar) {
        run("restore volume " + volume, () -> copier().restore(volume, image, tar));
    }

    @Override
    public int runHelper(String image, String networkContainerId, List<String> command, String resultPath,
                         OutputStream tar, Consumer<String> output) {
        return call("run '" + String.join(" ", command) + "' in a helper container",
                () -> new HelperRun(client).run(image, networkContainerId, command, resultPath, tar, output));
    }

    @Override
    public void copyVolume(String from, String to, String image) {
        if (!volumeExists(from)) {
            throw ResetException.problem("Volume " + from + " does not exist, so it cannot be copied to " + to + ".",
                    "Nothing was copied; check the volumes with 'docker volume ls'.", null);
        }
        run("copy volume " + from + " to " + to, () -> copier().copy(from, to, image));
    }

    @Override
    public void aside(List<String> volumes, String image, AsideMove move) {
        run("move data inside volume(s) " + String.join(", ", volumes), () -> new VolumeAside(client).apply(volumes, image, move));
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }

    private VolumeCopier copier() {
        return new VolumeCopier(client, RawArchive.forHost(connection.address()), connection.local());
    }

    /** {@link #call} for work that returns nothing. */
    private void run(String what, Runnable work) {
        call(what, () -> {
            work.run();
            return null;
        });
    }

    private <T> T call(String what, Supplier<T> work) {
        return DockerFailures.call(host, what, work);
    }

    private static <T> T io(DockerFailures.IoWork<T> work) {
        return DockerFailures.io(work);
    }
}
