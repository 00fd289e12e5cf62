package org.onewindow.verification.sdjwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.onewindow.core.verify.CredentialPresentation;
import org.onewindow.core.verify.VerificationMode;
import org.onewindow.core.verify.VerificationReason;
import org.onewindow.core.verify.VerificationResult;
import org.onewindow.verification.chain.FormatVerifier;
import org.onewindow.verification.chain.Formats;
import org.onewindow.verification.chain.Formats.Checks;
import org.onewindow.verification.chain.Outcome;
import org.onewindow.verification.trust.StatusList;
import org.onewindow.verification.trust.TrustList;
import org.onewindow.verification.trust.TrustStore;
import org.onewindow.verification.trust.TrustedIssuer;

/**
 * SD-JWT VC ({@code <issuer-JWT>~<disclosure>~...~[<KB-JWT>]}) and plain JWT VC, with Nimbus JOSE+JWT:
 * the issuer signature against the trust list (kid, else iss), every disclosure's digest present in the
 * signed {@code _sd} arrays (sha-256), exp / nbf / iat, status-list revocation ({@code status.status_list})
 * and, when a KB-JWT is present, key binding: typ kb+jwt, signed by {@code cnf.jwk}, {@code sd_hash} over the
 * presentation, and fresh {@code iat}. The counter issues no nonce, so freshness rests on iat.
 */
