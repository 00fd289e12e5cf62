package org.onewindow.verification.trust;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Set;

/**
 * One key the verifiers may trust.
 *
 * @param kid         key id as credentials name it: Base64 of the COSE kid bytes, or a JWT "kid" string
 * @param name        human-readable issuer name for the result card
 * @param issuerId    issuer identifier (credit code, country code, JWT "iss"); may be null
 * @param formats     formats this key may sign ({@link org.onewindow.verification.chain.Formats}); empty = any
 * @param certificate the issuer certificate, or null for a bare key
 * @param publicKey   the verification key (the certificate's key when there is one)
 */
public record TrustedIssuer(String kid, String name, String issuerId, Set<String> formats, X509Certificate certificate,
                            PublicKey publicKey) {
    public TrustedIssuer {
        formats = formats == null ? Set.of() : Set.copyOf(formats);
        if (publicKey == null && certificate != null) {
            publicKey = certificate.getPublicKey();
        }
        if (kid == null || publicKey == null) {
            throw new IllegalArgumentException("a trusted issuer needs a kid and a key");
        }
    }

    public boolean mayVerify(String format) {
        return formats.isEmpty() || formats.contains(format);
    }
}
