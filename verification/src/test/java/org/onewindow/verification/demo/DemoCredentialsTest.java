package org.onewindow.verification.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.verify.CredentialPresentation;
import org.onewindow.core.verify.Verdict;
import org.onewindow.core.verify.VerificationReason;
import org.onewindow.core.verify.VerificationResult;
import org.onewindow.verification.chain.ChainConfig;
import org.onewindow.verification.chain.VerifierChain;
import org.onewindow.verification.chain.VerifierChains;
import org.onewindow.verification.cose.CoseAlgorithm;
import org.onewindow.verification.testing.SandboxFixture;
import org.onewindow.verification.trust.Certificates;
import org.onewindow.verification.trust.InMemoryTrustListCache;
import org.onewindow.verification.trust.TrustListUpdater;
import org.onewindow.verification.trust.TrustStore;

/** End to end: demo issuers registered in the sandbox, the trust list downloaded, every offline format verified. */
class DemoCredentialsTest {
    @TempDir
    Path dir;

    @Test
    void everyOfflineFormatVerifiesAgainstTheSandboxTrustList() throws Exception {
        try (SandboxFixture fx = new SandboxFixture(dir)) {
            DemoCredentials demo = DemoCredentials.registerWith(fx.client, fx.clock);
            fx.client.callJson("POST", "/api/v1/sandbox/status-lists/elicense-1/revoke",
                    JsonNodeFactory.instance.objectNode().put("index", 3));
            InMemoryTrustListCache cache = new InMemoryTrustListCache();
            var signer = Certificates.parseAll(fx.client.callBytes("GET", "/api/v1/trust-lists/signer")).get(0).getPublicKey();
            new TrustListUpdater(fx.client, signer, cache).update();
            VerifierChain chain = VerifierChains.create(ChainConfig.online(fx.clock, new TrustStore(cache, Duration.ofHours(24)),
                    fx.client));

            assertValid(chain, demo.hcertVaccination("Zhang", "Wei", DemoCitizens.ZHANG_WEI), "hcert");
            assertValid(chain, demo.offlineElicense(DemoCitizens.ZHANG_WEI, CoseAlgorithm.ES256, "elicense-1", 1), "onewindow-elicense");
            assertValid(chain, demo.offlineElicense(DemoCitizens.LI_NA, CoseAlgorithm.SM2_SM3, "elicense-1", 2), "onewindow-elicense");
            assertValid(chain, demo.claim169(DemoCitizens.LI_NA), "mosip-claim169");
            assertValid(chain, demo.sdJwtResidence(DemoCitizens.ZHANG_WEI), "sd-jwt-vc");
            assertValid(chain, fx.demoPayload(DemoCitizens.ZHANG_WEI.idNumber(), "eid"), "online-credential");
            VerificationResult revoked = verify(chain, demo.offlineElicense(DemoCitizens.MA_XIULAN, CoseAlgorithm.ES256, "elicense-1", 3));
            assertThat(revoked.reason()).isEqualTo(VerificationReason.REVOKED);

            // registering again replaces the demo keys instead of piling them up
            DemoCredentials.registerWith(fx.client, fx.clock);
            assertThat(new TrustListUpdater(fx.client, signer, new InMemoryTrustListCache()).update().issuers()).hasSize(5);
        }
    }

    private static VerificationResult verify(VerifierChain chain, String payload) {
        return chain.verify(new CredentialPresentation(null, payload, "demo", null));
    }

    private static void assertValid(VerifierChain chain, String payload, String format) {
        VerificationResult r = verify(chain, payload);
        assertThat(r.format()).isEqualTo(format);
        assertThat(r.verdict()).as("%s: %s", format, r.detail()).isEqualTo(Verdict.VALID);
    }
}
