package org.onewindow.verification.hcert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.verification.testing.HcertFixtures.DURING;
import static org.onewindow.verification.testing.HcertFixtures.EXP;
import static org.onewindow.verification.testing.HcertFixtures.IAT;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.core.verify.CredentialPresentation;
import org.onewindow.core.verify.Verdict;
import org.onewindow.core.verify.VerificationMode;
import org.onewindow.core.verify.VerificationReason;
import org.onewindow.core.verify.VerificationResult;
import org.onewindow.verification.chain.ChainConfig;
import org.onewindow.verification.chain.VerifierChains;
import org.onewindow.verification.cbor.Cbor;
import org.onewindow.verification.cose.CoseAlgorithm;
import org.onewindow.verification.cose.CoseSign1;
import org.onewindow.verification.testing.HcertFixtures;
import org.onewindow.verification.testing.TestPki;
import org.onewindow.verification.trust.Certificates;
import org.onewindow.verification.trust.TrustList;
import org.onewindow.verification.trust.TrustStore;
import org.onewindow.verification.trust.TrustedIssuer;

class HcertVerifierTest {
    static KeyPair ecKeys;
    static X509Certificate ecCert;
    static KeyPair rsaKeys;
    static X509Certificate rsaCert;
    static KeyPair testOnlyKeys;
    static X509Certificate testOnlyCert;
    static TrustList trust;

