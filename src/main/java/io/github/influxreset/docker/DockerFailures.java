package io.github.influxreset.docker;

import com.github.dockerjava.api.exception.DockerException;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.TlsRefusal;
import io.github.influxreset.engine.log.Causes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/** How a docker-java failure becomes a sentence for the user: what could not be done, and what to check. */
final class DockerFailures {
    private DockerFailures() {
    }

    /** Runs a docker-java call; its failures become a sentence naming what could not be done. */
    interface IoWork<T> {
        T run() throws IOException;
    }

    static <T> T io(IoWork<T> work) {
        try {
            return work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T call(String host, String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (ResetException e) {
            throw e;
        } catch (DockerException e) {
            if (String.valueOf(e.getMessage()).contains("HTTP request to an HTTPS server")) {
                throw ResetException.problem("The Docker engine at " + host + " asks for TLS, and no certificates were given.",
                        "Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder with its ca.pem, cert.pem and key.pem, "
                                + "or name a docker context that holds them, and try again.", e);
            }
            throw ResetException.problem("Docker could not " + what + ": " + firstLine(e.getMessage()) + ".",
                    "Check the container and volume names in the profile and the Docker daemon's log.", e);
        } catch (RuntimeException e) {
            Optional<SSLException> tls = Causes.find(e, SSLException.class);
            if (tls.isPresent()) {
                throw ResetException.problem("The Docker engine at " + host + " did not pass the TLS check: "
                        + tlsReason(tls.get()) + ".", "Check that the certificates (DOCKER_CERT_PATH, or the docker "
                        + "context's TLS material) are the engine's CA and a client certificate it signed.", e);
            }
            if (isUnreachable(e)) {
                throw ResetException.problem("The Docker engine at " + host + " cannot be reached.",
                        "Start Docker, or name the engine the stack runs on (docker.host or docker.context in the profile, "
                                + "DOCKER_HOST, DOCKER_CONTEXT), and try again.", e);
            }
            throw ResetException.problem("Docker could not " + what + ": " + firstLine(String.valueOf(e.getMessage())) + ".",
                    "Check the Docker daemon's log.", e);
        }
    }

    /** What a TLS failure means, in the words of Docker's settings. */
    private static String tlsReason(Throwable tls) {
        return switch (TlsRefusal.of(tls.getMessage())) {
            case UNTRUSTED -> "its certificate is not signed by the CA in ca.pem";
            case CLIENT_REFUSED -> "it refused the client certificate (cert.pem)";
            case OTHER_HOST -> "its certificate is for another host name";
            case OTHER -> "the connection could not be secured";
        };
    }

    private static boolean isUnreachable(Throwable e) {
        if (Causes.anyOf(e, ConnectException.class, SocketException.class, NoSuchFileException.class,
                UnknownHostException.class)) {
            return true;
        }
        String message = String.valueOf(e.getMessage());
        return message.contains("No such file or directory") || message.contains("Connection refused");
    }

    static String firstLine(String message) {
        String text = message == null ? "unknown error" : message.strip();
        int newline = text.indexOf('\n');
        String first = newline < 0 ? text : text.substring(0, newline);
        return first.replaceFirst("^Status \\d+: ", "").replaceAll("[{}\"]", "").replaceFirst("^message:", "").strip();
    }
}
