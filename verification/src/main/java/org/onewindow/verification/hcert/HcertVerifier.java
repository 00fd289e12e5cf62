package org.onewindow.verification.hcert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onewindow.core.verify.CredentialPresentation;
import org.onewindow.core.verify.VerificationMode;
import org.onewindow.core.verify.VerificationReason;
import org.onewindow.core.verify.VerificationResult;
import org.onewindow.verification.chain.CoseSteps;
import org.onewindow.verification.chain.FormatVerifier;
import org.onewindow.verification.chain.Formats;
import org.onewindow.verification.chain.Formats.Checks;
import org.onewindow.verification.chain.Outcome;
import org.onewindow.verification.cose.CoseAlgorithm;
import org.onewindow.verification.trust.TrustStore;

/**
 * HCERT (EU DCC / WHO DDCC:VS) as its specification says: {@code HC1:}, Base45, zlib, COSE_Sign1 (ES256
 * or PS256) over a CWT with claim -260 / 1 holding the DCC; key lookup by kid; the signing certificate
 * valid when the HCERT was issued and, when it carries DCC extended key usages, allowed to sign this type;
 * iat / exp; the payload schema; revocation by the UCI hash list of the trust data.
 */
public final class HcertVerifier implements FormatVerifier {
    public static final String PREFIX = "HC1:";
    static final long HCERT_CLAIM = -260;
    static final long DGC_V1 = 1;
    /** The DCC EKU OIDs per type (and the alternative arc some issuers used). */
    static final Map<String, Set<String>> EKU_BY_GROUP = Map.of(
            "t", Set.of("1.3.6.1.4.1.1847.2021.1.1", "1.3.6.1.4.1.0.1847.2021.1.1"),
            "v", Set.of("1.3.6.1.4.1.1847.2021.1.2", "1.3.6.1.4.1.0.1847.2021.1.2"),
            "r", Set.of("1.3.6.1.4.1.1847.2021.1.3", "1.3.6.1.4.1.0.1847.2021.1.3"));

    private final TrustStore trust;
    private final Clock clock;

    public HcertVerifier(TrustStore trust, Clock clock) {
        this.trust = trust;
        this.clock = clock;
    }

    @Override
    public String format() {
        return Formats.HCERT;
    }

    @Override
    public boolean accepts(CredentialPresentation presentation) {
        return FormatVerifier.text(presentation).startsWith(PREFIX);
    }

