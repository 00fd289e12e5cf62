package org.onewindow.verification.elicense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.verification.testing.ElicenseFixtures.DURING;
import static org.onewindow.verification.testing.ElicenseFixtures.IDENTIFIER;
import static org.onewindow.verification.testing.ElicenseFixtures.ISSUER_CODE;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
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
import org.onewindow.verification.cose.CoseAlgorithm;
import org.onewindow.verification.testing.ElicenseFixtures;
import org.onewindow.verification.testing.TestPki;
import org.onewindow.verification.trust.StatusList;
import org.onewindow.verification.trust.TrustList;
import org.onewindow.verification.trust.TrustListCodec;
import org.onewindow.verification.trust.TrustStore;
import org.onewindow.verification.trust.TrustedIssuer;

class OfflineElicenseVerifierTest {
    static final byte[] ES_KID = "es-kid-1".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SM2_KID = "sm2-kid1".getBytes(StandardCharsets.US_ASCII);
    static KeyPair es;
    static KeyPair sm2;
    static TrustList trust;

    @BeforeAll
    static void pki() throws Exception {
        es = TestPki.ecP256();
        sm2 = TestPki.sm2();
        X509Certificate esCert = TestPki.certificate(es, "市场监督管理局 ES256");
        X509Certificate smCert = TestPki.certificate(sm2, "市场监督管理局 SM2");
        byte[] bits = new byte[16 * 1024];
        bits[0] = (byte) 0x20; // index 2 revoked
        // round-trip the list through its wire form: the SM2 certificate must survive parsing
        TrustList built = new TrustList(4, DURING.minus(Duration.ofHours(1)), List.of(
                new TrustedIssuer(b64(ES_KID), "济南市市场监督管理局", ISSUER_CODE, Set.of("onewindow-elicense"), esCert, null),
                new TrustedIssuer(b64(SM2_KID), "济南市市场监督管理局", ISSUER_CODE, Set.of("onewindow-elicense"), smCert, null)),
                Map.of(), Set.of(), "test");
        TrustList parsed = TrustListCodec.parseTrustList(TrustListCodec.trustListPayload(built, List.of()), "test list");
        trust = new TrustList(parsed.sequence(), parsed.issuedAt(), parsed.issuers(),
                Map.of("elicense-1", new StatusList("elicense-1", DURING.minus(Duration.ofHours(2)), bits)), Set.of(), "test list");
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    static VerificationResult verify(String payload, TrustList list, Instant at) {
        return VerifierChains.create(ChainConfig.offline(Clock.fixed(at, ZoneOffset.UTC), TrustStore.of(Duration.ofHours(24), list)))
                .verify(new CredentialPresentation(null, payload, "test", at));
    }

    static VerificationResult verify(String payload) {
        return verify(payload, trust, DURING);
    }

    @Test
    void verifiesAnEs256License() throws Exception {
        VerificationResult r = verify(ElicenseQr.issue(ElicenseFixtures.businessLicense("elicense-1", 1), CoseAlgorithm.ES256,
                ES_KID, es.getPrivate()));

        assertThat(r.verdict()).isEqualTo(Verdict.VALID);
        assertThat(r.format()).isEqualTo("onewindow-elicense");
        assertThat(r.claims()).containsEntry("identifier", IDENTIFIER).containsEntry("credentialType", "business-license")
                .containsEntry("validUntil", "2030-03-01").containsEntry("extra.legalRepresentative", "张伟");
        assertThat(r.checks()).containsEntry("signature", true).containsEntry("revocation", true).containsEntry("schema", true);
        assertThat(r.trustDataAge()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void verifiesAnSm2WithSm3License() throws Exception {
        VerificationResult r = verify(ElicenseQr.issue(ElicenseFixtures.businessLicense("elicense-1", 1), CoseAlgorithm.SM2_SM3,
                SM2_KID, sm2.getPrivate()));

        assertThat(r.verdict()).isEqualTo(Verdict.VALID);
        assertThat(r.detail()).contains("SM2_SM3");
    }

    @Test
    void rejectsAnSm2SignatureByAnotherKey() throws Exception {
        VerificationResult r = verify(ElicenseQr.issue(ElicenseFixtures.businessLicense(null, 0), CoseAlgorithm.SM2_SM3,
                SM2_KID, TestPki.sm2().getPrivate()));

        assertThat(r.reason()).isEqualTo(VerificationReason.BAD_SIGNATURE);
    }

    @Test
    void rejectsAnEs256SignatureUnderTheSm2Kid() throws Exception {
        VerificationResult r = verify(ElicenseQr.issue(ElicenseFixtures.businessLicense(null, 0), CoseAlgorithm.ES256,
                SM2_KID, es.getPrivate()));

        assertThat(r.reason()).isEqualTo(VerificationReason.BAD_SIGNATURE);
    }

    @Test
    void rejectsARevokedLicense() throws Exception {
        VerificationResult r = verify(ElicenseQr.issue(ElicenseFixtures.businessLicense("elicense-1", 2), CoseAlgorithm.ES256,
                ES_KID, es.getPrivate()));

        assertThat(r.reason()).isEqualTo(VerificationReason.REVOKED);
        assertThat(r.checks()).containsEntry("revocation", false);
    }

    @Test
    void isUnverifiableWhenItsStatusListIsNotCached() throws Exception {
        VerificationResult r = verify(ElicenseQr.issue(ElicenseFixtures.businessLicense("elicense-9", 2), CoseAlgorithm.ES256,
                ES_KID, es.getPrivate()));

        assertThat(r.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
        assertThat(r.reason()).isEqualTo(VerificationReason.TRUST_LIST_TOO_OLD);
    }

    @Test
    void rejectsAnExpiredAndANotYetValidLicense() throws Exception {
        String expired = ElicenseQr.issue(ElicenseFixtures.with(IDENTIFIER, ISSUER_CODE, null, DURING.minusSeconds(1)),
                CoseAlgorithm.ES256, ES_KID, es.getPrivate());
        String early = ElicenseQr.issue(ElicenseFixtures.with(IDENTIFIER, ISSUER_CODE, DURING.plusSeconds(86_400), null),
                CoseAlgorithm.ES256, ES_KID, es.getPrivate());

        assertThat(verify(expired).reason()).isEqualTo(VerificationReason.EXPIRED);
        assertThat(verify(early).reason()).isEqualTo(VerificationReason.NOT_YET_VALID);
    }

    @Test
    void aLicenseWithoutExpiryIsLongTerm() throws Exception {
        VerificationResult r = verify(ElicenseQr.issue(ElicenseFixtures.with(IDENTIFIER, ISSUER_CODE, null, null),
                CoseAlgorithm.ES256, ES_KID, es.getPrivate()));

        assertThat(r.verdict()).isEqualTo(Verdict.VALID);
        assertThat(r.claims()).containsEntry("validUntil", "long-term");
        assertThat(r.checks()).doesNotContainKey("revocation");
    }

    @Test
    void rejectsAnIdentifierWithAWrongCheckCharacter() throws Exception {
        String bad = IDENTIFIER.substring(0, IDENTIFIER.length() - 1) + (IDENTIFIER.endsWith("A") ? "B" : "A");
        VerificationResult r = verify(ElicenseQr.issue(ElicenseFixtures.with(bad, ISSUER_CODE, null, null),
                CoseAlgorithm.ES256, ES_KID, es.getPrivate()));

        assertThat(r.reason()).isEqualTo(VerificationReason.MALFORMED);
        assertThat(r.checks()).containsEntry("schema", false);
    }

    @Test
    void rejectsACredentialOfAnotherIssuerSignedWithATrustedKey() throws Exception {
        String other = new org.onewindow.core.verify.CredentialIdentifier("02", "11370200MB1575318T", "1", "001").toString();
        VerificationResult r = verify(ElicenseQr.issue(ElicenseFixtures.with(other, "11370200MB1575318T", null, null),
                CoseAlgorithm.ES256, ES_KID, es.getPrivate()));

        assertThat(r.reason()).isEqualTo(VerificationReason.UNKNOWN_ISSUER);
        assertThat(r.checks()).containsEntry("signature", true).containsEntry("trust", false);
    }

    @Test
    void rejectsAnUnknownKid() throws Exception {
        VerificationResult r = verify(ElicenseQr.issue(ElicenseFixtures.businessLicense(null, 0), CoseAlgorithm.ES256,
                "nobody".getBytes(StandardCharsets.US_ASCII), es.getPrivate()));

        assertThat(r.reason()).isEqualTo(VerificationReason.UNKNOWN_ISSUER);
    }

    @Test
    void rejectsGarbageAfterThePrefix() {
        assertThat(verify("OWEL1:%%%%").reason()).isEqualTo(VerificationReason.MALFORMED);
        assertThat(verify("OWEL1:").reason()).isEqualTo(VerificationReason.MALFORMED);
    }

    @Test
    void isUnverifiableWithTooOldTrustData() throws Exception {
        String qr = ElicenseQr.issue(ElicenseFixtures.businessLicense("elicense-1", 1), CoseAlgorithm.ES256, ES_KID, es.getPrivate());

        VerificationResult r = verify(qr, trust, DURING.plus(Duration.ofDays(2)));

        assertThat(r.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
        assertThat(r.checks()).containsEntry("trustDataFresh", false);
    }
}
