package org.onewindow.verification.chain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.onewindow.core.verify.VerificationMode;
import org.onewindow.core.verify.VerificationReason;
import org.onewindow.core.verify.VerificationResult;
import org.onewindow.verification.cbor.CborException;
import org.onewindow.verification.codec.Base45;
import org.onewindow.verification.codec.Zlib;
import org.onewindow.verification.cose.CoseAlgorithm;
import org.onewindow.verification.cose.CoseSign1;
import org.onewindow.verification.cose.Cwt;
import org.onewindow.verification.trust.TrustList;
import org.onewindow.verification.trust.TrustStore;
import org.onewindow.verification.trust.TrustedIssuer;

/**
 * The steps HCERT, Claim 169 and the offline e-license share: Base45 → zlib → COSE_Sign1 → CWT, then
 * trust data freshness, key lookup by kid and the signature. Each step records its check; the first
 * failure ends verification with its result.
 */
public final class CoseSteps {

    /** Either {@link #failure} is set, or the signed, trusted content is. */
    public static final class Signed {
        public VerificationResult failure;
        public CoseSign1 cose;
        public Cwt cwt;
        public TrustedIssuer issuer;
        public TrustList trustList;
    }

    private CoseSteps() {
    }

    /** Base45 text (after its prefix) to COSE bytes, inflating when zlib-compressed. */
    public static byte[] unwrapBase45(String base45) {
        byte[] raw = Base45.decode(base45);
        return Zlib.looksCompressed(raw) ? Zlib.inflate(raw) : raw;
    }

    /** Parses the COSE_Sign1 and CWT; on failure answers MALFORMED. */
    public static Signed decode(Outcome o, byte[] coseBytes) {
        Signed s = new Signed();
        try {
            s.cose = CoseSign1.parse(coseBytes);
            s.cwt = Cwt.parse(s.cose.payload());
        } catch (CborException e) {
            s.failure = o.malformed("not a COSE_Sign1 CWT: " + e.getMessage());
            return s;
        }
        o.check(Formats.Checks.DECODE, true);
        return s;
    }

    /**
     * Trust data freshness, kid lookup and signature, given a decoded {@code s}.
     *
     * @param allowed the algorithms this format permits
     */
    public static Signed verify(Outcome o, Signed s, String format, TrustStore store, List<CoseAlgorithm> allowed) {
        return verify(o, s, format, store, allowed, false);
    }

    /**
     * As {@link #verify(Outcome, Signed, String, TrustStore, List)}; with {@code issuerFallback} a COSE
     * message without a kid is matched to trust entries by its CWT iss (Claim 169 issuers may omit the kid).
     */
    public static Signed verify(Outcome o, Signed s, String format, TrustStore store, List<CoseAlgorithm> allowed,
                                boolean issuerFallback) {
        Optional<CoseAlgorithm> alg = s.cose.algorithm();
        if (alg.isEmpty() || !allowed.contains(alg.get())) {
            o.check(Formats.Checks.SIGNATURE, false);
            s.failure = o.invalid(VerificationReason.BAD_SIGNATURE, "algorithm " + s.cose.algorithmValue()
                    + " is not accepted for " + format);
            return s;
        }
        TrustList list = store.current();
        s.trustList = list;
        o.mode(VerificationMode.OFFLINE_TRUST_LIST);
        if (list.issuers().isEmpty()) {
            o.check(Formats.Checks.TRUST_DATA_FRESH, false);
            s.failure = o.unverifiable(VerificationReason.TRUST_LIST_TOO_OLD, "no trust list is cached or imported");
            return s;
        }
        Duration age = list.age(o.at());
        o.trustDataAge(age);
        if (age.compareTo(store.maxAge()) > 0) {
            o.check(Formats.Checks.TRUST_DATA_FRESH, false);
            s.failure = o.unverifiable(VerificationReason.TRUST_LIST_TOO_OLD,
                    "trust list is " + age.toHours() + " h old, the limit is " + store.maxAge().toHours() + " h");
            return s;
        }
        o.check(Formats.Checks.TRUST_DATA_FRESH, true);
        Optional<byte[]> kid = s.cose.kid();
        List<TrustedIssuer> candidates = kid.map(k -> list.find(format, k))
                .orElseGet(() -> issuerFallback && s.cwt.issuer() != null ? list.findByIssuer(format, s.cwt.issuer()) : List.of());
        if (candidates.isEmpty()) {
            o.check(Formats.Checks.TRUST, false);
            s.failure = o.invalid(VerificationReason.UNKNOWN_ISSUER, kid.isEmpty() ? "no key id in the COSE headers"
                    : "key id " + java.util.Base64.getEncoder().encodeToString(kid.get()) + " is not in the trust list");
            return s;
        }
        o.check(Formats.Checks.TRUST, true);
        for (TrustedIssuer candidate : candidates) {
            if (s.cose.verify(candidate.publicKey())) {
                o.check(Formats.Checks.SIGNATURE, true);
                s.issuer = candidate;
                o.claim("issuer", candidate.name());
                return s;
            }
        }
        o.check(Formats.Checks.SIGNATURE, false);
        s.failure = o.invalid(VerificationReason.BAD_SIGNATURE, "the " + alg.get() + " signature does not verify");
        return s;
    }
}
