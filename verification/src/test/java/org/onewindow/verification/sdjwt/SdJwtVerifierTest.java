package org.onewindow.verification.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.core.verify.CredentialPresentation;
import org.onewindow.core.verify.Verdict;
import org.onewindow.core.verify.VerificationReason;
import org.onewindow.core.verify.VerificationResult;
import org.onewindow.verification.chain.ChainConfig;
import org.onewindow.verification.chain.VerifierChains;
import org.onewindow.verification.trust.StatusList;
import org.onewindow.verification.trust.TrustList;
import org.onewindow.verification.trust.TrustStore;
import org.onewindow.verification.trust.TrustedIssuer;

class SdJwtVerifierTest {
    static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");
    static ECKey issuerKey;
    static ECKey holderKey;
    static TrustList trust;

    @BeforeAll
    static void keys() throws Exception {
        issuerKey = new ECKeyGenerator(Curve.P_256).keyID("issuer-key-1").generate();
        holderKey = new ECKeyGenerator(Curve.P_256).generate();
        byte[] bits = new byte[16 * 1024];
        bits[1] = (byte) 0x80; // index 8 revoked
        trust = new TrustList(1, NOW.minus(Duration.ofHours(5)),
                List.of(new TrustedIssuer("issuer-key-1", "山东省大数据局", "https://issuer.example.cn", Set.of(), null,
                        issuerKey.toECPublicKey())),
                Map.of("vc-status-1", new StatusList("vc-status-1", NOW.minus(Duration.ofHours(5)), bits)), Set.of(), "test");
    }

