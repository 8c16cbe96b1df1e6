package io.github.influxreset.influx;

/** Tells a failed TLS handshake from a server that does not answer at all. */
public final class TlsFailure {
    private TlsFailure() {
    }

    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException) {
                return true;
            }
        }
        return false;
    }
}
