package io.github.influxreset.engine.port;

import io.github.influxreset.domain.ComposeProject;
import io.github.influxreset.domain.StackSnapshot;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The Docker engine, as the reset needs it. Every method blocks; every failure is a
 * {@code ResetException} with a sentence for the user. Implementations are thread-safe.
 */
public interface DockerPort {
    /** The engine's version; throws when the engine cannot be reached. */
    String engineVersion();

    /** The containers of a compose project, found by the label {@code com.docker.compose.project}. */
    StackSnapshot discover(String composeProject);

    /**
     * Every compose project with a container on the engine (running or not), by name, each with
     * its services. Reads only.
     */
    List<ComposeProject> composeProjects();

    /** Stops a container; a stopped container is left as it is. */
    void stop(String containerId, Duration grace);

    /** Starts a container; a running container is left as it is. */
    void start(String containerId);

    /**
     * Waits until the container is healthy: the HTTP URL answers 2xx when given, else Docker's
     * health status is {@code healthy}, else the container is running.
     */
    void waitHealthy(String containerId, Optional<String> healthUrl, Duration timeout);

    /** Waits until the container runs, whatever its health says; fails when it exits or the time is up. */
    void waitRunning(String containerId, Duration timeout);

    /**
     * One look, no waiting, judged as {@link #waitHealthy} judges: empty when the container is
     * healthy (or its health check is still starting), else why not in a sentence's words ("Docker
     * reports unhealthy", "http://…/health answered HTTP 200 but its reply says status degraded").
     */
    Optional<String> healthProblem(String containerId, Optional<String> healthUrl);

    /**
     * Removes the helper containers (and their anonymous volumes) that a process which has died
     * left behind, mid-copy; a live process's helpers are left alone. Returns how many went.
     */
    default int removeOrphanedHelpers() {
        return 0;
    }

    /**
     * Freezes a running container's processes (as {@code docker pause}). The product pauses a
     * service only for the moment it copies a file out of it, and unpauses it at once; one that a
     * killed process left paused is unpaused by {@link #unpauseAll} before the next run.
     */
    void pause(String containerId);

    /** Lets a paused container's processes run on; one that is not paused is left as it is. */
    void unpause(String containerId);

    /** Unpauses every paused container of a compose project; returns their names. */
    List<String> unpauseAll(String composeProject);

    /** Removes a container (not its volumes); an absent container is fine. */
    void removeContainer(String containerId);

    /**
     * The full configuration of a container (Docker's inspect document, as JSON): everything
     * {@link #createFromInspect} needs to make an identical one. Holds the container's
     * environment, so it is kept only inside backup sets (mode 600), never in the journal.
     */
    String inspect(String containerId);

    /**
     * Creates (does not start) a container with the configuration of an {@link #inspect}
     * document: image, command, environment, labels, mounts, networks, restart policy and
     * health check. Returns the new container's id.
     */
    String createFromInspect(String inspectJson, String name);

    /** The id of the container with this name, if there is one. */
    Optional<String> containerIdByName(String name);

    boolean volumeExists(String name);

    /** Creates a volume with the same driver and labels as {@code template} (or plain when absent). */
    void createVolume(String name, String template);

    /**
     * The bytes a volume's files take, when its folder on this host can be read (a local volume
     * and enough rights); empty otherwise.
     */
    OptionalLong volumeSize(String name);

    /** Removes a volume; an absent volume is fine. */
    void removeVolume(String name);

    /**
     * Runs a command in a running container, handing each line it prints (stdout and stderr) to
     * {@code output} as it comes; returns the command's exit code.
     */
    int exec(String containerId, List<String> command, Consumer<String> output);

    /** Streams a directory of a container out as a tar archive; nothing is held in memory. */
    void copyOut(String containerId, String path, OutputStream tar);

    /**
     * Copies the regular file at {@code path} of a container (running or not) to {@code target} on
     * this machine through the engine's archive API; false when the container has no file there.
     */
    boolean copyFileOut(String containerId, String path, Path target);

    /**
     * Writes {@code source} (null: an empty file) to {@code path} of a container, running or not,
     * over what is there. The file is held in memory on its way: for small files such as a SQLite
     * metadata database.
     */
    void putFile(String containerId, String path, Path source);

    /**
     * The absolute paths of the SQLite database files a few folders below {@code directory} of a
     * container (running or not), read through the engine's archive API; empty when there is none.
     */
    List<String> sqliteFiles(String containerId, String directory);

    /** Streams a tar archive into a directory of a container. */
    void copyIn(String containerId, String path, InputStream tar);

    /**
     * Streams the files of a volume out as a tar archive (entries under {@code data/}) through a
     * short-lived container of {@code image} that is created but never started.
     */
    void snapshotVolume(String volume, String image, OutputStream tar);

    /**
     * Puts a tar archive made by {@link #snapshotVolume} back into a volume, over what it holds. A
     * refused archive leaves the volume as it was: either the whole archive is {@linkplain
     * TarArchive#check() checked} before anything is extracted, or it is extracted aside and moved
     * into place only once every entry passed.
     */
    void restoreVolume(String volume, String image, TarArchive tar);

    /**
     * Runs a one-off command in a new container of {@code image} that shares the network of
     * {@code networkContainerId}, waits for it to exit, streams {@code resultPath} out of it as
     * tar and removes it. Returns the exit code; the command's output goes to {@code output}.
     */
    int runHelper(String image, String networkContainerId, List<String> command, String resultPath,
                  OutputStream tar, Consumer<String> output);

    /**
     * Copies every file of one volume into another (which must exist), through short-lived
     * containers of {@code image} that are created but never started.
     */
    void copyVolume(String from, String to, String image);

    /**
     * Moves the data of stopped volumes aside inside them, or back, or drops what was set aside
     * ({@link AsideMove}): renames in a one-off container of {@code image} (which needs /bin/sh), so
     * the time does not grow with the data. Run again after an interruption, each finishes what it
     * began; a set-aside cut off is brought back without touching what stayed in place.
     */
    void aside(List<String> volumes, String image, AsideMove move);
}