public final class SdJwtVerifier implements FormatVerifier {
    private static final Pattern SHAPE = Pattern.compile(
            "[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+(~[A-Za-z0-9_.-]*)*");
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.PS256,
            JWSAlgorithm.RS256);
    private static final Set<String> HIDDEN = Set.of("_sd", "_sd_alg", "cnf", "iss", "iat", "exp", "nbf", "status", "vct");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final TrustStore trust;
    private final Clock clock;
    private final Duration keyBindingMaxAge;

    public SdJwtVerifier(TrustStore trust, Clock clock, Duration keyBindingMaxAge) {
        this.trust = trust;
        this.clock = clock;
        this.keyBindingMaxAge = keyBindingMaxAge;
    }

    @Override
    public String format() {
        return Formats.SD_JWT_VC;
    }

    @Override
    public boolean accepts(CredentialPresentation presentation) {
        String t = FormatVerifier.text(presentation);
        return t.length() < 64 * 1024 && SHAPE.matcher(t).matches();
    }

    @Override
    public VerificationResult verify(CredentialPresentation presentation) {
        String text = FormatVerifier.text(presentation);
        boolean sd = text.contains("~");
        String format = sd ? Formats.SD_JWT_VC : Formats.JWT_VC;
        Instant now = clock.instant();
        Outcome o = new Outcome(format, VerificationMode.NOT_VERIFIED, now);

        String[] parts = text.split("~", -1);
        String kbJwt = sd && !text.endsWith("~") ? parts[parts.length - 1] : null;
        List<String> disclosures = new ArrayList<>();
        for (int i = 1; i < parts.length - 1; i++) {
            if (parts[i].isEmpty()) {
                return o.malformed("empty disclosure");
            }
            disclosures.add(parts[i]);
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(parts[0]);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return o.malformed("issuer JWT: " + e.getMessage());
        }
        o.check(Checks.DECODE, true);
        if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
            o.check(Checks.SIGNATURE, false);
            return o.invalid(VerificationReason.BAD_SIGNATURE, "algorithm " + jwt.getHeader().getAlgorithm() + " not accepted");
        }

        TrustList list = trust.current();
        o.mode(VerificationMode.OFFLINE_TRUST_LIST);
        if (list.issuers().isEmpty()) {
            o.check(Checks.TRUST_DATA_FRESH, false);
            return o.unverifiable(VerificationReason.TRUST_LIST_TOO_OLD, "no trust list is cached or imported");
        }
        Duration age = list.age(now);
        o.trustDataAge(age);
        if (age.compareTo(trust.maxAge()) > 0) {
            o.check(Checks.TRUST_DATA_FRESH, false);
            return o.unverifiable(VerificationReason.TRUST_LIST_TOO_OLD, "trust list is " + age.toHours() + " h old");
        }
        o.check(Checks.TRUST_DATA_FRESH, true);
        String kid = jwt.getHeader().getKeyID();
        List<TrustedIssuer> candidates = kid != null ? list.find(format, kid) : list.findByIssuer(format, claims.getIssuer());
        if (candidates.isEmpty()) {
            o.check(Checks.TRUST, false);
            return o.invalid(VerificationReason.UNKNOWN_ISSUER, "issuer key not in the trust list");
        }
        o.check(Checks.TRUST, true);
        TrustedIssuer issuer = null;
        for (TrustedIssuer c : candidates) {
            if (verifies(jwt, c.publicKey())) {
                issuer = c;
                break;
            }
        }
        o.check(Checks.SIGNATURE, issuer != null);
        if (issuer == null) {
            return o.invalid(VerificationReason.BAD_SIGNATURE, "the issuer signature does not verify");
        }
        o.claim("issuer", issuer.name());

        Map<String, Object> payload = claims.toJSONObject();
        Map<String, Object> revealed;
        if (sd) {
            Object alg = payload.getOrDefault("_sd_alg", "sha-256");
            if (!"sha-256".equals(alg)) {
                o.check(Checks.DISCLOSURES, false);
                return o.invalid(VerificationReason.MALFORMED, "_sd_alg " + alg + " not supported");
            }
            try {
                revealed = Disclosures.apply(payload, disclosures);
            } catch (IllegalArgumentException e) {
                o.check(Checks.DISCLOSURES, false);
                return o.invalid(e.getMessage().startsWith("unsigned") ? VerificationReason.BAD_SIGNATURE
                        : VerificationReason.MALFORMED, e.getMessage());
            }
            o.check(Checks.DISCLOSURES, true);
        } else {
            revealed = payload;
        }

        String type = claims.getClaim("vct") instanceof String vct ? vct : vcType(payload);
        o.check(Checks.SCHEMA, type != null);
        if (type == null) {
            return o.invalid(VerificationReason.MALFORMED, "no credential type (vct or vc.type)");
        }
        o.claim("credentialType", type);
        revealed.forEach((k, v) -> {
            if (!HIDDEN.contains(k)) {
                o.claim(k, v);
            }
        });
        if (claims.getNotBeforeTime() != null) {
            o.claim("validFrom", claims.getNotBeforeTime().toInstant().toString());
        } else if (claims.getIssueTime() != null) {
            o.claim("validFrom", claims.getIssueTime().toInstant().toString());
        }
        o.claim("validUntil", claims.getExpirationTime() == null ? "long-term" : claims.getExpirationTime().toInstant().toString());

        if ((claims.getNotBeforeTime() != null && now.isBefore(claims.getNotBeforeTime().toInstant()))
                || (claims.getIssueTime() != null && claims.getIssueTime().toInstant().isAfter(now.plus(SKEW)))) {
            o.check(Checks.EXPIRY, false);
            return o.invalid(VerificationReason.NOT_YET_VALID, "not valid yet");
        }
        if (claims.getExpirationTime() != null && !now.isBefore(claims.getExpirationTime().toInstant())) {
            o.check(Checks.EXPIRY, false);
            return o.invalid(VerificationReason.EXPIRED, "expired");
        }
        o.check(Checks.EXPIRY, true);

        VerificationResult revoked = checkStatus(o, payload, list, now);
        if (revoked != null) {
            return revoked;
        }
        if (kbJwt != null) {
            String boundPart = text.substring(0, text.length() - kbJwt.length());
            VerificationResult kb = checkKeyBinding(o, payload, kbJwt, boundPart, now);
            if (kb != null) {
                return kb;
            }
        }
        return o.valid((sd ? "SD-JWT VC" : "JWT VC") + " verified (" + jwt.getHeader().getAlgorithm() + ") against "
                + list.source() + (kbJwt != null ? ", key binding checked" : ""));
    }

    private static boolean verifies(SignedJWT jwt, PublicKey key) {
        try {
            JWSVerifier v;
            if (key instanceof ECPublicKey ec) {
                v = new ECDSAVerifier(ec);
            } else if (key instanceof RSAPublicKey rsa) {
                v = new RSASSAVerifier(rsa);
            } else {
                return false;
            }
            return jwt.verify(v);
        } catch (JOSEException | RuntimeException e) {
            return false;
        }
    }

    private static String vcType(Map<String, Object> payload) {
        if (payload.get("vc") instanceof Map<?, ?> vc && vc.get("type") instanceof List<?> types && !types.isEmpty()) {
            return String.valueOf(types.get(types.size() - 1));
        }
        return null;
    }

    private VerificationResult checkStatus(Outcome o, Map<String, Object> payload, TrustList list, Instant now) {
        Object idx = null;
        Object uri = null;
        if (payload.get("status") instanceof Map<?, ?> status && status.get("status_list") instanceof Map<?, ?> ref) {
            idx = ref.get("idx");
            uri = ref.get("uri");
        } else if (payload.get("vc") instanceof Map<?, ?> vc && vc.get("credentialStatus") instanceof Map<?, ?> cs) {
            idx = cs.get("statusListIndex") instanceof String s && s.matches("\\d{1,9}") ? Long.valueOf(s) : cs.get("statusListIndex");
            uri = cs.get("statusListCredential");
        } else {
            return null;
        }
        if (!(idx instanceof Number n) || !(uri instanceof String listId)) {
            o.check(Checks.REVOCATION, false);
            return o.invalid(VerificationReason.MALFORMED, "status reference is malformed");
        }
        Optional<StatusList> sl = list.statusList(listId);
        if (sl.isEmpty() || Duration.between(sl.get().issuedAt(), now).compareTo(trust.maxAge()) > 0) {
            return o.unverifiable(VerificationReason.TRUST_LIST_TOO_OLD, "status list " + listId + " missing or too old");
        }
        long index = n.longValue();
        if (index < 0 || index >= sl.get().size()) {
            o.check(Checks.REVOCATION, false);
            return o.invalid(VerificationReason.MALFORMED, "status index outside the list");
        }
        boolean revoked = sl.get().isSet(index);
        o.check(Checks.REVOCATION, !revoked);
        return revoked ? o.invalid(VerificationReason.REVOKED, "revoked in status list " + listId) : null;
    }

    private VerificationResult checkKeyBinding(Outcome o, Map<String, Object> payload, String kbJwt, String boundPart, Instant now) {
        try {
            if (!(payload.get("cnf") instanceof Map<?, ?> cnf) || !(cnf.get("jwk") instanceof Map<?, ?> jwkMap)) {
                o.check(Checks.KEY_BINDING, false);
                return o.invalid(VerificationReason.BAD_SIGNATURE, "key-binding JWT but no cnf.jwk in the credential");
            }
            @SuppressWarnings("unchecked")
            JWK holderKey = JWK.parse((Map<String, Object>) jwkMap);
            SignedJWT kb = SignedJWT.parse(kbJwt);
            boolean typOk = kb.getHeader().getType() != null && "kb+jwt".equals(kb.getHeader().getType().toString());
            PublicKey key = holderKey.getKeyType().getValue().equals("EC") ? holderKey.toECKey().toPublicKey()
                    : holderKey.toRSAKey().toPublicKey();
            boolean signed = typOk && ALGORITHMS.contains(kb.getHeader().getAlgorithm()) && verifies(kb, key);
            JWTClaimsSet kbClaims = kb.getJWTClaimsSet();
            boolean hashOk = sha256B64(boundPart).equals(kbClaims.getStringClaim("sd_hash"));
            Instant iat = kbClaims.getIssueTime() == null ? null : kbClaims.getIssueTime().toInstant();
            boolean fresh = iat != null && !iat.isAfter(now.plus(SKEW)) && !iat.isBefore(now.minus(keyBindingMaxAge));
            o.check(Checks.KEY_BINDING, signed && hashOk && fresh);
            if (!signed || !hashOk) {
                return o.invalid(VerificationReason.BAD_SIGNATURE, !signed ? "key-binding JWT not signed by the holder key"
                        : "key-binding JWT does not cover this presentation (sd_hash)");
            }
            if (!fresh) {
                return o.invalid(VerificationReason.EXPIRED, "key-binding proof is not fresh");
            }
            return null;
        } catch (ParseException | JOSEException | RuntimeException e) {
            o.check(Checks.KEY_BINDING, false);
            return o.invalid(VerificationReason.MALFORMED, "key-binding JWT unreadable");
        }
    }

    static String sha256B64(String ascii) {
        try {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(ascii.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Applies disclosures to the signed payload (SD-JWT §7.1). */
    static final class Disclosures {
        private Disclosures() {
        }

        static Map<String, Object> apply(Map<String, Object> payload, List<String> encoded) {
            Map<String, List<Object>> byDigest = new HashMap<>();
            for (String d : encoded) {
                List<Object> parsed;
                try {
                    parsed = JSON.readValue(Base64.getUrlDecoder().decode(d), JSON.getTypeFactory()
                            .constructCollectionType(List.class, Object.class));
                } catch (IllegalArgumentException | java.io.IOException e) {
                    throw new IllegalArgumentException("disclosure is not base64url JSON");
                }
                if (parsed.size() != 2 && parsed.size() != 3 || !(parsed.get(0) instanceof String)
                        || (parsed.size() == 3 && !(parsed.get(1) instanceof String))) {
                    throw new IllegalArgumentException("disclosure is not [salt, (name,) value]");
                }
                if (byDigest.put(sha256B64(d), parsed) != null) {
                    throw new IllegalArgumentException("disclosure repeated");
                }
            }
            Set<String> used = new HashSet<>();
            Map<String, Object> out = object(payload, byDigest, used, 0);
            if (used.size() != byDigest.size()) {
                throw new IllegalArgumentException("unsigned disclosure: its digest is not in the credential");
            }
            return out;
        }

        private static Map<String, Object> object(Map<?, ?> in, Map<String, List<Object>> byDigest, Set<String> used, int depth) {
            if (depth > 16) {
                throw new IllegalArgumentException("credential nested too deeply");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : in.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (key.equals("_sd") || key.equals("_sd_alg")) {
                    continue;
                }
                out.put(key, value(e.getValue(), byDigest, used, depth));
            }
            if (in.get("_sd") instanceof List<?> digests) {
                for (Object digest : digests) {
                    List<Object> d = byDigest.get(String.valueOf(digest));
                    if (d == null) {
                        continue; // a decoy digest, or a claim the holder chose not to disclose
                    }
                    if (d.size() != 3 || !used.add(String.valueOf(digest))) {
                        throw new IllegalArgumentException("disclosure used twice or in the wrong place");
                    }
                    String name = (String) d.get(1);
                    if (name.equals("_sd") || name.equals("...") || out.containsKey(name)) {
                        throw new IllegalArgumentException("disclosed claim name collides: " + name);
                    }
                    out.put(name, value(d.get(2), byDigest, used, depth));
                }
            }
            return out;
        }

        private static Object value(Object v, Map<String, List<Object>> byDigest, Set<String> used, int depth) {
            if (v instanceof Map<?, ?> m) {
                return object(m, byDigest, used, depth + 1);
            }
            if (v instanceof List<?> list) {
                List<Object> out = new ArrayList<>();
                for (Object item : list) {
                    if (item instanceof Map<?, ?> m && m.size() == 1 && m.get("...") instanceof String digest) {
                        List<Object> d = byDigest.get(digest);
                        if (d == null) {
                            continue;
                        }
                        if (d.size() != 2 || !used.add(digest)) {
                            throw new IllegalArgumentException("array disclosure used twice or in the wrong place");
                        }
                        out.add(value(d.get(1), byDigest, used, depth + 1));
                    } else {
                        out.add(value(item, byDigest, used, depth + 1));
                    }
                }
                return out;
            }
            return v;
        }
    }
}
