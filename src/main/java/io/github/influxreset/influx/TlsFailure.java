package io.github.influxreset.influx;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.TlsRefusal;
import io.github.influxreset.engine.log.Causes;
import javax.net.ssl.SSLException;

/** Tells a failed TLS handshake from a server that does not answer at all, and says what it means. */
public final class TlsFailure {
    private TlsFailure() {
    }

    public static boolean in(Throwable failure) {
        return Causes.find(failure, SSLException.class).isPresent();
    }

    /** The sentence for a failed handshake with the server at {@code url}: what was wrong, and the profile's key for it. */
    public static ResetException problem(String url, Throwable failure) {
        Throwable handshake = Causes.find(failure, SSLException.class).<Throwable>map(t -> t).orElse(failure);
        return switch (TlsRefusal.of(handshake.getMessage())) {
            case UNTRUSTED -> ResetException.problem("InfluxDB's certificate at " + url + " is not signed by an authority "
                    + "this computer trusts.", "Give the CA that signed it (a PEM file) as influx.caFile in the profile.", failure);
            case OTHER_HOST -> ResetException.problem("InfluxDB's certificate at " + url + " is for another host name.",
                    "Use the host name the certificate names in influx.url, or give InfluxDB a certificate for this one.", failure);
            default -> ResetException.problem("The TLS handshake with InfluxDB at " + url + " failed.",
                    "Check http:// versus https:// in influx.url, and influx.caFile when the home has its own CA.", failure);
        };
    }
}
