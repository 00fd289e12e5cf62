package org.onewindow.verification.elicense;

import java.time.Instant;
import java.util.Map;

/**
 * What an offline e-license QR states (docs/offline-elicense-qr.md).
 *
 * @param issuerCreditCode the issuer's unified social credit code (CWT iss)
 * @param identifier       the national e-license identifier (1.2.156.3005.2....)
 * @param credentialType   stable type key ("business-license", ...)
 * @param typeName         the type's name for people (营业执照)
 * @param holderName       holder name
 * @param holderId         holder's ID number or credit code
 * @param issuerName       issuing authority's name
 * @param issuedAt         CWT iat
 * @param validFrom        CWT nbf (may be null)
 * @param validUntil       CWT exp (null = long-term)
 * @param fileSha256       SHA-256 of the e-license file, or null
 * @param statusListId     status list holding this credential's revocation bit, or null
 * @param statusIndex      its index in that list
 * @param extra            further text claims to show (may be empty)
 */
public record ElicenseQrContent(String issuerCreditCode, String identifier, String credentialType, String typeName,
                                String holderName, String holderId, String issuerName, Instant issuedAt,
                                Instant validFrom, Instant validUntil, byte[] fileSha256, String statusListId,
                                long statusIndex, Map<String, String> extra) {
    public ElicenseQrContent {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
        fileSha256 = fileSha256 == null ? null : fileSha256.clone();
    }

    @Override
    public byte[] fileSha256() {
        return fileSha256 == null ? null : fileSha256.clone();
    }
}
