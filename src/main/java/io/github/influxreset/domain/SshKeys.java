package io.github.influxreset.domain;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How an {@code ssh://} engine's machine is logged in to, as {@code ssh} would: the keys and
 * {@code known_hosts} of the user's SSH folder, and the user's agent when one runs.
 *
 * @param folder      the user's SSH folder ({@code ~/.ssh}): {@code known_hosts}, {@code id_ed25519}, …
 * @param agentSocket the agent's socket ({@code SSH_AUTH_SOCK}), when one runs
 */
public record SshKeys(Path folder, Optional<Path> agentSocket) {
}
