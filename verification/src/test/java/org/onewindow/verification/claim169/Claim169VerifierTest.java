package org.onewindow.verification.claim169;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.core.verify.CredentialPresentation;
import org.onewindow.core.verify.Verdict;
import org.onewindow.core.verify.VerificationReason;
import org.onewindow.core.verify.VerificationResult;
import org.onewindow.verification.cbor.Cbor;
import org.onewindow.verification.cbor.CborTagged;
import org.onewindow.verification.chain.ChainConfig;
import org.onewindow.verification.chain.VerifierChains;
import org.onewindow.verification.codec.Base45;
import org.onewindow.verification.codec.Zlib;
import org.onewindow.verification.cose.CoseAlgorithm;
import org.onewindow.verification.cose.CoseSign1;
import org.onewindow.verification.testing.TestPki;
import org.onewindow.verification.trust.TrustList;
import org.onewindow.verification.trust.TrustStore;
import org.onewindow.verification.trust.TrustedIssuer;

class Claim169VerifierTest {
    static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");
    static final byte[] KID = "mosip-1".getBytes(StandardCharsets.US_ASCII);
    static KeyPair es;
    static KeyPair ed;
    static TrustList trust;

    @BeforeAll
    static void keys() throws Exception {
        es = TestPki.ecP256();
        ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        trust = new TrustList(1, NOW.minus(Duration.ofHours(1)), List.of(
                new TrustedIssuer(Base64.getEncoder().encodeToString(KID), "National ID Authority", "https://id.example.org",
                        Set.of("mosip-claim169"), null, es.getPublic()),
                new TrustedIssuer("ed-key", "National ID Authority (Ed25519)", "https://ed.example.org",
                        Set.of("mosip-claim169"), null, ed.getPublic())), Map.of(), Set.of(), "test");
    }

    static Map<Object, Object> identity() {
        Map<Object, Object> id = new LinkedHashMap<>();
        id.put(1L, "3918592438");
        id.put(3L, "eng");
        id.put(4L, "Janardhan BS");
        id.put(8L, "19880102");
        id.put(9L, 1L);
        id.put(10L, "New House, Near Metro Line\nBengaluru, KA");
        id.put(13L, "IND");
        id.put(16L, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0});
        id.put(17L, 1L);
        return id;
    }

    static String qr(Map<Object, Object> id, String iss, Instant exp, CoseAlgorithm alg, byte[] kid, PrivateKey key) throws Exception {
        Map<Object, Object> cwt = new LinkedHashMap<>();
        cwt.put(1L, iss);
        cwt.put(6L, NOW.minus(Duration.ofDays(30)).getEpochSecond());
        if (exp != null) {
            cwt.put(4L, exp.getEpochSecond());
        }
        cwt.put(169L, id);
        return Base45.encode(Zlib.deflate(CoseSign1.sign(alg, kid, Cbor.encode(cwt), key)));
    }

    static VerificationResult verify(String text) {
        return VerifierChains.create(ChainConfig.offline(Clock.fixed(NOW, ZoneOffset.UTC), TrustStore.of(Duration.ofHours(24), trust)))
                .verify(new CredentialPresentation(null, text, "test", NOW));
    }

    @Test
    void verifiesAnEs256IdentityQrWithPhoto() throws Exception {
        VerificationResult r = verify(qr(identity(), "https://id.example.org", NOW.plus(Duration.ofDays(365)), CoseAlgorithm.ES256,
                KID, es.getPrivate()));

        assertThat(r.verdict()).isEqualTo(Verdict.VALID);
        assertThat(r.format()).isEqualTo("mosip-claim169");
        assertThat(r.claims()).containsEntry("holderName", "Janardhan BS").containsEntry("dateOfBirth", "1988-01-02")
                .containsEntry("gender", "male").containsEntry("photoFormat", "image/jpeg").containsKey("photo");
    }

    @Test
    void verifiesAnEd25519QrWithoutKidByItsIssuer() throws Exception {
        VerificationResult r = verify(qr(identity(), "https://ed.example.org", null, CoseAlgorithm.EDDSA, null, ed.getPrivate()));

        assertThat(r.verdict()).isEqualTo(Verdict.VALID);
        assertThat(r.detail()).contains("EDDSA");
    }

    @Test
    void rejectsExpiredForgedAndUnknownQrs() throws Exception {
        String expired = qr(identity(), "https://id.example.org", NOW.minusSeconds(1), CoseAlgorithm.ES256, KID, es.getPrivate());
        String forged = qr(identity(), "https://id.example.org", null, CoseAlgorithm.ES256, KID, TestPki.ecP256().getPrivate());
        String unknown = qr(identity(), "https://nobody.example.org", null, CoseAlgorithm.EDDSA, null, ed.getPrivate());

        assertThat(verify(expired).reason()).isEqualTo(VerificationReason.EXPIRED);
        assertThat(verify(forged).reason()).isEqualTo(VerificationReason.BAD_SIGNATURE);
        assertThat(verify(unknown).reason()).isEqualTo(VerificationReason.UNKNOWN_ISSUER);
    }

    @Test
    void rejectsAttributesOfTheWrongType() throws Exception {
        Map<Object, Object> id = identity();
        id.put(4L, 42L);

        VerificationResult r = verify(qr(id, "https://id.example.org", null, CoseAlgorithm.ES256, KID, es.getPrivate()));

        assertThat(r.reason()).isEqualTo(VerificationReason.MALFORMED);
        assertThat(r.checks()).containsEntry("schema", false).containsEntry("signature", true);
    }

    @Test
    void anEncryptedQrIsUnverifiable() {
        byte[] encrypt0 = Cbor.encode(new CborTagged(16, List.of(new byte[0], Map.of(), new byte[40])));

        VerificationResult r = verify(Base45.encode(Zlib.deflate(encrypt0)));

        assertThat(r.format()).isEqualTo("mosip-claim169");
        assertThat(r.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
        assertThat(r.reason()).isEqualTo(VerificationReason.UNSUPPORTED_FORMAT);
    }

    @Test
    void base45WithoutAClaim169IsNotTakenForOne() {
        VerificationResult r = verify(Base45.encode(Zlib.deflate(Cbor.encode(Map.of(1L, "x")))));

        assertThat(r.format()).isEqualTo("unknown");
        assertThat(r.reason()).isEqualTo(VerificationReason.UNSUPPORTED_FORMAT);
    }
}
