package org.onewindow.verification.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.verify.CredentialPresentation;
import org.onewindow.core.verify.Verdict;
import org.onewindow.core.verify.VerificationResult;
import org.onewindow.verification.cbor.Cbor;
import org.onewindow.verification.chain.ChainConfig;
import org.onewindow.verification.chain.VerifierChain;
import org.onewindow.verification.chain.VerifierChains;
import org.onewindow.verification.codec.Base45;
import org.onewindow.verification.codec.Zlib;
import org.onewindow.verification.cose.CoseAlgorithm;
import org.onewindow.verification.cose.CoseSign1;
import org.onewindow.verification.elicense.ElicenseQr;
import org.onewindow.verification.testing.ElicenseFixtures;
import org.onewindow.verification.testing.HcertFixtures;
import org.onewindow.verification.testing.SandboxFixture;
import org.onewindow.verification.testing.TestPki;
import org.onewindow.verification.trust.Certificates;
import org.onewindow.verification.trust.StatusList;
import org.onewindow.verification.trust.TrustList;
import org.onewindow.verification.trust.TrustStore;
import org.onewindow.verification.trust.TrustedIssuer;

/**
 * Verification latency per format, single thread, with baselines measured in the same run (a bare JCA
 * ECDSA P-256 verify; a bare GET /health over loopback). Run with {@code taskset -c 0} for "one core":
 * <pre>java -cp ... org.onewindow.verification.bench.VerificationBenchmark [iterations]</pre>
 * Prints one line per case: median, p95 and mean in milliseconds.
 */
public final class VerificationBenchmark {
    private static final Instant NOW = HcertFixtures.DURING;

    private VerificationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        KeyPair ec = TestPki.ecP256();
        X509Certificate ecCert = TestPki.certificate(ec, "bench ES256");
        KeyPair rsa = TestPki.rsa2048();
        X509Certificate rsaCert = TestPki.certificate(rsa, "bench PS256");
        KeyPair sm2 = TestPki.sm2();
        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        ECKey jwk = new ECKeyGenerator(Curve.P_256).keyID("bench-jwt").generate();
        byte[] sm2Kid = "bench-sm2".getBytes(StandardCharsets.US_ASCII);
        byte[] esKid = "bench-es".getBytes(StandardCharsets.US_ASCII);
        TrustList list = new TrustList(1, NOW.minus(Duration.ofHours(2)), List.of(
                new TrustedIssuer(Certificates.hcertKid(ecCert), "bench", "DE", Set.of(), ecCert, null),
                new TrustedIssuer(Certificates.hcertKid(rsaCert), "bench", "DE", Set.of(), rsaCert, null),
                new TrustedIssuer(b64(esKid), "bench", ElicenseFixtures.ISSUER_CODE, Set.of(), null, ec.getPublic()),
                new TrustedIssuer(b64(sm2Kid), "bench", ElicenseFixtures.ISSUER_CODE, Set.of(), null, sm2.getPublic()),
                new TrustedIssuer("ed", "bench", "https://id.example.org", Set.of(), null, ed.getPublic()),
                new TrustedIssuer("bench-jwt", "bench", "https://issuer.example.cn", Set.of(), null, jwk.toECPublicKey())),
                Map.of("elicense-1", new StatusList("elicense-1", NOW.minus(Duration.ofHours(2)), new byte[16 * 1024])),
                Set.of(), "bench");
        VerifierChain chain = VerifierChains.create(ChainConfig.offline(Clock.fixed(NOW, ZoneOffset.UTC),
                TrustStore.of(Duration.ofHours(72), list)));

