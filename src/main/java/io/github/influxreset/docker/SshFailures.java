package io.github.influxreset.docker;

import com.jcraft.jsch.JSchException;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.log.Causes;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;

/** How a failed SSH login becomes a sentence: what went wrong, and what to check. */
final class SshFailures {
    private SshFailures() {
    }

    static ResetException of(String address, JSchException e) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Auth fail") || message.startsWith("Auth cancel")) {
            return ResetException.problem("The machine at " + address + " refused every SSH key offered (the agent's, and "
                    + "~/.ssh/id_ed25519, id_ecdsa, id_rsa).", "Check that '" + sshCommand(address)
                    + "' logs in without a password, and try again.", e);
        }
        if (Causes.anyOf(e, ConnectException.class, UnknownHostException.class, SocketTimeoutException.class)
                || message.contains("timeout")) {
            return ResetException.problem("The machine at " + address + " cannot be reached over SSH.",
                    "Check that it is on, that its SSH server runs and that the address and port are right, and try again.", e);
        }
        return ResetException.problem("The SSH login to " + address + " failed: " + message + ".",
                "Check that '" + sshCommand(address) + "' works, and try again.", e);
    }

    /** The ssh command that logs in as the product does: {@code ssh -p 2222 root@nas}. */
    static String sshCommand(String address) {
        URI uri = URI.create(address);
        return "ssh " + (uri.getPort() > 0 ? "-p " + uri.getPort() + " " : "")
                + (uri.getUserInfo() != null ? uri.getUserInfo() + "@" : "") + uri.getHost();
    }
}
