package org.onewindow.verification.trust;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** X.509 helpers: PEM or DER in, HCERT key ids out. SM2 certificates go through BouncyCastle. */
public final class Certificates {
    static final Provider BC = org.onewindow.verification.crypto.BouncyCastle.PROVIDER;
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    private Certificates() {
    }

    /** One DER certificate. */
    public static X509Certificate parse(byte[] der) throws CertificateException {
        try {
            X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            c.getPublicKey(); // fails late for curves the JDK lacks (SM2)
            if (!"X.509".equals(c.getPublicKey().getFormat()) || c.getPublicKey().getClass().getName().contains("X509Key")) {
                return parseWithBc(der);
            }
            return c;
        } catch (CertificateException | RuntimeException e) {
            return parseWithBc(der);
        }
    }

    private static X509Certificate parseWithBc(byte[] der) throws CertificateException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509", BC)
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (RuntimeException e) {
            throw new CertificateException("not an X.509 certificate");
        }
    }

    /** All certificates in a PEM text, or the single DER certificate the bytes are. */
    public static List<X509Certificate> parseAll(byte[] bytes) throws CertificateException {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            out.add(parse(Base64.getMimeDecoder().decode(m.group(1))));
        }
        if (out.isEmpty()) {
            out.add(parse(bytes));
        }
        return out;
    }

    public static String toPem(X509Certificate cert) throws CertificateException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    /** HCERT key id: the first 8 bytes of SHA-256 over the DER certificate, Base64 as trust lists carry it. */
    public static String hcertKid(X509Certificate cert) throws CertificateException {
        return Base64.getEncoder().encodeToString(hcertKidBytes(cert));
    }

    public static byte[] hcertKidBytes(X509Certificate cert) throws CertificateException {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()), 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