    @Override
    public VerificationResult verify(CredentialPresentation presentation) {
        Instant now = clock.instant();
        Outcome o = new Outcome(Formats.HCERT, VerificationMode.NOT_VERIFIED, now);
        byte[] cose;
        try {
            cose = CoseSteps.unwrapBase45(FormatVerifier.text(presentation).substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return o.malformed("HC1 payload: " + e.getMessage());
        }
        CoseSteps.Signed s = CoseSteps.decode(o, cose);
        if (s.failure != null) {
            return s.failure;
        }
        if (!(s.cwt.claim(HCERT_CLAIM) instanceof Map<?, ?> hcert) || !(hcert.get(DGC_V1) instanceof Map<?, ?> dgc)) {
            o.check(Checks.SCHEMA, false);
            return o.invalid(VerificationReason.MALFORMED, "CWT lacks the hcert claim -260 / 1");
        }
        s = CoseSteps.verify(o, s, Formats.HCERT, trust, List.of(CoseAlgorithm.ES256, CoseAlgorithm.PS256));
        if (s.failure != null) {
            return s.failure;
        }
        if (s.cwt.issuedAt() == null || s.cwt.expiresAt() == null) {
            o.check(Checks.SCHEMA, false);
            return o.invalid(VerificationReason.MALFORMED, "CWT lacks iat or exp");
        }
        var problem = HcertSchema.problem(dgc);
        o.check(Checks.SCHEMA, problem.isEmpty());
        if (problem.isPresent()) {
            return o.invalid(VerificationReason.MALFORMED, "DCC schema: " + problem.get());
        }
        String group = HcertSchema.group(dgc);
        Map<?, ?> entry = (Map<?, ?>) ((List<?>) dgc.get(group)).get(0);
        o.claims(claims(s.cwt.issuer(), dgc, group, entry));
        o.claim("validFrom", s.cwt.issuedAt().toString()).claim("validUntil", s.cwt.expiresAt().toString());

        X509Certificate cert = s.issuer.certificate();
        if (cert != null) {
            Instant iat = s.cwt.issuedAt();
            if (iat.isBefore(cert.getNotBefore().toInstant()) || iat.isAfter(cert.getNotAfter().toInstant())) {
                o.check(Checks.CERTIFICATE, false);
                return o.invalid(iat.isBefore(cert.getNotBefore().toInstant()) ? VerificationReason.NOT_YET_VALID
                        : VerificationReason.EXPIRED, "the signing certificate was not valid when the HCERT was issued");
            }
            Set<String> allowed = EKU_BY_GROUP.get(group);
            List<String> ekus = dccEkus(cert);
            if (!ekus.isEmpty() && ekus.stream().noneMatch(allowed::contains)) {
                o.check(Checks.CERTIFICATE, false);
                return o.invalid(VerificationReason.WRONG_CREDENTIAL_TYPE,
                        "the signing certificate's key usage does not allow " + typeName(group) + " certificates");
            }
            o.check(Checks.CERTIFICATE, true);
        }
        if (s.cwt.issuedAt().isAfter(now)) {
            o.check(Checks.EXPIRY, false);
            return o.invalid(VerificationReason.NOT_YET_VALID, "issued in the future (iat)");
        }
        if (!now.isBefore(s.cwt.expiresAt())) {
            o.check(Checks.EXPIRY, false);
            return o.invalid(VerificationReason.EXPIRED, "expired (exp)");
        }
        o.check(Checks.EXPIRY, true);
        boolean revoked = s.trustList.revokedHcerts().contains(uciHash((String) entry.get("ci")));
        o.check(Checks.REVOCATION, !revoked);
        if (revoked) {
            return o.invalid(VerificationReason.REVOKED, "the certificate identifier is on the revocation list");
        }
        return o.valid("HCERT verified with " + s.cose.algorithm().orElseThrow() + " against " + s.trustList.source());
    }

    private static Map<String, Object> claims(String country, Map<?, ?> dgc, String group, Map<?, ?> entry) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("credentialType", "hcert-" + typeName(group));
        Map<?, ?> nam = (Map<?, ?>) dgc.get("nam");
        String fn = nam.get("fn") instanceof String s ? s : (String) nam.get("fnt");
        String gn = nam.get("gn") instanceof String s ? s : nam.get("gnt") instanceof String t ? t : "";
        c.put("holderName", (fn + " " + gn).trim());
        c.put("dateOfBirth", dgc.get("dob"));
        c.put("issuingCountry", country);
        c.put("certificateIssuer", entry.get("is"));
        c.put("certificateId", entry.get("ci"));
        c.put("disease", entry.get("tg"));
        switch (group) {
            case "v" -> {
                c.put("dose", entry.get("dn") + "/" + entry.get("sd"));
                c.put("vaccinationDate", entry.get("dt"));
                c.put("product", entry.get("mp"));
            }
            case "t" -> {
                c.put("testType", entry.get("tt"));
                c.put("sampleTime", entry.get("sc"));
                c.put("testResult", entry.get("tr"));
            }
            default -> {
                c.put("firstPositive", entry.get("fr"));
                c.put("validFromDate", entry.get("df"));
                c.put("validUntilDate", entry.get("du"));
            }
        }
        return c;
    }

    static String typeName(String group) {
        return switch (group) {
            case "v" -> "vaccination";
            case "t" -> "test";
            default -> "recovery";
        };
    }

    private static List<String> dccEkus(X509Certificate cert) {
        try {
            List<String> ekus = cert.getExtendedKeyUsage();
            if (ekus == null) {
                return List.of();
            }
            return ekus.stream().filter(e -> EKU_BY_GROUP.values().stream().anyMatch(set -> set.contains(e))).toList();
        } catch (CertificateParsingException e) {
            return List.of("unparseable");
        }
    }

    /** The EU DCC revocation "UCI" hash: first 16 bytes of SHA-256 over the UCI, Base64. */
    public static String uciHash(String uci) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(uci.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(Arrays.copyOf(h, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
