package io.github.influxreset.testing;

import io.github.influxreset.domain.ContainerInfo;
import io.github.influxreset.domain.HostKeyNotKnown;
import io.github.influxreset.domain.MountInfo;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.StackSnapshot;
import io.github.influxreset.domain.UnknownHostKey;
import io.github.influxreset.engine.port.DockerPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory Docker engine with the rules the reset depends on: a volume that any container
 * refers to cannot be removed, names are unique, containers start and stop. Each call is recorded
 * so tests can assert order. Volumes hold {@link InfluxData}.
 */
public final class FakeDocker implements DockerPort {
    /** A container of the fake engine. */
    public static final class Container {
        public final String id;
        public String name;
        public final String project;
        public final String service;
        public final String image;
        public final List<String> volumes;
        public boolean running;
        /** What inspect shows as the container's environment, ports and bind mounts. */
        public final Map<String, String> environment = new LinkedHashMap<>();
        public final Map<Integer, Integer> publishedPorts = new LinkedHashMap<>();
        public final List<MountInfo> binds = new ArrayList<>();

        Container(String id, String name, String project, String service, String image, List<String> volumes) {
            this.id = id;
            this.name = name;
            this.project = project;
            this.service = service;
            this.image = image;
            this.volumes = volumes;
        }
    }

    private final Map<String, Container> containers = new LinkedHashMap<>();
    private final Map<String, InfluxData> volumes = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final Map<String, java.nio.file.Path> workingDirs = new LinkedHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private boolean reachable = true;
    private String failStartOf;
    private String failNextStartOf;

    public synchronized Container addContainer(String project, String service, String image, List<String> volumeNames,
                                               boolean running) {
        volumeNames.forEach(v -> volumes.putIfAbsent(v, new InfluxData()));
        Container container = new Container("c" + ids.incrementAndGet() + "0000000000000", project + "-" + service + "-1",
                project, service, image, volumeNames);
        container.running = running;
        containers.put(container.id, container);
        return container;
    }

    public synchronized InfluxData volume(String name) {
        return volumes.get(name);
    }

    public synchronized Map<String, InfluxData> volumes() {
        return new LinkedHashMap<>(volumes);
    }

    public synchronized List<Container> containers() {
        return new ArrayList<>(containers.values());
    }

    public synchronized List<String> calls() {
        return new ArrayList<>(calls);
    }

    public synchronized void setReachable(boolean reachable) {
        this.reachable = reachable;
    }

    /** Labels a project's containers with the folder compose ran in (it has a docker-compose.yml and a .env). */
    public synchronized void setWorkingDir(String project, java.nio.file.Path dir) {
        workingDirs.put(project, dir);
    }

    /** Makes the next start of this service fail once, as a service that was slow to come up. */
    public synchronized void failNextStartOf(String service) {
        this.failNextStartOf = service;
    }

    /** Makes starting the container of this service fail, as a service that never gets healthy. */
    public synchronized void failStartOf(String service) {
        this.failStartOf = service;
    }

    /** The running container of a service, if any. */
    public synchronized Optional<Container> running(String service) {
        return containers.values().stream().filter(c -> c.service.equals(service) && c.running).findFirst();
    }

    @Override
    public synchronized String engineVersion() {
        requireReachable();
        return "fake-28.0";
    }

    @Override
    public synchronized StackSnapshot discover(String composeProject) {
        requireReachable();
        List<ContainerInfo> infos = containers.values().stream().filter(c -> c.project.equals(composeProject))
                .map(c -> new ContainerInfo(c.id, c.name, c.service, c.image, c.running ? "running" : "exited", "none",
                        c.volumes.stream().map(v -> new MountInfo(MountInfo.Kind.VOLUME, v, "/var/lib/influxdb2")).toList()))
                .toList();
        return new StackSnapshot(composeProject, infos);
    }

