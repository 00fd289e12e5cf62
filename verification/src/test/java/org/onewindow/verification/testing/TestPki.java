package org.onewindow.verification.testing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Keys and self-signed certificates made in the tests: no key material is checked in. */
public final class TestPki {
    public static final Provider BC = org.onewindow.verification.crypto.BouncyCastle.PROVIDER;
    /** The JDK's generator: BouncyCastle's default one takes seconds to seed. */
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final AtomicLong SERIAL = new AtomicLong(1000);

    private TestPki() {
    }

    public static KeyPair ecP256() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsa2048() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair sm2() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
            g.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed certificate for {@code keys}, valid between the two instants, with optional EKU OIDs. */
    public static X509Certificate certificate(KeyPair keys, String cn, Instant notBefore, Instant notAfter, String... ekuOids) {
        try {
            X500Name name = new X500Name("CN=" + cn + ",O=OneWindow Test,C=CN");
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(notBefore), Date.from(notAfter), name, keys.getPublic());
            if (ekuOids.length > 0) {
                KeyPurposeId[] ids = new KeyPurposeId[ekuOids.length];
                for (int i = 0; i < ekuOids.length; i++) {
                    ids[i] = KeyPurposeId.getInstance(new ASN1ObjectIdentifier(ekuOids[i]));
                }
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(ids));
            }
            String alg = switch (keys.getPublic().getAlgorithm()) {
                case "RSA" -> "SHA256withRSA";
                default -> keys.getPublic().toString().contains("sm2") || isSm2(keys) ? "SM3withSM2" : "SHA256withECDSA";
            };
            var signer = new JcaContentSignerBuilder(alg).setProvider(BC).setSecureRandom(RANDOM).build(keys.getPrivate());
            return new JcaX509CertificateConverter().setProvider(BC).getCertificate(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isSm2(KeyPair keys) {
        return keys.getPublic() instanceof java.security.interfaces.ECPublicKey ec
                && ec.getParams().getCurve().getField().getFieldSize() == 256
                && ec.getParams().getCurve().getA().toString(16).startsWith("fffffffeffffffff");
    }

    public static X509Certificate certificate(KeyPair keys, String cn) {
        return certificate(keys, cn, Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2035-01-01T00:00:00Z"));
    }
}
