package io.github.influxreset.influx;

import io.github.influxreset.domain.ResetException;
import javax.net.ssl.SSLException;

/** Tells a failed TLS handshake from a server that does not answer at all, and says what it means. */
public final class TlsFailure {
    private TlsFailure() {
    }

    public static boolean in(Throwable failure) {
        return cause(failure) != null;
    }

    /** The sentence for a failed handshake with the server at {@code url}: what was wrong, and the profile's key for it. */
    public static ResetException problem(String url, Throwable failure) {
        String message = String.valueOf(cause(failure) == null ? failure.getMessage() : cause(failure).getMessage());
        if (message.contains("PKIX") || message.contains("certification path")) {
            return ResetException.problem("InfluxDB's certificate at " + url + " is not signed by an authority this "
                    + "computer trusts.", "Give the CA that signed it (a PEM file) as influx.caFile in the profile.", failure);
        }
        if (message.contains("No subject alternative") || message.contains("doesn't match")
                || message.contains("Hostname") && message.contains("not verified")) {
            return ResetException.problem("InfluxDB's certificate at " + url + " is for another host name.",
                    "Use the host name the certificate names in influx.url, or give InfluxDB a certificate for this one.",
                    failure);
        }
        return ResetException.problem("The TLS handshake with InfluxDB at " + url + " failed.",
                "Check http:// versus https:// in influx.url, and influx.caFile when the home has its own CA.", failure);
    }

    private static Throwable cause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return t;
            }
        }
        return null;
    }
}
