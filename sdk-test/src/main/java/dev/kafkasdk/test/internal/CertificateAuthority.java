package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.KafkaTestKitException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway certificate authority for one test cluster: an EC P-256 CA that issues server and
 * client certificates valid for a day, and PKCS12 stores to hold them. Generated with BouncyCastle
 * at test time; nothing is written except the stores the caller asks for. Thread-safe.
 */
final class CertificateAuthority {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final Duration VALIDITY = Duration.ofDays(1);

    /** A key pair with its certificate chain (leaf first). */
    record Issued(PrivateKey key, X509Certificate[] chain) {}

    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final X500Name name;

    private CertificateAuthority(KeyPair keyPair, X509Certificate certificate, X500Name name) {
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.name = name;
    }

    /** Creates a self-signed CA named {@code CN=<commonName>}. */
    static CertificateAuthority create(String commonName) {
        KeyPair keyPair = newKeyPair();
        X500Name name = new X500Name("CN=" + commonName);
        try {
            X509v3CertificateBuilder builder = builder(name, name, keyPair);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new CertificateAuthority(keyPair, sign(builder, keyPair.getPrivate()), name);
        } catch (IOException e) {
            throw new KafkaTestKitException("Could not create the test CA " + commonName, e);
        }
    }

    X509Certificate certificate() {
        return certificate;
    }

    /**
     * Issues a certificate for {@code CN=<commonName>} usable for TLS servers and clients, with the
     * given DNS names and IP addresses as subject alternative names.
     */
    Issued issue(String commonName, List<String> dnsNames, List<String> ipAddresses) {
        KeyPair leaf = newKeyPair();
        try {
            X509v3CertificateBuilder builder = builder(name, new X500Name("CN=" + commonName), leaf);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
            }));
            if (!dnsNames.isEmpty() || !ipAddresses.isEmpty()) {
                GeneralName[] names = new GeneralName[dnsNames.size() + ipAddresses.size()];
                int i = 0;
                for (String dns : dnsNames) {
                    names[i++] = new GeneralName(GeneralName.dNSName, dns);
                }
                for (String ip : ipAddresses) {
                    names[i++] = new GeneralName(GeneralName.iPAddress, ip);
                }
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            return new Issued(
                    leaf.getPrivate(), new X509Certificate[] {sign(builder, keyPair.getPrivate()), certificate});
        } catch (IOException e) {
            throw new KafkaTestKitException("Could not issue a test certificate for " + commonName, e);
        }
    }

    /** Writes a PKCS12 key store holding the key and chain under {@code alias}. */
    static void writeKeyStore(Path file, String alias, Issued issued, char[] password) {
        write(file, password, store -> store.setKeyEntry(alias, issued.key(), password, issued.chain()));
    }

    /** Writes a PKCS12 trust store holding {@code ca} as a trusted certificate. */
    static void writeTrustStore(Path file, X509Certificate ca, char[] password) {
        write(file, password, store -> store.setCertificateEntry("ca", ca));
    }

    private interface StoreFiller {
        void fill(KeyStore store) throws GeneralSecurityException;
    }

    private static void write(Path file, char[] password, StoreFiller filler) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            filler.fill(store);
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new KafkaTestKitException("Could not write the test key store " + file, e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair subjectKeys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(
                issuer,
                new BigInteger(64, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(VALIDITY)),
                subject,
                subjectKeys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(issuerKey)));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new KafkaTestKitException("Could not sign a test certificate", e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new KafkaTestKitException("Could not generate an EC key pair for a test certificate", e);
        }
    }
}
