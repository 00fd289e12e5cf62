package org.onewindow.verification.elicense;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.core.verify.CredentialIdentifier;
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
import org.onewindow.verification.trust.StatusList;
import org.onewindow.verification.trust.TrustStore;

/**
 * Verifies the offline e-license QR ({@link ElicenseQr}) against the cached trust list: ES256 or SM2-with-SM3,
 * the issuer's credit code matching the identifier and the trust entry, validity (nbf / exp) and the
 * bitstring status list when the credential names one.
 */
public final class OfflineElicenseVerifier implements FormatVerifier {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final TrustStore trust;
    private final Clock clock;

    public OfflineElicenseVerifier(TrustStore trust, Clock clock) {
        this.trust = trust;
        this.clock = clock;
    }

    @Override
    public String format() {
        return Formats.OFFLINE_ELICENSE;
    }

    @Override
    public boolean accepts(CredentialPresentation presentation) {
        return FormatVerifier.text(presentation).startsWith(ElicenseQr.PREFIX);
    }

    @Override
    public VerificationResult verify(CredentialPresentation presentation) {
        Instant now = clock.instant();
        Outcome o = new Outcome(Formats.OFFLINE_ELICENSE, VerificationMode.NOT_VERIFIED, now);
        byte[] cose;
        try {
            cose = CoseSteps.unwrapBase45(FormatVerifier.text(presentation).substring(ElicenseQr.PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return o.malformed("OWEL1 payload: " + e.getMessage());
        }
        CoseSteps.Signed s = CoseSteps.decode(o, cose);
        if (s.failure != null) {
            return s.failure;
        }
        s = CoseSteps.verify(o, s, Formats.OFFLINE_ELICENSE, trust, List.of(CoseAlgorithm.ES256, CoseAlgorithm.SM2_SM3));
        if (s.failure != null) {
            return s.failure;
        }
        if (!(s.cwt.claim(ElicenseQr.ELICENSE_CLAIM) instanceof Map<?, ?> el) || s.cwt.issuer() == null
                || s.cwt.issuedAt() == null) {
            o.check(Checks.SCHEMA, false);
            return o.invalid(VerificationReason.MALFORMED, "CWT lacks iss, iat or the e-license claim");
        }
        Optional<CredentialIdentifier> id = CredentialIdentifier.parse(text(el, ElicenseQr.IDENTIFIER));
        String type = text(el, ElicenseQr.TYPE);
        if (id.isEmpty() || type == null || text(el, ElicenseQr.HOLDER_NAME) == null) {
            o.check(Checks.SCHEMA, false);
            return o.invalid(VerificationReason.MALFORMED, "e-license claim lacks a valid identifier, type or holder");
        }
        o.check(Checks.SCHEMA, true);
        o.claim("credentialType", type);
        o.claim("typeName", text(el, ElicenseQr.TYPE_NAME));
        o.claim("identifier", id.get().toString());
        o.claim("holderName", text(el, ElicenseQr.HOLDER_NAME));
        o.claim("holderId", text(el, ElicenseQr.HOLDER_ID));
        o.claim("issuer", text(el, ElicenseQr.ISSUER_NAME) != null ? text(el, ElicenseQr.ISSUER_NAME) : s.issuer.name());
        o.claim("issuerCreditCode", s.cwt.issuer());
        o.claim("validFrom", date(s.cwt.notBefore() != null ? s.cwt.notBefore() : s.cwt.issuedAt()));
        o.claim("validUntil", s.cwt.expiresAt() == null ? "long-term" : date(s.cwt.expiresAt()));
        if (el.get(ElicenseQr.FILE_SHA256) instanceof byte[] sha) {
            o.claim("fileSha256", HexFormat.of().formatHex(sha));
        }
        if (el.get(ElicenseQr.EXTRA) instanceof Map<?, ?> extra) {
            extra.forEach((k, v) -> {
                if (k instanceof String key && v instanceof String value) {
                    o.claim("extra." + key, value);
                }
            });
        }
        boolean issuerMatches = s.cwt.issuer().equals(id.get().issuerCode())
                && (s.issuer.issuerId() == null || s.issuer.issuerId().equals(s.cwt.issuer()));
        o.check(Checks.TRUST, issuerMatches);
        if (!issuerMatches) {
            return o.invalid(VerificationReason.UNKNOWN_ISSUER,
                    "the signing key's issuer does not match the credential's issuer code");
        }
        if (s.cwt.issuedAt().isAfter(now.plus(Duration.ofMinutes(5)))
                || (s.cwt.notBefore() != null && now.isBefore(s.cwt.notBefore()))) {
            o.check(Checks.EXPIRY, false);
            return o.invalid(VerificationReason.NOT_YET_VALID, "not valid yet");
        }
        if (s.cwt.expiresAt() != null && !now.isBefore(s.cwt.expiresAt())) {
            o.check(Checks.EXPIRY, false);
            return o.invalid(VerificationReason.EXPIRED, "expired on " + date(s.cwt.expiresAt()));
        }
        o.check(Checks.EXPIRY, true);
        if (s.cwt.claim(ElicenseQr.STATUS_CLAIM) instanceof Map<?, ?> status) {
            VerificationResult revocation = checkStatus(o, status, now);
            if (revocation != null) {
                return revocation;
            }
        }
        return o.valid("offline e-license verified with " + s.cose.algorithm().orElseThrow() + " against "
                + s.trustList.source());
    }

    private VerificationResult checkStatus(Outcome o, Map<?, ?> status, Instant now) {
        if (!(status.get("status_list") instanceof Map<?, ?> ref) || !(ref.get("idx") instanceof Long idx)
                || !(ref.get("uri") instanceof String listId)) {
            o.check(Checks.REVOCATION, false);
            return o.invalid(VerificationReason.MALFORMED, "status claim is malformed");
        }
        Optional<StatusList> list = trust.current().statusList(listId);
        if (list.isEmpty()) {
            return o.unverifiable(VerificationReason.TRUST_LIST_TOO_OLD, "status list " + listId + " is not cached");
        }
        if (Duration.between(list.get().issuedAt(), now).compareTo(trust.maxAge()) > 0) {
            o.check(Checks.TRUST_DATA_FRESH, false);
            return o.unverifiable(VerificationReason.TRUST_LIST_TOO_OLD, "status list " + listId + " is too old");
        }
        if (idx < 0 || idx >= list.get().size()) {
            o.check(Checks.REVOCATION, false);
            return o.invalid(VerificationReason.MALFORMED, "status index outside the list");
        }
        boolean revoked = list.get().isSet(idx);
        o.check(Checks.REVOCATION, !revoked);
        return revoked ? o.invalid(VerificationReason.REVOKED, "revoked in status list " + listId) : null;
    }

    private static String text(Map<?, ?> m, long key) {
        return m.get(key) instanceof String s ? s : null;
    }

    private static String date(Instant t) {
        return LocalDate.ofInstant(t, CHINA).toString();
    }
}