    @Override
    public synchronized List<io.github.influxreset.domain.ComposeProject> composeProjects() {
        requireReachable();
        calls.add("list projects");
        return containers.values().stream().map(c -> c.project).distinct().sorted().map(project -> {
            Optional<java.nio.file.Path> dir = Optional.ofNullable(workingDirs.get(project));
            List<io.github.influxreset.domain.ComposeService> services = containers.values().stream()
                    .filter(c -> c.project.equals(project))
                    .sorted(java.util.Comparator.comparing(c -> c.service))
                    .map(c -> new io.github.influxreset.domain.ComposeService(c.service, c.name, c.image, c.running,
                            c.publishedPorts, false, mounts(c), c.environment))
                    .toList();
            return new io.github.influxreset.domain.ComposeProject(project, dir,
                    dir.map(d -> List.of(d.resolve("docker-compose.yml"))).orElse(List.of()),
                    dir.map(d -> d.resolve(".env")), services);
        }).toList();
    }

    private static List<MountInfo> mounts(Container c) {
        List<MountInfo> mounts = new ArrayList<>(c.binds);
        c.volumes.forEach(v -> mounts.add(new MountInfo(MountInfo.Kind.VOLUME, v, "/var/lib/influxdb2")));
        return mounts;
    }

    @Override
    public synchronized void stop(String containerId, Duration grace) {
        calls.add("stop " + get(containerId).service);
        get(containerId).running = false;
    }

    @Override
    public synchronized void start(String containerId) {
        Container container = get(containerId);
        calls.add("start " + container.service);
        if (container.service.equals(failNextStartOf)) {
            failNextStartOf = null;
            throw ResetException.problem("Container " + container.name + " is not healthy: it did not answer in time.",
                    "Look at its logs.", null);
        }
        if (container.service.equals(failStartOf)) {
            throw ResetException.problem("Container " + container.name + " is not healthy: it exited (exit code 1).",
                    "Look at its logs.", null);
        }
        container.running = true;
        whenStarted.getOrDefault(container.service, () -> { }).run();
    }

    private final Map<String, Runnable> whenStarted = new java.util.HashMap<>();

    /** What a service does once started, such as write a point (a writer of the stack). */
    public synchronized void whenStarted(String service, Runnable action) {
        whenStarted.put(service, action);
    }

    @Override
    public synchronized void waitHealthy(String containerId, Optional<String> healthUrl, Duration timeout) {
        waitRunning(containerId, timeout);
        Optional<String> problem = healthProblem(containerId, healthUrl);
        if (problem.isPresent()) {
            throw ResetException.problem("Container " + get(containerId).name + " is not healthy: it did not become healthy "
                    + "within " + timeout.toSeconds() + " s; last: " + problem.get() + ".", "Look at its logs.", null);
        }
    }

    @Override
    public synchronized void waitRunning(String containerId, Duration timeout) {
        if (!get(containerId).running) {
            throw ResetException.problem("Container " + get(containerId).name + " is not running.", "", null);
        }
    }

    private final Map<String, String> unhealthy = new java.util.HashMap<>();

    /** The service's health reply says it is not healthy ({@code why}), until {@link #heal}. */
    public synchronized void makeUnhealthy(String service, String why) {
        unhealthy.put(service, why);
    }

    public synchronized void heal(String service) {
        unhealthy.remove(service);
    }

    @Override
    public synchronized Optional<String> healthProblem(String containerId, Optional<String> healthUrl) {
        Container container = get(containerId);
        return container.running ? Optional.ofNullable(unhealthy.get(container.service)) : Optional.of("it is exited");
    }

    @Override
    public synchronized void removeContainer(String containerId) {
        Container removed = containers.remove(containerId);
        if (removed != null) {
            calls.add("remove container " + removed.name);
        }
    }

    @Override
    public synchronized String inspect(String containerId) {
        Container c = get(containerId);
        return String.join("|", c.project, c.service, c.image, String.join(",", c.volumes));
    }

    @Override
    public synchronized String createFromInspect(String inspectJson, String name) {
        if (containerIdByName(name).isPresent()) {
            throw ResetException.problem("Conflict: the name " + name + " is in use.", "", null);
        }
        String[] parts = inspectJson.split("\\|", -1);
        List<String> vols = parts[3].isEmpty() ? List.of() : List.of(parts[3].split(","));
        vols.forEach(v -> volumes.putIfAbsent(v, new InfluxData()));
        Container created = new Container("c" + ids.incrementAndGet() + "0000000000000", name, parts[0], parts[1], parts[2], vols);
        containers.put(created.id, created);
        calls.add("create container " + name);
        return created.id;
    }