    static String disclosure(Object... parts) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < parts.length; i++) {
            json.append(i == 0 ? "" : ",").append(parts[i] instanceof String s ? "\"" + s + "\"" : String.valueOf(parts[i]));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.append("]").toString().getBytes(StandardCharsets.UTF_8));
    }

    static final String GIVEN = disclosure("salt-1", "given_name", "伟");
    static final String FAMILY = disclosure("salt-2", "family_name", "张");
    static final String NATIONALITY = disclosure("salt-3", "CN");

    /** An issuer JWT whose _sd covers GIVEN and FAMILY plus a decoy, and an array element for NATIONALITY. */
    static String issuerJwt(ECKey signer, Instant iat, Instant exp, Map<String, Object> extra) throws Exception {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer("https://issuer.example.cn").issueTime(Date.from(iat))
                .claim("vct", "urn:cn:gov:residence-certificate").claim("_sd_alg", "sha-256")
                .claim("_sd", List.of(SdJwtVerifier.sha256B64(GIVEN), SdJwtVerifier.sha256B64(FAMILY), "decoy-digest"))
                .claim("nationalities", List.of(Map.of("...", SdJwtVerifier.sha256B64(NATIONALITY))))
                .claim("cnf", Map.of("jwk", holderKey.toPublicJWK().toJSONObject()))
                .claim("address", Map.of("region", "济南市"));
        if (exp != null) {
            b.expirationTime(Date.from(exp));
        }
        extra.forEach(b::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("issuer-key-1")
                .type(new JOSEObjectType("dc+sd-jwt")).build(), b.build());
        jwt.sign(new ECDSASigner(signer));
        return jwt.serialize();
    }

    static String issuerJwt() throws Exception {
        return issuerJwt(issuerKey, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)), Map.of());
    }

    static String keyBinding(String presentedUpToTilde, ECKey key, Instant iat) throws Exception {
        SignedJWT kb = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("kb+jwt")).build(),
                new JWTClaimsSet.Builder().issueTime(Date.from(iat)).audience("onewindow-counter").claim("nonce", "n-1")
                        .claim("sd_hash", SdJwtVerifier.sha256B64(presentedUpToTilde)).build());
        kb.sign(new ECDSASigner(key));
        return kb.serialize();
    }

    static VerificationResult verify(String text) {
        return VerifierChains.create(ChainConfig.offline(Clock.fixed(NOW, ZoneOffset.UTC), TrustStore.of(Duration.ofHours(24), trust)))
                .verify(new CredentialPresentation(null, text, "test", NOW));
    }

    @Test
    void verifiesAnSdJwtAndRevealsOnlyTheDisclosedClaims() throws Exception {
        VerificationResult r = verify(issuerJwt() + "~" + GIVEN + "~" + NATIONALITY + "~");

        assertThat(r.verdict()).isEqualTo(Verdict.VALID);
        assertThat(r.format()).isEqualTo("sd-jwt-vc");
        assertThat(r.claims()).containsEntry("given_name", "伟").doesNotContainKey("family_name")
                .containsEntry("nationalities", List.of("CN")).containsEntry("credentialType", "urn:cn:gov:residence-certificate")
                .containsEntry("issuer", "山东省大数据局").doesNotContainKey("_sd").doesNotContainKey("cnf");
        assertThat(r.checks()).containsEntry("disclosures", true).containsEntry("signature", true).doesNotContainKey("keyBinding");
    }

    @Test
    void verifiesKeyBindingWhenPresent() throws Exception {
        String presented = issuerJwt() + "~" + GIVEN + "~" + FAMILY + "~";

        VerificationResult r = verify(presented + keyBinding(presented, holderKey, NOW.minusSeconds(30)));

        assertThat(r.verdict()).isEqualTo(Verdict.VALID);
        assertThat(r.checks()).containsEntry("keyBinding", true);
        assertThat(r.claims()).containsEntry("family_name", "张");
    }

    @Test
    void rejectsKeyBindingByAnotherKeyOrForAnotherPresentation() throws Exception {
        String presented = issuerJwt() + "~" + GIVEN + "~";
        ECKey thief = new ECKeyGenerator(Curve.P_256).generate();

        VerificationResult wrongKey = verify(presented + keyBinding(presented, thief, NOW));
        VerificationResult replayed = verify(issuerJwt() + "~" + FAMILY + "~" + keyBinding(presented, holderKey, NOW));
        VerificationResult stale = verify(presented + keyBinding(presented, holderKey, NOW.minus(Duration.ofHours(1))));

        assertThat(wrongKey.reason()).isEqualTo(VerificationReason.BAD_SIGNATURE);
        assertThat(wrongKey.checks()).containsEntry("keyBinding", false);
        assertThat(replayed.reason()).isEqualTo(VerificationReason.BAD_SIGNATURE);
        assertThat(stale.reason()).isEqualTo(VerificationReason.EXPIRED);
    }

    @Test
    void rejectsADisclosureTheIssuerDidNotSign() throws Exception {
        String forged = disclosure("salt-9", "given_name", "李");

        VerificationResult r = verify(issuerJwt() + "~" + forged + "~");

        assertThat(r.reason()).isEqualTo(VerificationReason.BAD_SIGNATURE);
        assertThat(r.checks()).containsEntry("disclosures", false).containsEntry("signature", true);
    }

    @Test
    void rejectsARepeatedOrMalformedDisclosure() throws Exception {
        assertThat(verify(issuerJwt() + "~" + GIVEN + "~" + GIVEN + "~").reason()).isEqualTo(VerificationReason.MALFORMED);
        assertThat(verify(issuerJwt() + "~bm90LWpzb24~").reason()).isEqualTo(VerificationReason.MALFORMED);
    }

    @Test
    void rejectsASignatureByAnotherKeyAndAnUnknownKid() throws Exception {
        ECKey other = new ECKeyGenerator(Curve.P_256).keyID("issuer-key-1").generate();
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("stranger").generate();
        String strangerJwt = issuerJwt(stranger, NOW, null, Map.of());
        SignedJWT parsed = SignedJWT.parse(strangerJwt);
        SignedJWT rekeyed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("stranger").build(), parsed.getJWTClaimsSet());
        rekeyed.sign(new ECDSASigner(stranger));

        assertThat(verify(issuerJwt(other, NOW, null, Map.of()) + "~").reason()).isEqualTo(VerificationReason.BAD_SIGNATURE);
        assertThat(verify(rekeyed.serialize() + "~").reason()).isEqualTo(VerificationReason.UNKNOWN_ISSUER);
    }

    @Test
    void rejectsExpiredAndNotYetValidCredentials() throws Exception {
        String expired = issuerJwt(issuerKey, NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(35)), Map.of());
        String future = issuerJwt(issuerKey, NOW.minus(Duration.ofDays(1)), null,
                Map.of("nbf", NOW.plus(Duration.ofDays(2)).getEpochSecond()));

        assertThat(verify(expired + "~").reason()).isEqualTo(VerificationReason.EXPIRED);
        assertThat(verify(future + "~").reason()).isEqualTo(VerificationReason.NOT_YET_VALID);
    }

    @Test
    void rejectsARevokedCredential() throws Exception {
        String revoked = issuerJwt(issuerKey, NOW.minus(Duration.ofDays(1)), null,
                Map.of("status", Map.of("status_list", Map.of("idx", 8, "uri", "vc-status-1"))));
        String fine = issuerJwt(issuerKey, NOW.minus(Duration.ofDays(1)), null,
                Map.of("status", Map.of("status_list", Map.of("idx", 9, "uri", "vc-status-1"))));

        assertThat(verify(revoked + "~").reason()).isEqualTo(VerificationReason.REVOKED);
        assertThat(verify(fine + "~").checks()).containsEntry("revocation", true);
    }

    @Test
    void verifiesAPlainJwtVc() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("issuer-key-1").build(),
                new JWTClaimsSet.Builder().issuer("https://issuer.example.cn").issueTime(Date.from(NOW.minusSeconds(60)))
                        .claim("vc", Map.of("type", List.of("VerifiableCredential", "ResidenceCertificate"),
                                "credentialSubject", Map.of("name", "张伟"))).build());
        jwt.sign(new ECDSASigner(issuerKey));

        VerificationResult r = verify(jwt.serialize());

        assertThat(r.verdict()).isEqualTo(Verdict.VALID);
        assertThat(r.format()).isEqualTo("jwt-vc");
        assertThat(r.claims()).containsEntry("credentialType", "ResidenceCertificate");
    }

    @Test
    void rejectsACredentialWithoutATypeAndAnHmacAlgorithm() throws Exception {
        SignedJWT untyped = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("issuer-key-1").build(),
                new JWTClaimsSet.Builder().issuer("x").build());
        untyped.sign(new ECDSASigner(issuerKey));
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("issuer-key-1").build(),
                new JWTClaimsSet.Builder().claim("vct", "x").build());
        hmac.sign(new MACSigner(new byte[32]));

        assertThat(verify(untyped.serialize()).reason()).isEqualTo(VerificationReason.MALFORMED);
        assertThat(verify(hmac.serialize()).reason()).isEqualTo(VerificationReason.BAD_SIGNATURE);
    }

    @Test
    void garbageInTheShapeOfAJwtIsMalformed() {
        VerificationResult r = verify("aaaa.bbbb.cccc~");

        assertThat(r.format()).isEqualTo("sd-jwt-vc");
        assertThat(r.reason()).isEqualTo(VerificationReason.MALFORMED);
        assertThat(new ArrayList<>(r.checks().keySet())).containsExactly("decode");
    }
}
