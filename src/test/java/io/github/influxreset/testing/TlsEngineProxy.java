package io.github.influxreset.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The rig's own engine offered on {@code tcp://127.0.0.1:PORT} behind TLS with client certificates,
 * as {@code dockerd --tlsverify} offers it: each connection, once its client certificate is checked
 * against the test's CA, is carried to the engine's unix socket. So a whole reset runs on the rig
 * through the product's TLS path (a second, real dockerd with TLS is {@link SecondEngine}).
 */
public final class TlsEngineProxy implements AutoCloseable {
    private static final Path SOCKET = Path.of("/var/run/docker.sock");

    public final Path clientCertificates;
    private final SSLServerSocket server;

    public TlsEngineProxy(Path dir, TestCertificates authority) throws Exception {
        Path serverCertificates = authority.server(dir.resolve("server"));
        clientCertificates = authority.client(dir.resolve("client"));
        SSLContext context = SSLContext.getInstance("TLS");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore(serverCertificates), new char[0]);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        KeyStore authorities = KeyStore.getInstance(KeyStore.getDefaultType());
        authorities.load(null, null);
        authorities.setCertificateEntry("ca", certificate(serverCertificates.resolve("ca.pem")));
        trust.init(authorities);
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(true);
        Thread acceptor = new Thread(this::accept, "tls-engine-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String host() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                SocketChannel engine = SocketChannel.open(StandardProtocolFamily.UNIX);
                engine.connect(UnixDomainSocketAddress.of(SOCKET));
                carry(client.getInputStream(), engine, client);
                carryBack(engine, client.getOutputStream(), client);
            } catch (IOException closed) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private static void carry(InputStream from, SocketChannel to, Socket client) {
        daemon(() -> {
            byte[] buffer = new byte[64 * 1024];
            for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    to.write(chunk);
                }
            }
            to.shutdownOutput();
        }, client);
    }

    private static void carryBack(SocketChannel from, OutputStream to, Socket client) {
        daemon(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            while (from.read(buffer.clear()) >= 0) {
                to.write(buffer.array(), 0, buffer.position());
                to.flush();
            }
            client.close();
            from.close();
        }, client);
    }

    private interface Work {
        void run() throws IOException;
    }

    private static void daemon(Work work, Socket client) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (IOException ended) {
                try {
                    client.close();
                } catch (IOException ignored) {
                    // over either way
                }
            }
        }, "tls-engine-proxy connection");
        thread.setDaemon(true);
        thread.start();
    }

    private static KeyStore keyStore(Path certificates) throws Exception {
        String pem = Files.readString(certificates.resolve("key.pem")).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", key, new char[0], new Certificate[] {certificate(certificates.resolve("cert.pem"))});
        return store;
    }

    private static Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