    @Override
    public synchronized Optional<String> containerIdByName(String name) {
        return containers.values().stream().filter(c -> c.name.equals(name)).map(c -> c.id).findFirst();
    }

    @Override
    public synchronized boolean volumeExists(String name) {
        return volumes.containsKey(name);
    }

    @Override
    public synchronized void createVolume(String name, String template) {
        volumes.putIfAbsent(name, new InfluxData());
        calls.add("create volume " + name);
    }

    /** Sizes set by tests; unknown otherwise, as for a volume this user cannot read. */
    private final Map<String, Long> volumeSizes = new LinkedHashMap<>();

    public synchronized void setVolumeSize(String name, long bytes) {
        volumeSizes.put(name, bytes);
    }

    @Override
    public synchronized java.util.OptionalLong volumeSize(String name) {
        Long size = volumeSizes.get(name);
        return size == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(size);
    }

    @Override
    public synchronized void removeVolume(String name) {
        if (containers.values().stream().anyMatch(c -> c.volumes.contains(name))) {
            throw ResetException.problem("Docker could not remove volume " + name + ": volume is in use.", "", null);
        }
        if (volumes.remove(name) != null) {
            calls.add("remove volume " + name);
        }
    }

    @Override
    public synchronized int exec(String containerId, List<String> command, java.util.function.Consumer<String> output) {
        calls.add("exec " + String.join(" ", command));
        output.accept("fake exec of " + String.join(" ", command));
        return 0;
    }

    @Override
    public void copyOut(String containerId, String path, java.io.OutputStream tar) {
        throw new UnsupportedOperationException("the in-memory engine has no files");
    }

    private final Map<String, java.nio.file.Path> files = new LinkedHashMap<>();

    @Override
    public synchronized void pause(String containerId) {
        calls.add("pause " + containerId);
    }

    @Override
    public synchronized void unpause(String containerId) {
        calls.add("unpause " + containerId);
    }

    @Override
    public synchronized List<String> unpauseAll(String composeProject) {
        return List.of();
    }

    /** Makes {@code hostFile} the file at {@code path} of the container: what copyFileOut reads and putFile writes. */
    public synchronized void mapFile(String containerId, String path, java.nio.file.Path hostFile) {
        files.put(containerId + ":" + path, hostFile);
    }

