package org.onewindow.verification.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IT's import path: a trust-list file (signed envelope or bare list) or one or more issuer certificates
 * (PEM or DER). Imported certificates may verify every format; their age counts from the import.
 */
public final class TrustFiles {
    private static final Logger LOG = LoggerFactory.getLogger(TrustFiles.class);
    private static final int MAX_FILE = 16 * 1024 * 1024;

    private TrustFiles() {
    }

    /**
     * Loads {@code file}. A signed envelope is verified with {@code signer} when one is given; without one
     * the operator who named the file vouches for it (logged).
     */
    public static TrustList load(Path file, PublicKey signer, Instant now) throws IOException, TrustListException {
        if (Files.size(file) > MAX_FILE) {
            throw new TrustListException("trust file is too large");
        }
        byte[] bytes = Files.readAllBytes(file);
        String name = String.valueOf(file.getFileName());
        String head = new String(bytes, 0, Math.min(bytes.length, 64), java.nio.charset.StandardCharsets.US_ASCII).trim();
        if (head.startsWith("{")) {
            byte[] payload = bytes;
            if (TrustListCodec.isEnvelope(bytes)) {
                if (signer != null) {
                    payload = TrustListCodec.openEnvelope(bytes, signer);
                } else {
                    LOG.warn("importing trust list {} without checking its signature (no signer configured)", name);
                    payload = TrustListCodec.openEnvelopeUnchecked(bytes);
                }
            }
            return TrustListCodec.parseTrustList(payload, name);
        }
        try {
            List<TrustedIssuer> issuers = new ArrayList<>();
            for (X509Certificate cert : Certificates.parseAll(bytes)) {
                issuers.add(new TrustedIssuer(Certificates.hcertKid(cert), commonName(cert.getSubjectX500Principal()),
                        commonName(cert.getSubjectX500Principal()), Set.of(), cert, null));
            }
            return new TrustList(0, now, issuers, Map.of(), Set.of(), name);
        } catch (CertificateException e) {
            throw new TrustListException(name + " is neither a trust list nor a certificate");
        }
    }

    static String commonName(X500Principal p) {
        for (String part : p.getName(X500Principal.RFC2253).split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3);
            }
        }
        return p.getName();
    }
}
