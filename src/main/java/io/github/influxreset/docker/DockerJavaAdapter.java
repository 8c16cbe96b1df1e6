package io.github.influxreset.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.github.influxreset.domain.ComposeProject;
import io.github.influxreset.domain.ComposeService;
import io.github.influxreset.domain.ContainerInfo;
import io.github.influxreset.domain.MountInfo;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.StackSnapshot;
import io.github.influxreset.engine.port.DockerPort;
import io.github.influxreset.engine.port.TarArchive;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link DockerPort} over docker-java (core + Apache HttpClient 5 transport). The only class of the
 * product that talks to the Docker engine; every docker-java failure leaves it as a
 * {@link ResetException} with a sentence for the user.
 */
public final class DockerJavaAdapter implements DockerPort, AutoCloseable {
    static final String PROJECT_LABEL = "com.docker.compose.project";
    static final String SERVICE_LABEL = "com.docker.compose.service";

    private final String host;
    private final DockerClient client;
    private final HealthWaiter healthWaiter;
    private final ContainerCloner cloner;

    public DockerJavaAdapter(String host) {
        this.host = host;
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        var http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(3))
                .responseTimeout(Duration.ofMinutes(10))
                .build();
        this.client = DockerClientImpl.getInstance(config, http);
        this.healthWaiter = new HealthWaiter(client);
        this.cloner = new ContainerCloner(client);
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
                .map(c -> describe(c.getId()))
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
        call("stop container " + containerId, () -> {
            try {
                client.stopContainerCmd(containerId).withTimeout((int) grace.getSeconds()).exec();
            } catch (NotModifiedException alreadyStopped) {
                // stopping a stopped container is fine
            }
            return null;
        });
    }

    @Override
    public void start(String containerId) {
        call("start container " + containerId, () -> {
            try {
                client.startContainerCmd(containerId).exec();
            } catch (NotModifiedException alreadyRunning) {
                // starting a running container is fine
            }
            return null;
        });
    }

    @Override
    public void waitHealthy(String containerId, Optional<String> healthUrl, Duration timeout) {
        call("wait for container " + containerId, () -> {
            healthWaiter.await(containerId, healthUrl, timeout);
            return null;
        });
    }

    @Override
    public int removeOrphanedHelpers() {
        return call("remove the helper containers a stopped run left", () -> {
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
        });
    }

    @Override
    public void pause(String containerId) {
        call("pause container " + containerId, () -> client.pauseContainerCmd(containerId).exec());
    }

    @Override
    public void unpause(String containerId) {
        call("unpause container " + containerId, () -> {
            if (Boolean.TRUE.equals(client.inspectContainerCmd(containerId).exec().getState().getPaused())) {
                client.unpauseContainerCmd(containerId).exec();
            }
            return null;
        });
    }

    @Override
    public List<String> unpauseAll(String composeProject) {
        return call("unpause the paused containers of compose project " + composeProject, () -> {
            List<String> unpaused = new java.util.ArrayList<>();
            for (Container c : client.listContainersCmd().withStatusFilter(List.of("paused"))
                    .withLabelFilter(Map.of(PROJECT_LABEL, composeProject)).exec()) {
                client.unpauseContainerCmd(c.getId()).exec();
                unpaused.add(c.getNames()[0].replaceFirst("^/", ""));
            }
            return unpaused;
        });
    }

    @Override
    public void removeContainer(String containerId) {
        call("remove container " + containerId, () -> {
            try {
                client.removeContainerCmd(containerId).withRemoveVolumes(false).exec();
            } catch (NotFoundException alreadyGone) {
                // removing an absent container is fine
            }
            return null;
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
        return call("look up volume " + name, () -> {
            try {
                client.inspectVolumeCmd(name).exec();
                return true;
            } catch (NotFoundException absent) {
                return false;
            }
        });
    }

    @Override
    public void createVolume(String name, String template) {
        call("create volume " + name, () -> {
            var create = client.createVolumeCmd().withName(name);
            try {
                InspectVolumeResponse like = client.inspectVolumeCmd(template).exec();
                create.withDriver(like.getDriver());
                if (like.getLabels() != null) {
                    create.withLabels(like.getLabels());
                }
            } catch (NotFoundException noTemplate) {
                // a plain local volume
            }
            return create.exec();
        });
    }

    @Override
    public java.util.OptionalLong volumeSize(String name) {
        return call("look up volume " + name, () -> {
            try {
                String mountpoint = client.inspectVolumeCmd(name).exec().getMountpoint();
                return mountpoint == null ? java.util.OptionalLong.empty() : FolderSize.of(java.nio.file.Path.of(mountpoint));
            } catch (NotFoundException absent) {
                return java.util.OptionalLong.empty();
            }
        });
    }

    @Override
    public void removeVolume(String name) {
        call("remove volume " + name, () -> {
            try {
                client.removeVolumeCmd(name).exec();
            } catch (NotFoundException alreadyGone) {
                // removing an absent volume is fine
            }
            return null;
        });
    }

    @Override
    public int exec(String containerId, List<String> command, java.util.function.Consumer<String> output) {
        return call("run '" + String.join(" ", command) + "' in container " + containerId,
                () -> new Exec(client).run(containerId, command, output));
    }

    @Override
    public void copyOut(String containerId, String path, java.io.OutputStream tar) {
        call("copy " + path + " out of container " + containerId, () -> {
            try (java.io.InputStream in = client.copyArchiveFromContainerCmd(containerId, path).exec()) {
                in.transferTo(tar);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
    }

    @Override
    public boolean copyFileOut(String containerId, String path, java.nio.file.Path target) {
        return call("copy " + path + " out of container " + containerId, () -> io(
                () -> new ContainerFiles(client).copyFile(containerId, path, target)));
    }

    @Override
    public void putFile(String containerId, String path, java.nio.file.Path source) {
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
    public void copyIn(String containerId, String path, java.io.InputStream tar) {
        call("copy into " + path + " of container " + containerId, () -> {
            client.copyArchiveToContainerCmd(containerId).withRemotePath(path).withTarInputStream(tar).exec();
            return null;
        });
    }

    @Override
    public void snapshotVolume(String volume, String image, java.io.OutputStream tar) {
        call("snapshot volume " + volume, () -> {
            new VolumeCopier(client, RawArchive.forHost(host)).snapshot(volume, image, tar);
            return null;
        });
    }

    @Override
    public void restoreVolume(String volume, String image, TarArchive tar) {
        call("restore volume " + volume, () -> {
            new VolumeCopier(client, RawArchive.forHost(host)).restore(volume, image, tar);
            return null;
        });
    }

    @Override
    public int runHelper(String image, String networkContainerId, List<String> command, String resultPath,
                         java.io.OutputStream tar, java.util.function.Consumer<String> output) {
        return call("run '" + String.join(" ", command) + "' in a helper container",
                () -> new HelperRun(client).run(image, networkContainerId, command, resultPath, tar, output));
    }

    @Override
    public void copyVolume(String from, String to, String image) {
        if (!volumeExists(from)) {
            throw ResetException.problem("Volume " + from + " does not exist, so it cannot be copied to " + to + ".",
                    "Nothing was copied; check the volumes with 'docker volume ls'.", null);
        }
        call("copy volume " + from + " to " + to, () -> {
            new VolumeCopier(client, RawArchive.forHost(host)).copy(from, to, image);
            return null;
        });
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    private Optional<ContainerInfo> describe(String id) {
        try {
            InspectContainerResponse inspect = client.inspectContainerCmd(id).exec();
            Map<String, String> labels = inspect.getConfig().getLabels();
            var state = inspect.getState();
            String health = state.getHealth() == null ? "none" : state.getHealth().getStatus();
            List<MountInfo> mounts = ComposeProjects.mounts(inspect);
            return Optional.of(new ContainerInfo(inspect.getId(), inspect.getName().replaceFirst("^/", ""),
                    labels.getOrDefault(SERVICE_LABEL, ""), inspect.getConfig().getImage(), state.getStatus(),
                    health, mounts, ComposeService.parseDependsOn(labels.get(ComposeProjects.DEPENDS_ON_LABEL))));
        } catch (NotFoundException goneMeanwhile) {
            return Optional.empty();
        }
    }

    /** Runs a docker-java call; its failures become a sentence naming what could not be done. */
    private interface IoWork<T> {
        T run() throws IOException;
    }

    private static <T> T io(IoWork<T> work) {
        try {
            return work.run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private <T> T call(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (ResetException e) {
            throw e;
        } catch (DockerException e) {
            throw ResetException.problem("Docker could not " + what + ": " + firstLine(e.getMessage()) + ".",
                    "Check the container and volume names in the profile and the Docker daemon's log.", e);
        } catch (RuntimeException e) {
            if (isUnreachable(e)) {
                throw ResetException.problem("The Docker engine at " + host + " cannot be reached.",
                        "Start Docker (or set docker.host / DOCKER_HOST) and try again.", e);
            }
            throw ResetException.problem("Docker could not " + what + ": " + firstLine(String.valueOf(e.getMessage())) + ".",
                    "Check the Docker daemon's log.", e);
        }
    }

    private static boolean isUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.SocketException
                    || t instanceof java.nio.file.NoSuchFileException
                    || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        String message = String.valueOf(e.getMessage());
        return message.contains("No such file or directory") || message.contains("Connection refused");
    }

    static String firstLine(String message) {
        String text = message == null ? "unknown error" : message.strip();
        int newline = text.indexOf('\n');
        String first = newline < 0 ? text : text.substring(0, newline);
        return first.replaceFirst("^Status \\d+: ", "").replaceAll("[{}\"]", "").replaceFirst("^message:", "").strip();
    }
}
