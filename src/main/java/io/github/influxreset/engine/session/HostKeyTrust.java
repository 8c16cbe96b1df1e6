package io.github.influxreset.engine.session;

import io.github.influxreset.domain.Step;
import io.github.influxreset.domain.UnknownHostKey;
import io.github.influxreset.engine.log.LogBus;
import io.github.influxreset.engine.port.KnownHosts;

/**
 * An SSH host key the user said yes to, after the checks put it to them ({@link
 * StackChecks.Checked#unknownHostKey}): recorded in their {@code known_hosts} as {@code ssh} records
 * it, and said in the log. A key is never trusted without the user; a changed key is never offered.
 */
public final class HostKeyTrust {
    private final KnownHosts knownHosts;
    private final LogBus log;

    HostKeyTrust(KnownHosts knownHosts, LogBus log) {
        this.knownHosts = knownHosts;
        this.log = log;
    }

    /** Records the key; the next check connects with it. */
    public void trust(UnknownHostKey key) {
        knownHosts.trust(key);
        log.info(Step.PREREQUISITES, "SSH host key " + key.fingerprint() + " of " + key.host() + " trusted by you and added to "
                + key.knownHosts() + ".");
    }
}
