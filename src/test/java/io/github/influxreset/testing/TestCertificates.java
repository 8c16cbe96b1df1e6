package io.github.influxreset.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made by a test, and the certificates it signs for 127.0.0.1: a server's
 * (a Docker engine, an InfluxDB behind HTTPS) and a client's, written as the PEM files Docker reads
 * ({@code ca.pem}, {@code cert.pem}, {@code key.pem}). Valid for a day; never leaves the test's folder.
 */
public final class TestCertificates {
    private final X500Name caName;
    private final KeyPair caKeys;
    private final X509Certificate ca;
    private long serial = 1;

    public TestCertificates(String name) throws Exception {
        caKeys = keys();
        caName = new X500Name("CN=" + name);
        X509v3CertificateBuilder builder = builder(caName, caName, caKeys)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        ca = sign(builder, caKeys);
    }

    /** Writes {@code ca.pem}, {@code cert.pem} and {@code key.pem} of a server at 127.0.0.1 into {@code dir}. */
    public Path server(Path dir) throws Exception {
        KeyPair keys = keys();
        X509v3CertificateBuilder builder = builder(caName, new X500Name("CN=127.0.0.1"), keys)
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        return write(dir, sign(builder, caKeys), keys);
    }

    /** Writes {@code ca.pem}, {@code cert.pem} and {@code key.pem} of a client into {@code dir}. */
    public Path client(Path dir) throws Exception {
        KeyPair keys = keys();
        X509v3CertificateBuilder builder = builder(caName, new X500Name("CN=client"), keys)
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        return write(dir, sign(builder, caKeys), keys);
    }

    private X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(serial++), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(1))), subject, keys.getPublic());
    }

    private Path write(Path dir, X509Certificate certificate, KeyPair keys) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("ca.pem"), pem(ca));
        Files.writeString(dir.resolve("cert.pem"), pem(certificate));
        Files.writeString(dir.resolve("key.pem"), pem(new JcaPKCS8Generator(keys.getPrivate(), null)));
        return dir;
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static String pem(Object object) throws IOException {
        // a key as PKCS#8 ("PRIVATE KEY"): what both Go (dockerd) and docker-java read
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