        byte[] cwt = HcertFixtures.cwt(HcertFixtures.vaccination(), HcertFixtures.IAT, HcertFixtures.EXP);
        String hcertEs = HcertFixtures.hc1(cwt, CoseAlgorithm.ES256, Certificates.hcertKidBytes(ecCert), ec.getPrivate());
        String hcertPs = HcertFixtures.hc1(cwt, CoseAlgorithm.PS256, Certificates.hcertKidBytes(rsaCert), rsa.getPrivate());
        String elEs = ElicenseQr.issue(ElicenseFixtures.businessLicense("elicense-1", 5), CoseAlgorithm.ES256, esKid, ec.getPrivate());
        String elSm2 = ElicenseQr.issue(ElicenseFixtures.businessLicense("elicense-1", 5), CoseAlgorithm.SM2_SM3, sm2Kid,
                sm2.getPrivate());
        Map<Object, Object> claims = new LinkedHashMap<>();
        claims.put(1L, "https://id.example.org");
        claims.put(169L, Map.of(1L, "3918592438", 4L, "Janardhan BS", 8L, "19880102", 9L, 1L));
        String claim169 = Base45.encode(Zlib.deflate(CoseSign1.sign(CoseAlgorithm.EDDSA, null, Cbor.encode(claims), ed.getPrivate())));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("bench-jwt").type(new JOSEObjectType("dc+sd-jwt"))
                .build(), new JWTClaimsSet.Builder().issuer("https://issuer.example.cn").issueTime(Date.from(NOW.minusSeconds(60)))
                .claim("vct", "urn:bench").claim("_sd", List.of(sha("WyJzIiwiYSIsMV0"))).build());
        jwt.sign(new ECDSASigner(jwk));
        String sdJwt = jwt.serialize() + "~WyJzIiwiYSIsMV0~";

        Signature raw = Signature.getInstance("SHA256withECDSA");
        raw.initSign(ec.getPrivate());
        byte[] data = new byte[300];
        raw.update(data);
        byte[] sig = raw.sign();

        System.out.printf("%-36s %8s %8s %8s   (n=%d, single thread)%n", "case", "median", "p95", "mean", n);
        report("baseline: JCA ECDSA P-256 verify", n, () -> {
            try {
                Signature s = Signature.getInstance("SHA256withECDSA");
                s.initVerify(ec.getPublic());
                s.update(data);
                return s.verify(sig);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        report("hcert ES256", n, () -> valid(chain, hcertEs));
        report("hcert PS256 (RSA 2048)", n, () -> valid(chain, hcertPs));
        report("onewindow-elicense ES256", n, () -> valid(chain, elEs));
        report("onewindow-elicense SM2-with-SM3", n, () -> valid(chain, elSm2));
        report("mosip-claim169 EdDSA", n, () -> valid(chain, claim169));
        report("sd-jwt-vc ES256", n, () -> valid(chain, sdJwt));
        report("id-number (local rules)", n, () -> valid(chain, DemoCitizens.ZHANG_WEI.idNumber()));

        Path dir = Files.createTempDirectory("onewindow-bench");
        try (SandboxFixture fx = new SandboxFixture(dir)) {
            VerifierChain online = VerifierChains.create(ChainConfig.online(fx.clock, TrustStore.of(Duration.ofHours(1)), fx.client));
            int m = Math.min(n, 500);
            report("baseline: GET /health over loopback", m, () -> {
                try {
                    return fx.client.health() != null;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < m + m / 5; i++) {
                String payload = fx.demoPayload(DemoCitizens.ZHANG_WEI.idNumber(), "eid");
                long t0 = System.nanoTime();
                VerificationResult r = online.verify(new CredentialPresentation(null, payload, "bench", null));
                long t = System.nanoTime() - t0;
                if (r.verdict() != Verdict.VALID) {
                    throw new IllegalStateException("online resolve not VALID: " + r);
                }
                if (i >= m / 5) {
                    times.add(t);
                }
            }
            print("online-credential resolve (loopback)", times);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static String sha(String disclosure) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(disclosure.getBytes(StandardCharsets.US_ASCII)));
    }

    private static boolean valid(VerifierChain chain, String text) {
        VerificationResult r = chain.verify(new CredentialPresentation(null, text, "bench", NOW));
        if (r.verdict() != Verdict.VALID) {
            throw new IllegalStateException("benchmark vector not VALID: " + r + " " + r.detail());
        }
        return true;
    }

    private static void report(String name, int n, Supplier<Boolean> work) {
        for (int i = 0; i < n / 2; i++) {
            work.get(); // warm-up: JIT and caches
        }
        List<Long> times = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            work.get();
            times.add(System.nanoTime() - t0);
        }
        print(name, times);
    }

    private static void print(String name, List<Long> times) {
        long[] t = times.stream().mapToLong(Long::longValue).sorted().toArray();
        double mean = Arrays.stream(t).average().orElse(0) / 1e6;
        System.out.printf("%-36s %8.3f %8.3f %8.3f%n", name, t[t.length / 2] / 1e6, t[(int) (t.length * 0.95)] / 1e6, mean);
    }
}
