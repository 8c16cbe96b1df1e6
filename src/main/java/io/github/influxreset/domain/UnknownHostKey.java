package io.github.influxreset.domain;

import java.nio.file.Path;

/**
 * The SSH host key an engine's machine showed that the user's {@code known_hosts} does not hold:
 * what the user is asked to check and trust, as {@code ssh} asks on a first login.
 *
 * @param host           the machine as {@code known_hosts} names it ({@code host}, or {@code [host]:port})
 * @param address        the engine's address ({@code ssh://user@host:port})
 * @param fingerprint    the key's type and SHA-256 fingerprint, as {@code ssh-keygen -l} prints it
 * @param knownHostsLine the line that records the key ({@code host type base64})
 * @param knownHosts     the file the line goes into when the user trusts the key
 */
public record UnknownHostKey(String host, String address, String fingerprint, String knownHostsLine, Path knownHosts) {
    /** The question put to the user, with what to compare the fingerprint against. */
    public String question() {
        return "The machine at " + address + " shows the SSH host key " + fingerprint + ", which " + knownHosts
                + " does not hold. Trust it only if it is the key that machine prints for 'ssh-keygen -lf "
                + "/etc/ssh/ssh_host_ed25519_key.pub' (or the key file of its type).";
    }
}
