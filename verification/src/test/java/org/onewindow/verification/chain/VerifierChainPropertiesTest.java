package org.onewindow.verification.chain;

import static org.assertj.core.api.Assertions.assertThat;

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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.onewindow.core.verify.CredentialPresentation;
import org.onewindow.core.verify.Verdict;
import org.onewindow.core.verify.VerificationResult;
import org.onewindow.verification.codec.Base45;
import org.onewindow.verification.codec.Zlib;
import org.onewindow.verification.cose.CoseAlgorithm;
import org.onewindow.verification.testing.HcertFixtures;
import org.onewindow.verification.testing.TestPki;
import org.onewindow.verification.trust.Certificates;
import org.onewindow.verification.trust.TrustList;
import org.onewindow.verification.trust.TrustStore;
import org.onewindow.verification.trust.TrustedIssuer;

/** Whatever a camera reads, the chain answers with a result and never throws. */
class VerifierChainPropertiesTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final VerifierChain CHAIN;
    private static final String VALID_HC1;

    static {
        KeyPair keys = TestPki.ecP256();
        X509Certificate cert = TestPki.certificate(keys, "DSC");
        try {
            TrustList list = new TrustList(1, NOW, List.of(new TrustedIssuer(Certificates.hcertKid(cert), "DSC", "DE",
                    Set.of(), cert, null)), Map.of(), Set.of(), "property test");
            CHAIN = VerifierChains.create(ChainConfig.offline(Clock.fixed(NOW, ZoneOffset.UTC), TrustStore.of(Duration.ofDays(1), list)));
            VALID_HC1 = HcertFixtures.hc1(HcertFixtures.cwt(HcertFixtures.vaccination(), HcertFixtures.IAT, HcertFixtures.EXP),
                    CoseAlgorithm.ES256, Certificates.hcertKidBytes(cert), keys.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static VerificationResult verifyBytes(byte[] bytes) {
        return CHAIN.verify(new CredentialPresentation(bytes, null, "property", NOW));
    }

    private static void assertWellFormed(VerificationResult r) {
        assertThat(r).isNotNull();
        assertThat(r.verdict()).isNotNull();
        assertThat(r.format()).isNotBlank();
        if (r.verdict() != Verdict.VALID) {
            assertThat(r.reason()).isNotNull();
        }
    }

    @Property(tries = 300)
    void anyBytesYieldAResult(@ForAll @Size(max = 600) byte[] bytes) {
        assertWellFormed(verifyBytes(bytes));
    }

    @Property(tries = 300)
    void anyBytesBehindAFormatPrefixYieldAResult(@ForAll("prefixes") String prefix, @ForAll @Size(max = 400) byte[] bytes,
                                                 @ForAll boolean compress) {
        String text = prefix + Base45.encode(compress ? Zlib.deflate(bytes) : bytes);
        VerificationResult r = CHAIN.verify(new CredentialPresentation(null, text, "property", NOW));

        assertWellFormed(r);
        assertThat(r.verdict()).isNotEqualTo(Verdict.VALID);
    }

    @Property(tries = 300)
    void aCorruptedHcertIsNeverValid(@ForAll("positions") int position, @ForAll("flips") int flip) {
        byte[] text = VALID_HC1.getBytes(StandardCharsets.US_ASCII);
        int i = 4 + position % (text.length - 4);
        byte original = text[i];
        text[i] = (byte) (original ^ flip);
        VerificationResult r = verifyBytes(text);

        assertWellFormed(r);
        // a flip may still produce the same decoded bytes only if it changed nothing
        assertThat(r.verdict()).isNotEqualTo(Verdict.VALID);
    }

    @Provide
    Arbitrary<String> prefixes() {
        return Arbitraries.of("HC1:", "OWEL1:", "", "EC1:", "HC1", "OWEL1");
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 100_000);
    }

    @Provide
    Arbitrary<Integer> flips() {
        return Arbitraries.integers().between(1, 127);
    }
}