    @BeforeAll
    static void pki() throws Exception {
        ecKeys = TestPki.ecP256();
        ecCert = TestPki.certificate(ecKeys, "DSC ES256");
        rsaKeys = TestPki.rsa2048();
        rsaCert = TestPki.certificate(rsaKeys, "DSC PS256");
        testOnlyKeys = TestPki.ecP256();
        testOnlyCert = TestPki.certificate(testOnlyKeys, "DSC tests only", Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2035-01-01T00:00:00Z"), "1.3.6.1.4.1.1847.2021.1.1");
        trust = new TrustList(7, DURING.minus(Duration.ofHours(3)), List.of(entry(ecCert), entry(rsaCert), entry(testOnlyCert)),
                Map.of(), Set.of(), "test trust list");
    }

    static TrustedIssuer entry(X509Certificate cert) throws Exception {
        return new TrustedIssuer(Certificates.hcertKid(cert), "Test DSC", "DE", Set.of("hcert"), cert, null);
    }

    static VerificationResult verify(String payload, TrustList list, Instant at) {
        var chain = VerifierChains.create(ChainConfig.offline(Clock.fixed(at, ZoneOffset.UTC),
                TrustStore.of(Duration.ofHours(72), list)));
        return chain.verify(new CredentialPresentation(payload.getBytes(StandardCharsets.US_ASCII), payload, "test", at));
    }

    static VerificationResult verify(String payload) {
        return verify(payload, trust, DURING);
    }

    static String es256(Map<String, Object> dgc) throws Exception {
        return HcertFixtures.hc1(HcertFixtures.cwt(dgc, IAT, EXP), CoseAlgorithm.ES256, Certificates.hcertKidBytes(ecCert),
                ecKeys.getPrivate());
    }

    @Test
    void acceptsAValidEs256Vaccination() throws Exception {
        VerificationResult r = verify(es256(HcertFixtures.vaccination()));

        assertThat(r.verdict()).isEqualTo(Verdict.VALID);
        assertThat(r.format()).isEqualTo("hcert");
        assertThat(r.mode()).isEqualTo(VerificationMode.OFFLINE_TRUST_LIST);
        assertThat(r.trustDataAge()).isEqualTo(Duration.ofHours(3));
        assertThat(r.checks()).containsEntry("decode", true).containsEntry("signature", true).containsEntry("trust", true)
                .containsEntry("expiry", true).containsEntry("schema", true).containsEntry("certificate", true)
                .containsEntry("revocation", true);
        assertThat(r.claims()).containsEntry("credentialType", "hcert-vaccination")
                .containsEntry("holderName", "Mustermann Erika").containsEntry("dose", "2/2");
    }

    @Test
    void acceptsAValidPs256Test() throws Exception {
        String hc1 = HcertFixtures.hc1(HcertFixtures.cwt(HcertFixtures.test(), IAT, EXP), CoseAlgorithm.PS256,
                Certificates.hcertKidBytes(rsaCert), rsaKeys.getPrivate());

        VerificationResult r = verify(hc1);

        assertThat(r.verdict()).isEqualTo(Verdict.VALID);
        assertThat(r.claims()).containsEntry("credentialType", "hcert-test");
    }

    @Test
    void acceptsAnUncompressedPayloadAndKidInTheUnprotectedHeader() throws Exception {
        byte[] cwt = HcertFixtures.cwt(HcertFixtures.vaccination(), IAT, EXP);
        byte[] prot = Cbor.encode(Map.of(1L, -7L));
        byte[] tbs = Cbor.encode(List.of("Signature1", prot, new byte[0], cwt));
        byte[] sig = CoseAlgorithm.ES256.sign(ecKeys.getPrivate(), tbs);
        byte[] cose = Cbor.encode(List.of(prot, Map.of(4L, Certificates.hcertKidBytes(ecCert)), cwt, sig));
        String hc1 = "HC1:" + org.onewindow.verification.codec.Base45.encode(cose);

        assertThat(verify(hc1).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void rejectsASignatureByAnotherKeyUnderATrustedKid() throws Exception {
        String forged = HcertFixtures.hc1(HcertFixtures.cwt(HcertFixtures.vaccination(), IAT, EXP), CoseAlgorithm.ES256,
                Certificates.hcertKidBytes(ecCert), TestPki.ecP256().getPrivate());

        VerificationResult r = verify(forged);

        assertThat(r.reason()).isEqualTo(VerificationReason.BAD_SIGNATURE);
        assertThat(r.checks()).containsEntry("trust", true).containsEntry("signature", false);
    }

    @Test
    void rejectsATamperedPayload() throws Exception {
        byte[] cose = CoseSign1.sign(CoseAlgorithm.ES256, Certificates.hcertKidBytes(ecCert),
                HcertFixtures.cwt(HcertFixtures.vaccination(), IAT, EXP), ecKeys.getPrivate());
        CoseSign1 parsed = CoseSign1.parse(cose);
        byte[] otherPayload = HcertFixtures.cwt(HcertFixtures.test(), IAT, EXP);
        byte[] tampered = Cbor.encode(List.of(parsed.protectedBytes(), Map.of(), otherPayload, parsed.signature()));

        assertThat(verify(HcertFixtures.hc1FromCose(tampered)).reason()).isEqualTo(VerificationReason.BAD_SIGNATURE);
    }

    @Test
    void rejectsAnUnknownKid() throws Exception {
        KeyPair stranger = TestPki.ecP256();
        String hc1 = HcertFixtures.hc1(HcertFixtures.cwt(HcertFixtures.vaccination(), IAT, EXP), CoseAlgorithm.ES256,
                new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, stranger.getPrivate());

        VerificationResult r = verify(hc1);

        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(r.reason()).isEqualTo(VerificationReason.UNKNOWN_ISSUER);
        assertThat(r.checks()).containsEntry("trust", false).doesNotContainKey("signature");
    }

    @Test
    void rejectsAnExpiredHcert() throws Exception {
        // a trust list issued at the check time, so that only the HCERT's own expiry can fail
        TrustList fresh = new TrustList(8, EXP, trust.issuers(), Map.of(), Set.of(), "fresh");

        VerificationResult expired = verify(es256(HcertFixtures.vaccination()), fresh, EXP.plusSeconds(1));

        assertThat(expired.reason()).isEqualTo(VerificationReason.EXPIRED);
        assertThat(expired.checks()).containsEntry("expiry", false).containsEntry("signature", true);
    }

    @Test
    void rejectsAnHcertIssuedInTheFuture() throws Exception {
        String hc1 = HcertFixtures.hc1(HcertFixtures.cwt(HcertFixtures.vaccination(), DURING.plusSeconds(3600), EXP),
                CoseAlgorithm.ES256, Certificates.hcertKidBytes(ecCert), ecKeys.getPrivate());

        assertThat(verify(hc1).reason()).isEqualTo(VerificationReason.NOT_YET_VALID);
    }

    @Test
    void rejectsARevokedCertificateIdentifier() throws Exception {
        TrustList withRevocation = new TrustList(9, DURING.minusSeconds(60), trust.issuers(), Map.of(),
                Set.of(HcertVerifier.uciHash(HcertFixtures.UCI)), "with revocation");

        VerificationResult r = verify(es256(HcertFixtures.vaccination()), withRevocation, DURING);

        assertThat(r.reason()).isEqualTo(VerificationReason.REVOKED);
        assertThat(r.checks()).containsEntry("revocation", false);
    }

    @Test
    void rejectsAVaccinationSignedByATestOnlyCertificate() throws Exception {
        String hc1 = HcertFixtures.hc1(HcertFixtures.cwt(HcertFixtures.vaccination(), IAT, EXP), CoseAlgorithm.ES256,
                Certificates.hcertKidBytes(testOnlyCert), testOnlyKeys.getPrivate());
        String testResult = HcertFixtures.hc1(HcertFixtures.cwt(HcertFixtures.test(), IAT, EXP), CoseAlgorithm.ES256,
                Certificates.hcertKidBytes(testOnlyCert), testOnlyKeys.getPrivate());

        assertThat(verify(hc1).reason()).isEqualTo(VerificationReason.WRONG_CREDENTIAL_TYPE);
        assertThat(verify(testResult).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void rejectsAnHcertIssuedOutsideItsCertificateValidity() throws Exception {
        KeyPair keys = TestPki.ecP256();
        X509Certificate old = TestPki.certificate(keys, "old DSC", Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"));
        TrustList list = new TrustList(1, DURING, List.of(entry(old)), Map.of(), Set.of(), "t");
        String hc1 = HcertFixtures.hc1(HcertFixtures.cwt(HcertFixtures.vaccination(), IAT, EXP), CoseAlgorithm.ES256,
                Certificates.hcertKidBytes(old), keys.getPrivate());

        VerificationResult r = verify(hc1, list, DURING);

        assertThat(r.reason()).isEqualTo(VerificationReason.EXPIRED);
        assertThat(r.checks()).containsEntry("certificate", false);
    }

    @Test
    void rejectsAPayloadThatBreaksTheSchema() throws Exception {
        Map<String, Object> dgc = new java.util.LinkedHashMap<>(HcertFixtures.vaccination());
        dgc.put("nam", Map.of("fn", "Mustermann", "fnt", "mustermann"));

        VerificationResult r = verify(es256(dgc));

        assertThat(r.reason()).isEqualTo(VerificationReason.MALFORMED);
        assertThat(r.checks()).containsEntry("schema", false).containsEntry("signature", true);
    }

    @Test
    void rejectsAnHcertWithoutExpiry() throws Exception {
        String hc1 = HcertFixtures.hc1(HcertFixtures.cwt(HcertFixtures.vaccination(), IAT, null), CoseAlgorithm.ES256,
                Certificates.hcertKidBytes(ecCert), ecKeys.getPrivate());

        assertThat(verify(hc1).reason()).isEqualTo(VerificationReason.MALFORMED);
    }

    @Test
    void rejectsBrokenBase45AndBrokenCose() {
        assertThat(verify("HC1:!!!").reason()).isEqualTo(VerificationReason.MALFORMED);
        assertThat(verify("HC1:" + org.onewindow.verification.codec.Base45.encode(new byte[] {(byte) 0x84, 1}))
                .checks()).containsEntry("decode", false);
    }

    @Test
    void rejectsAnAlgorithmHcertDoesNotAllow() throws Exception {
        byte[] cwt = HcertFixtures.cwt(HcertFixtures.vaccination(), IAT, EXP);
        byte[] prot = Cbor.encode(Map.of(1L, -8L, 4L, Certificates.hcertKidBytes(ecCert)));
        byte[] cose = Cbor.encode(List.of(prot, Map.of(), cwt, new byte[64]));

        assertThat(verify(HcertFixtures.hc1FromCose(cose)).reason()).isEqualTo(VerificationReason.BAD_SIGNATURE);
    }

    @Test
    void isUnverifiableWhenTheTrustListIsTooOldOrMissing() throws Exception {
        String hc1 = es256(HcertFixtures.vaccination());
        TrustList stale = new TrustList(1, DURING.minus(Duration.ofDays(4)), trust.issuers(), Map.of(), Set.of(), "stale");

        VerificationResult tooOld = verify(hc1, stale, DURING);
        VerificationResult none = verify(hc1, TrustList.empty(), DURING);

        assertThat(tooOld.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
        assertThat(tooOld.reason()).isEqualTo(VerificationReason.TRUST_LIST_TOO_OLD);
        assertThat(tooOld.trustDataAge()).isEqualTo(Duration.ofDays(4));
        assertThat(none.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
    }

    @Test
    void refusesATrustEntryThatMayNotSignHcerts() throws Exception {
        TrustedIssuer elicenseOnly = new TrustedIssuer(Certificates.hcertKid(ecCert), "e-license issuer", "x",
                Set.of("onewindow-elicense"), ecCert, null);
        TrustList list = new TrustList(1, DURING, List.of(elicenseOnly), Map.of(), Set.of(), "t");

        assertThat(verify(es256(HcertFixtures.vaccination()), list, DURING).reason())
                .isEqualTo(VerificationReason.UNKNOWN_ISSUER);
    }
}
