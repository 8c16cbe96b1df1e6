package io.github.influxreset.domain;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Docker engine a profile acts on, and why that one.
 *
 * @param host        the engine's address, as docker names it ({@code unix://…}, {@code tcp://…}, {@code ssh://…})
 * @param chosenBy    why this engine, in words for the user ("DOCKER_HOST", "docker context 'nas'", …)
 * @param context     the docker context it was read from, when one: what a profile records to find it again
 * @param tlsMaterial a folder holding {@code ca.pem}, {@code cert.pem} and {@code key.pem}: the engine is
 *                    reached over TLS and its certificate verified against {@code ca.pem}; empty for no TLS
 * @param ssh         how an {@code ssh://} engine's machine is logged in to; empty for other engines
 */
public record DockerEngine(String host, String chosenBy, Optional<String> context, Optional<Path> tlsMaterial,
                           Optional<SshKeys> ssh) {
    /** Where a Docker engine listens when nothing names another. */
    public static final String LOCAL_SOCKET = "unix:///var/run/docker.sock";

    public DockerEngine {
        host = host.strip();
    }

    /** An engine reached without TLS. */
    public static DockerEngine plain(String host, String chosenBy) {
        return new DockerEngine(host, chosenBy, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Whether the engine's machine is reached over SSH. */
    public boolean overSsh() {
        return host.startsWith("ssh://");
    }

    /**
     * The machine the engine runs on, when it is another than this one ({@code ssh://pi@nas.local}
     * and {@code tcp://nas.local:2376} give {@code nas.local}; a unix socket or a loopback address, none).
     */
    public Optional<String> remoteMachine() {
        if (!host.startsWith("ssh://") && !host.startsWith("tcp://")) {
            return Optional.empty();
        }
        try {
            String machine = URI.create(host).getHost();
            return machine == null || machine.equals("localhost") || machine.startsWith("127.") || machine.equals("[::1]")
                    ? Optional.empty() : Optional.of(machine);
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
    }

    /** The engine and why, for a check or a log line: "unix:///run/user/1000/docker.sock (DOCKER_HOST)". */
    public String describe() {
        return host + " (" + chosenBy + (tlsMaterial.isPresent() ? ", TLS verified" : "") + ")";
    }
}
