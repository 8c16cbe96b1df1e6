package io.github.influxreset.domain;

import java.util.Locale;

/**
 * Why a TLS handshake failed, read from the JDK's message (which names its own classes, "PKIX path
 * building failed"): so that each adapter can say it in words of its own settings.
 */
public enum TlsRefusal {
    /** The server's certificate is not signed by an authority this side trusts. */
    UNTRUSTED,
    /** The server refused this side's client certificate. */
    CLIENT_REFUSED,
    /** The certificate is for another host name. */
    OTHER_HOST,
    /** Anything else: a plain-HTTP server, a protocol mismatch, … */
    OTHER;

    public static TlsRefusal of(String message) {
        String text = String.valueOf(message).toLowerCase(Locale.ROOT);
        if (text.contains("pkix") || text.contains("certification path")) {
            return UNTRUSTED;
        }
        if (text.contains("bad_certificate") || text.contains("unknown_ca") || text.contains("certificate_required")) {
            return CLIENT_REFUSED;
        }
        if (text.contains("no subject alternative") || text.contains("doesn't match")
                || text.contains("hostname") && text.contains("not verified")) {
            return OTHER_HOST;
        }
        return OTHER;
    }
}
