package io.github.influxreset.domain;

/**
 * An engine's machine showed an SSH host key the user's {@code known_hosts} does not hold: nothing
 * was done over the link. A face may put {@link #key()} to the user as a question; trusted, the
 * key is recorded and the connection tried again. Never accepted without the user.
 */
public final class HostKeyNotKnown extends ResetException {
    private static final long serialVersionUID = 1L;
    private final transient UnknownHostKey key;

    public HostKeyNotKnown(UnknownHostKey key) {
        super(Reason.PROBLEM_FOUND, "The SSH host key of " + key.host() + " (" + key.address() + ") is not known: it shows "
                + key.fingerprint() + ". A key is never accepted without you.", "Check on that machine that it is its key "
                + "('ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub'), then trust it: answer the wizard's question, or run "
                + "'influx-reset check --trust-host-key " + key.fingerprint().substring(key.fingerprint().lastIndexOf(' ') + 1)
                + "', or log in once with ssh to accept it; then try again.");
        this.key = key;
    }

    public UnknownHostKey key() {
        return key;
    }
}
