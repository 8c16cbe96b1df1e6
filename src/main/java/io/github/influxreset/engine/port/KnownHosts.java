package io.github.influxreset.engine.port;

import io.github.influxreset.domain.UnknownHostKey;

/** The user's SSH {@code known_hosts}: where a host key the user trusted is recorded, as {@code ssh} records it. */
@FunctionalInterface
public interface KnownHosts {
    /** A session that cannot record keys (tests, a face that never asks): trusting says so. */
    KnownHosts NONE = key -> {
        throw new UnsupportedOperationException("this session records no SSH host keys");
    };

    /**
     * Adds the key's line to its {@code known_hosts} (the file and its folder made private when they
     * do not exist); nothing when the line is there already. Called only after the user said yes.
     */
    void trust(UnknownHostKey key);
}
