package io.github.influxreset.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.github.influxreset.domain.ComposeProject;
import io.github.influxreset.domain.ComposeService;
import io.github.influxreset.domain.ContainerInfo;
import io.github.influxreset.domain.MountInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds the compose projects on an engine from the labels compose puts on its containers, and
 * reads each service's image, ports, mounts and environment from its inspect document.
 */
final class ComposeProjects {
    static final String WORKING_DIR_LABEL = "com.docker.compose.project.working_dir";
    static final String CONFIG_FILES_LABEL = "com.docker.compose.project.config_files";
    static final String ENV_FILE_LABEL = "com.docker.compose.project.environment_file";
    private static final String ONE_OFF_LABEL = "com.docker.compose.oneoff";
    static final String DEPENDS_ON_LABEL = "com.docker.compose.depends_on";

    private final DockerClient client;

    ComposeProjects(DockerClient client) {
        this.client = client;
    }

    /** Every project, by name; one-off containers ({@code compose run}) are left out. */
    List<ComposeProject> list() {
        Map<String, List<InspectContainerResponse>> byProject = new TreeMap<>();
        for (Container container : client.listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(DockerJavaAdapter.PROJECT_LABEL)).exec()) {
            inspect(container.getId()).filter(i -> !"True".equalsIgnoreCase(labels(i).get(ONE_OFF_LABEL)))
                    .ifPresent(i -> byProject.computeIfAbsent(labels(i).get(DockerJavaAdapter.PROJECT_LABEL),
                            name -> new ArrayList<>()).add(i));
        }
        List<ComposeProject> projects = new ArrayList<>();
        byProject.forEach((name, containers) -> projects.add(project(name, containers)));
        return projects;
    }

    private static ComposeProject project(String name, List<InspectContainerResponse> containers) {
        Map<String, String> labels = labels(containers.get(0));
        Optional<Path> workingDir = Optional.ofNullable(labels.get(WORKING_DIR_LABEL)).filter(s -> !s.isBlank()).map(Path::of);
        List<Path> configFiles = Optional.ofNullable(labels.get(CONFIG_FILES_LABEL)).stream()
                .flatMap(files -> Arrays.stream(files.split(","))).map(String::strip).filter(s -> !s.isEmpty())
                .map(file -> workingDir.map(dir -> dir.resolve(file)).orElse(Path.of(file))).toList();
        Optional<Path> envFile = Optional.ofNullable(labels.get(ENV_FILE_LABEL)).filter(s -> !s.isBlank()).map(Path::of);
        List<ComposeService> services = containers.stream().map(ComposeProjects::service)
                .sorted(Comparator.comparing(ComposeService::name)).toList();
        return new ComposeProject(name, workingDir, configFiles, envFile, services);
    }

    private static ComposeService service(InspectContainerResponse inspect) {
        String network = inspect.getHostConfig() == null ? "" : String.valueOf(inspect.getHostConfig().getNetworkMode());
        return new ComposeService(labels(inspect).getOrDefault(DockerJavaAdapter.SERVICE_LABEL, ""),
                inspect.getName().replaceFirst("^/", ""), inspect.getConfig().getImage(),
                Boolean.TRUE.equals(inspect.getState().getRunning()), publishedPorts(inspect), "host".equals(network),
                mounts(inspect), environment(inspect), ComposeService.parseDependsOn(labels(inspect).get(DEPENDS_ON_LABEL)));
    }

    /** The container's mounts: named volumes by name, bind mounts by host path. */
    static List<MountInfo> mounts(InspectContainerResponse inspect) {
        return inspect.getMounts() == null ? List.of() : inspect.getMounts().stream()
                .map(m -> m.getName() != null
                        ? new MountInfo(MountInfo.Kind.VOLUME, m.getName(), m.getDestination().getPath())
                        : new MountInfo(MountInfo.Kind.BIND, m.getSource(), m.getDestination().getPath()))
                .toList();
    }

    private static Map<Integer, Integer> publishedPorts(InspectContainerResponse inspect) {
        Map<Integer, Integer> published = new HashMap<>();
        if (inspect.getNetworkSettings() == null || inspect.getNetworkSettings().getPorts() == null) {
            return published;
        }
        for (Map.Entry<ExposedPort, Ports.Binding[]> entry : inspect.getNetworkSettings().getPorts().getBindings().entrySet()) {
            Ports.Binding[] bindings = entry.getValue();
            if (bindings != null && bindings.length > 0 && bindings[0].getHostPortSpec() != null) {
                published.put(entry.getKey().getPort(), Integer.parseInt(bindings[0].getHostPortSpec().replaceFirst("-.*", "")));
            }
        }
        return published;
    }

    private static Map<String, String> environment(InspectContainerResponse inspect) {
        Map<String, String> environment = new HashMap<>();
        for (String entry : Optional.ofNullable(inspect.getConfig().getEnv()).orElse(new String[0])) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                environment.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return environment;
    }

    private static Map<String, String> labels(InspectContainerResponse inspect) {
        return Optional.ofNullable(inspect.getConfig().getLabels()).orElse(Map.of());
    }

    private Optional<InspectContainerResponse> inspect(String id) {
        try {
            return Optional.of(client.inspectContainerCmd(id).exec());
        } catch (NotFoundException goneMeanwhile) {
            return Optional.empty();
        }
    }

    /** A container as discovery describes it; empty when it was removed meanwhile. */
    static Optional<ContainerInfo> describe(DockerClient client, String id) {
        try {
            InspectContainerResponse inspect = client.inspectContainerCmd(id).exec();
            Map<String, String> labels = inspect.getConfig().getLabels();
            var state = inspect.getState();
            String health = state.getHealth() == null ? "none" : state.getHealth().getStatus();
            List<MountInfo> mounts = mounts(inspect);
            return Optional.of(new ContainerInfo(inspect.getId(), inspect.getName().replaceFirst("^/", ""),
                    labels.getOrDefault(DockerJavaAdapter.SERVICE_LABEL, ""), inspect.getConfig().getImage(), state.getStatus(),
                    health, mounts, ComposeService.parseDependsOn(labels.get(DEPENDS_ON_LABEL))));
        } catch (NotFoundException goneMeanwhile) {
            return Optional.empty();
        }
    }
}
