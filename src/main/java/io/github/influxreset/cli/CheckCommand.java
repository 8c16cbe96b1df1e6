package io.github.influxreset.cli;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.UnknownHostKey;
import io.github.influxreset.engine.session.ResetSession;
import io.github.influxreset.engine.session.StackChecks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code check}: the prerequisite checks, one line each; exit 1 when any fails. With {@code
 * --trust-host-key} the SSH host key the engine's machine shows is recorded in known_hosts when its
 * fingerprint is the one given (the user checked it on that machine), and the checks run again.
 */
@Command(name = "check", description = "Run the prerequisite checks; one line per check.")
final class CheckCommand extends BaseCommand {
    @Option(names = "--trust-host-key", paramLabel = "SHA256:…", description = "Trust the SSH host key of an ssh:// "
            + "engine's machine when it shows this fingerprint (check it there with 'ssh-keygen -lf "
            + "/etc/ssh/ssh_host_ed25519_key.pub'); it is added to ~/.ssh/known_hosts.")
    private String trustHostKey;

    @Override
    public Integer call() {
        Profile profile = profile();
        ResetSession session = root.context.session(profile);
        StackChecks.Checked checked = session.inspector().checks();
        if (trustHostKey != null && trust(session, checked.unknownHostKey())) {
            checked = session.inspector().checks();
        }
        List<Finding> findings = checked.findings();
        boolean failed = findings.stream().anyMatch(f -> f.severity().isProblem());
        findings.forEach(f -> output().line(Findings.line(f)));
        output().line(failed ? "Some checks failed: fix them before a reset." : "All checks passed.");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ok", !failed);
        doc.put("checks", Findings.toJson(findings));
        output().document(doc);
        return failed ? 1 : 0;
    }

    /**
     * Records the key shown when it is the one the user gave (true: the checks run again with it);
     * refuses, changing nothing, when it is not; false when no unknown key was shown.
     */
    private boolean trust(ResetSession session, Optional<UnknownHostKey> shown) {
        if (shown.isEmpty()) {
            output().line("No SSH host key to trust: the engine's machine showed none that known_hosts lacks.");
            return false;
        }
        UnknownHostKey key = shown.get();
        if (!key.fingerprint().endsWith(" " + trustHostKey.strip())) {
            throw ResetException.badInput("The machine at " + key.address() + " shows the SSH host key " + key.fingerprint()
                    + ", not " + trustHostKey.strip() + ": nothing was trusted.", "Compare the fingerprint with the one "
                    + "that machine prints for 'ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub'; if they differ, do not "
                    + "connect.");
        }
        session.hostKeys().trust(key);
        output().line("SSH host key " + key.fingerprint() + " of " + key.host() + " added to " + key.knownHosts() + ".");
        return true;
    }
}
