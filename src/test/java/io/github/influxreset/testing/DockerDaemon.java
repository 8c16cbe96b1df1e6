package io.github.influxreset.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Docker engine itself, stopped and started again as a package upgrade or a crash would: only on
 * a dedicated test engine (one started as {@code .ci/run} starts it, with {@code --bridge=none}),
 * never on a developer's own.
 */
public final class DockerDaemon {
    private static final Path PID_FILE = Path.of("/var/run/docker.pid");
    private static final Path SOCKET = Path.of("/var/run/docker.sock");

    private DockerDaemon() {
    }

    /** Why the engine may not be restarted here, or empty when it may. */
    public static Optional<String> restartUnavailableReason() {
        Optional<List<String>> command = command();
        if (command.isEmpty()) {
            return Optional.of("no running dockerd found through " + PID_FILE);
        }
        if (!command.get().contains("--bridge=none")) {
            return Optional.of("the engine restart is tried only on a dedicated test engine (dockerd --bridge=none, as .ci/run "
                    + "starts it); this one runs as " + String.join(" ", command.get()));
        }
        return Optional.empty();
    }

    /** SIGTERM to dockerd (it stops its containers as on a shutdown), waiting until it has exited. */
    public static List<String> stop() throws IOException, InterruptedException, ExecutionException, TimeoutException {
        long pid = Long.parseLong(Files.readString(PID_FILE).strip());
        List<String> command = command().orElseThrow();
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
        handle.destroy();
        handle.onExit().get(2, TimeUnit.MINUTES);
        return command;
    }

    /** Starts dockerd again as it was started, detached, and waits until it answers. */
    public static void start(List<String> command, Path log) throws IOException, InterruptedException {
        List<String> detached = new ArrayList<>(List.of("setsid"));
        detached.addAll(command);
        new ProcessBuilder(detached).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            if (Files.exists(SOCKET) && new ProcessBuilder("docker", "version").start().waitFor() == 0) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
        }
        throw new IllegalStateException("dockerd did not answer again within a minute; its log: " + log);
    }

    private static Optional<List<String>> command() {
        try {
            long pid = Long.parseLong(Files.readString(PID_FILE).strip());
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            List<String> parts = Arrays.stream(new String(cmdline, StandardCharsets.UTF_8).split("\0"))
                    .filter(s -> !s.isEmpty()).toList();
            return parts.isEmpty() ? Optional.empty() : Optional.of(parts);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