    @Override
    public synchronized boolean copyFileOut(String containerId, String path, java.nio.file.Path target) {
        calls.add("copyFileOut " + containerId + " " + path);
        java.nio.file.Path file = files.get(containerId + ":" + path);
        if (file == null || !java.nio.file.Files.isRegularFile(file)) {
            return false;
        }
        try {
            java.nio.file.Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return true;
    }

    @Override
    public synchronized void putFile(String containerId, String path, java.nio.file.Path source) {
        calls.add("putFile " + containerId + " " + path);
        try {
            java.nio.file.Path target = files.containsKey(containerId + ":" + path) ? files.get(containerId + ":" + path)
                    : java.nio.file.Files.createTempFile("fake-container-file", "");
            if (source == null) {
                java.nio.file.Files.write(target, new byte[0]);
            } else {
                java.nio.file.Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            files.put(containerId + ":" + path, target);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public synchronized List<String> sqliteFiles(String containerId, String directory) {
        String prefix = containerId + ":" + (directory.endsWith("/") ? directory : directory + "/");
        return files.keySet().stream().filter(k -> k.startsWith(prefix) && k.endsWith(".db"))
                .map(k -> k.substring(containerId.length() + 1)).toList();
    }

    @Override
    public void copyIn(String containerId, String path, java.io.InputStream tar) {
        throw new UnsupportedOperationException("the in-memory engine has no files");
    }

    /** A tar with one file, {@code data/buckets.txt}: each bucket with its retention and points. */
    @Override
    public synchronized void snapshotVolume(String volume, String image, java.io.OutputStream tar) {
        calls.add("snapshot volume " + volume);
        StringBuilder text = new StringBuilder();
        volumes.get(volume).buckets.forEach((name, bucket) -> {
            text.append("# ").append(name).append(' ').append(bucket.retention.format()).append('\n');
            bucket.points.forEach(p -> text.append(io.github.influxreset.domain.LineProtocol.point(p.measurement(),
                    p.tags(), p.fields(), p.time())).append('\n'));
        });
        byte[] body = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            var archive = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(tar);
            var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("data/buckets.txt");
            entry.setSize(body.length);
            archive.putArchiveEntry(entry);
            archive.write(body);
            archive.closeArchiveEntry();
            archive.finish();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void restoreVolume(String volume, String image, io.github.influxreset.engine.port.TarArchive tar) {
        InfluxData data = new InfluxData();
        try {
            tar.check();
            var archive = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(tar.open());
            archive.getNextEntry();
            InfluxData.Bucket current = null;
            for (String line : new String(archive.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("# ")) {
                    String[] parts = line.substring(2).split(" ");
                    current = new InfluxData.Bucket(io.github.influxreset.domain.Retention.parse(parts[1]).orElseThrow());
                    data.buckets.put(parts[0], current);
                } else if (!line.isBlank()) {
                    current.points.addAll(LineProtocolParser.parse(line));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        volumes.put(volume, data);
        calls.add("restore volume " + volume);
    }

    private boolean helpersAnswerEmpty;

    /** From now on a helper (1.x's native backup) succeeds with an empty result folder, as for an empty server. */
    public synchronized void letHelpersAnswerEmpty() {
        helpersAnswerEmpty = true;
    }

    @Override
    public synchronized int runHelper(String image, String networkContainerId, List<String> command, String resultPath,
                         java.io.OutputStream tar, java.util.function.Consumer<String> output) {
        if (!helpersAnswerEmpty) {
            throw new UnsupportedOperationException("the in-memory engine runs no helpers");
        }
        try {
            tar.write(new byte[1024]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        calls.add("helper " + String.join(" ", command));
        return 0;
    }

    /** The data set aside inside volumes, by "volume/folder". */
    private final Map<String, InfluxData> asides = new LinkedHashMap<>();

    @Override
    public synchronized void aside(List<String> names, String image, io.github.influxreset.engine.port.AsideMove move) {
        requireReachable();
        for (String volume : names) {
            if (!volumes.containsKey(volume)) {
                throw ResetException.problem("Volume " + volume + " does not exist.", "", null);
            }
            String kept = volume + "/" + io.github.influxreset.engine.port.AsideMove.folder(move.name());
            switch (move.kind()) {
                case SET_ASIDE -> {
                    if (!asides.containsKey(kept)) {
                        asides.put(kept, volumes.get(volume));
                        volumes.put(volume, new InfluxData());
                    }
                }
                case BRING_BACK -> {
                    if (asides.containsKey(kept)) {
                        asides.put(volume + "/" + io.github.influxreset.engine.port.AsideMove.folder(move.undone()),
                                volumes.get(volume));
                        volumes.put(volume, asides.remove(kept));
                    }
                }
                case DROP -> asides.remove(kept);
            }
        }
        calls.add(move.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + String.join(",", names) + " " + move.name());
    }

    /** The folders data was set aside into, as "volume/folder". */
    public synchronized java.util.Set<String> asides() {
        return new java.util.TreeSet<>(asides.keySet());
    }

    @Override
    public synchronized void copyVolume(String from, String to, String image) {
        if (!volumes.containsKey(from)) {
            throw ResetException.problem("Volume " + from + " does not exist.", "", null);
        }
        volumes.put(to, volumes.get(from).copy());
        calls.add("copy volume " + from + " to " + to);
    }

    private Container get(String id) {
        requireReachable();
        Container container = containers.get(id);
        if (container == null) {
            throw ResetException.problem("No such container " + id + ".", "", null);
        }
        return container;
    }

    private void requireReachable() {
        if (!reachable) {
            throw ResetException.problem("The Docker engine at fake cannot be reached.", "Start Docker.", null);
        }
        if (hostKey != null && !recorded(hostKey)) {
            throw new HostKeyNotKnown(hostKey);
        }
    }

    private UnknownHostKey hostKey;

    /** An ssh:// engine whose machine shows this key: refused, as SshBridge refuses, while its known_hosts lacks the line. */
    public synchronized void showHostKey(UnknownHostKey key) {
        hostKey = key;
    }

    private static boolean recorded(UnknownHostKey key) {
        try {
            return java.nio.file.Files.exists(key.knownHosts())
                    && java.nio.file.Files.readAllLines(key.knownHosts()).contains(key.knownHostsLine());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
