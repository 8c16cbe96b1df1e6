package io.github.influxreset.influx;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.TlsTrust;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * The HTTP clients of the InfluxDB adapters, trusting what the profile says: the system's
 * authorities, the home's own CA ({@code caFile}), or, set on purpose, any certificate.
 */
public final class TlsClients {
    private TlsClients() {
    }

    /** Java's client, for the 1.x API and 2.x's native backup and restore. */
    public static HttpClient.Builder http(TlsTrust trust) {
        HttpClient.Builder builder = HttpClient.newBuilder();
        return trust.isSystem() ? builder : builder.sslContext(context(trustManager(trust)));
    }

    /** OkHttp, for influxdb-client-java. */
    public static OkHttpClient.Builder okHttp(TlsTrust trust) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        if (trust.isSystem()) {
            return builder;
        }
        X509TrustManager manager = trustManager(trust);
        builder.sslSocketFactory(context(manager).getSocketFactory(), manager);
        return trust.skipVerify() ? builder.hostnameVerifier((host, session) -> true) : builder;
    }

    private static SSLContext context(X509TrustManager manager) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {manager}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has TLS", e);
        }
    }

    private static X509TrustManager trustManager(TlsTrust trust) {
        if (trust.skipVerify()) {
            return new TrustingAnyCertificate();
        }
        var caFile = trust.caFile().orElseThrow();
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> authorities = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (authorities.isEmpty()) {
                throw new GeneralSecurityException("no certificate in it");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate authority : authorities) {
                store.setCertificateEntry("ca-" + i++, authority);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return (X509TrustManager) factory.getTrustManagers()[0];
        } catch (IOException | GeneralSecurityException e) {
            throw ResetException.badInput("influx.caFile " + caFile + " holds no CA certificate that can be read ("
                    + e.getMessage() + ").", "Give the PEM file of the CA that signed InfluxDB's certificate.");
        }
    }

    /** {@code insecureSkipVerify}: no check at all, the host name's included; only when the profile says so. */
    private static final class TrustingAnyCertificate extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // a client: not this program's concern
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // insecureSkipVerify, set on purpose
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // a client: not this program's concern
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // insecureSkipVerify, set on purpose
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // a client: not this program's concern
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // insecureSkipVerify, set on purpose
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
