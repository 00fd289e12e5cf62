package org.onewindow.verification.claim169;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.onewindow.core.verify.CredentialPresentation;
import org.onewindow.core.verify.VerificationMode;
import org.onewindow.core.verify.VerificationReason;
import org.onewindow.core.verify.VerificationResult;
import org.onewindow.verification.cbor.Cbor;
import org.onewindow.verification.cbor.CborException;
import org.onewindow.verification.cbor.CborTagged;
import org.onewindow.verification.chain.CoseSteps;
import org.onewindow.verification.chain.FormatVerifier;
import org.onewindow.verification.chain.Formats;
import org.onewindow.verification.chain.Formats.Checks;
import org.onewindow.verification.chain.Outcome;
import org.onewindow.verification.cose.CoseAlgorithm;
import org.onewindow.verification.cose.Cwt;

/**
 * MOSIP Claim 169 identity QR (the public "169 - QR Code Specifications"): Base45, zlib, COSE_Sign1 over a
 * CWT whose claim 169 holds the identity attributes (1 ID, 4 full name, 8 date of birth YYYYMMDD, 9 gender,
 * 16 photo, ...). Signatures: ES256 or EdDSA (Ed25519), key by kid or else by the CWT issuer. An encrypted
 * QR (COSE_Encrypt0) cannot be read without the issuer's key and is UNVERIFIABLE.
 */
public final class Claim169Verifier implements FormatVerifier {
    public static final long CLAIM = 169;
    private static final long COSE_ENCRYPT0_TAG = 16;
    private static final Pattern BASE45 = Pattern.compile("[0-9A-Z $%*+\\-./:]{20,}");

    private final org.onewindow.verification.trust.TrustStore trust;
    private final Clock clock;

    public Claim169Verifier(org.onewindow.verification.trust.TrustStore trust, Clock clock) {
        this.trust = trust;
        this.clock = clock;
    }

    @Override
    public String format() {
        return Formats.CLAIM_169;
    }

    @Override
    public boolean accepts(CredentialPresentation presentation) {
        String text = FormatVerifier.text(presentation);
        if (!BASE45.matcher(text).matches()) {
            return false;
        }
        try {
            Object item = Cbor.decode(CoseSteps.unwrapBase45(text));
            if (item instanceof CborTagged t && t.tag() == COSE_ENCRYPT0_TAG) {
                return true;
            }
            if (item instanceof CborTagged t) {
                item = t.value();
            }
            return item instanceof List<?> l && l.size() == 4 && l.get(2) instanceof byte[] payload
                    && Cwt.parse(payload).claim(CLAIM) != null;
        } catch (CborException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public VerificationResult verify(CredentialPresentation presentation) {
        Instant now = clock.instant();
        Outcome o = new Outcome(Formats.CLAIM_169, VerificationMode.NOT_VERIFIED, now);
        byte[] cose;
        try {
            cose = CoseSteps.unwrapBase45(FormatVerifier.text(presentation));
            if (Cbor.decode(cose) instanceof CborTagged t && t.tag() == COSE_ENCRYPT0_TAG) {
                o.check(Checks.DECODE, false);
                return o.unverifiable(VerificationReason.UNSUPPORTED_FORMAT, "encrypted Claim 169 QR (COSE_Encrypt0)");
            }
        } catch (IllegalArgumentException | CborException e) {
            return o.malformed("Claim 169 payload: " + e.getMessage());
        }
        CoseSteps.Signed s = CoseSteps.decode(o, cose);
        if (s.failure != null) {
            return s.failure;
        }
        s = CoseSteps.verify(o, s, Formats.CLAIM_169, trust, List.of(CoseAlgorithm.ES256, CoseAlgorithm.EDDSA), true);
        if (s.failure != null) {
            return s.failure;
        }
        if (!(s.cwt.claim(CLAIM) instanceof Map<?, ?> id)) {
            o.check(Checks.SCHEMA, false);
            return o.invalid(VerificationReason.MALFORMED, "claim 169 is not a map");
        }
        String problem = schemaProblem(id);
        o.check(Checks.SCHEMA, problem == null);
        if (problem != null) {
            return o.invalid(VerificationReason.MALFORMED, "claim 169: " + problem);
        }
        o.claim("credentialType", "mosip-identity");
        o.claim("holderId", id.get(1L));
        o.claim("holderName", id.get(4L) != null ? id.get(4L) : join(id.get(5L), id.get(6L), id.get(7L)));
        if (id.get(8L) instanceof String dob && dob.matches("\\d{8}")) {
            o.claim("dateOfBirth", dob.substring(0, 4) + "-" + dob.substring(4, 6) + "-" + dob.substring(6));
        } else {
            o.claim("dateOfBirth", id.get(8L));
        }
        o.claim("gender", gender(id.get(9L)));
        o.claim("address", id.get(10L));
        o.claim("nationality", id.get(13L));
        o.claim("language", id.get(3L));
        if (id.get(16L) instanceof byte[] photo) {
            o.claim("photo", photo);
            o.claim("photoFormat", switch (id.get(17L) instanceof Long f ? f.intValue() : 0) {
                case 1 -> "image/jpeg";
                case 2 -> "image/jp2";
                case 3 -> "image/avif";
                case 4 -> "image/webp";
                default -> "unknown";
            });
        }
        o.claim("issuingAuthority", s.cwt.issuer());
        if (s.cwt.expiresAt() != null) {
            o.claim("validUntil", s.cwt.expiresAt().toString());
        }
        if ((s.cwt.notBefore() != null && now.isBefore(s.cwt.notBefore()))
                || (s.cwt.issuedAt() != null && s.cwt.issuedAt().isAfter(now.plusSeconds(300)))) {
            o.check(Checks.EXPIRY, false);
            return o.invalid(VerificationReason.NOT_YET_VALID, "not valid yet");
        }
        if (s.cwt.expiresAt() != null && !now.isBefore(s.cwt.expiresAt())) {
            o.check(Checks.EXPIRY, false);
            return o.invalid(VerificationReason.EXPIRED, "expired");
        }
        o.check(Checks.EXPIRY, true);
        return o.valid("Claim 169 verified with " + s.cose.algorithm().orElseThrow() + " against " + s.trustList.source());
    }

    /** Types per the specification's table (gender and marital status accepted as int or text). */
    private static String schemaProblem(Map<?, ?> id) {
        for (Map.Entry<?, ?> e : id.entrySet()) {
            if (!(e.getKey() instanceof Long key)) {
                return "attribute keys must be integers";
            }
            Object v = e.getValue();
            boolean ok = switch (key.intValue()) {
                case 9, 14 -> v instanceof Long || v instanceof String;
                case 16 -> v instanceof byte[];
                case 17 -> v instanceof Long;
                case 18 -> v instanceof List<?>;
                default -> key < 1 || key > 15 || v instanceof String;
            };
            if (!ok) {
                return "attribute " + key + " has the wrong type";
            }
        }
        return id.isEmpty() ? "no attributes" : null;
    }

    private static String gender(Object v) {
        String code = v == null ? "" : String.valueOf(v);
        return switch (code) {
            case "1" -> "male";
            case "2" -> "female";
            case "3" -> "other";
            default -> v == null ? null : code;
        };
    }

    private static String join(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof String s && !s.isBlank()) {
                sb.append(sb.length() == 0 ? "" : " ").append(s);
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
