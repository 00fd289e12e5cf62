package org.onewindow.verification.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.verify.CredentialIdentifier;
import org.onewindow.core.verify.CredentialPresentation;
import org.onewindow.core.verify.Verdict;
import org.onewindow.core.verify.VerificationMode;
import org.onewindow.core.verify.VerificationReason;
import org.onewindow.core.verify.VerificationResult;
import org.onewindow.sandbox.http.FaultRule;
import org.onewindow.verification.backend.BackendConfig;
import org.onewindow.verification.backend.HttpHallServices;
import org.onewindow.verification.chain.ChainConfig;
import org.onewindow.verification.chain.VerifierChain;
import org.onewindow.verification.chain.VerifierChains;
import org.onewindow.verification.testing.SandboxFixture;
import org.onewindow.verification.trust.TrustStore;

/** One sandbox per class: starting one costs more than the tests themselves. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlineCredentialVerifierTest {
    @TempDir
    static Path dir;
    SandboxFixture fx;
    VerifierChain chain;

    @BeforeAll
    void start() throws Exception {
        fx = new SandboxFixture(dir);
        chain = VerifierChains.create(ChainConfig.online(fx.clock, TrustStore.of(Duration.ofHours(24)), fx.client));
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    static CredentialPresentation scan(String text) {
        return new CredentialPresentation(text.getBytes(StandardCharsets.UTF_8), text, "test", null);
    }

    @Test
    void resolvesAFreshEidTokenIntoTheCredential() throws Exception {
        VerificationResult r = chain.verify(scan(fx.demoPayload(DemoCitizens.ZHANG_WEI.idNumber(), "eid")));

        assertThat(r.verdict()).isEqualTo(Verdict.VALID);
        assertThat(r.format()).isEqualTo("online-credential");
        assertThat(r.mode()).isEqualTo(VerificationMode.ONLINE);
        assertThat(r.claims()).containsEntry("holderName", "张伟").containsEntry("credentialType", "eid")
                .containsEntry("holderId", DemoCitizens.ZHANG_WEI.idNumber()).containsEntry("issuer", "公安部");
        assertThat(CredentialIdentifier.parse((String) r.claims().get("identifier"))).isPresent();
        assertThat(r.checks()).containsEntry("online", true).containsEntry("revocation", true).containsEntry("expiry", true);
    }

    @Test
    void aTokenWorksOnlyOnce() throws Exception {
        String payload = fx.demoPayload(DemoCitizens.LI_NA.idNumber(), "property-certificate");

        assertThat(chain.verify(scan(payload)).verdict()).isEqualTo(Verdict.VALID);
        VerificationResult again = chain.verify(scan(payload));

        assertThat(again.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(again.reason()).isEqualTo(VerificationReason.EXPIRED);
        assertThat(again.detail()).contains("already used");
    }

    @Test
    void anExpiredTokenIsRejected() throws Exception {
        String payload = fx.demoPayload(DemoCitizens.ZHANG_WEI.idNumber(), "eid");
        fx.clock.advance(Duration.ofMinutes(3).plusSeconds(1));

        VerificationResult r = chain.verify(scan(payload));

        assertThat(r.reason()).isEqualTo(VerificationReason.EXPIRED);
        assertThat(r.detail()).contains("expired");
    }

    @Test
    void anUnknownTokenIsNotGenuine() {
        VerificationResult r = chain.verify(scan("EC1:AAAAAAAAAAAAAAAAAAAAAAAA"));

        assertThat(r.reason()).isEqualTo(VerificationReason.BAD_SIGNATURE);
        assertThat(r.checks()).containsEntry("online", false);
    }

    @Test
    void aRevokedLicenseIsRejected() throws Exception {
        VerificationResult r = chain.verify(scan(fx.demoPayload(DemoCitizens.MA_XIULAN.idNumber(), "business-license")));

        assertThat(r.reason()).isEqualTo(VerificationReason.REVOKED);
        assertThat(r.checks()).containsEntry("revocation", false);
    }

    @Test
    void anExpiredLicenseIsRejected() throws Exception {
        VerificationResult r = chain.verify(scan(fx.demoPayload(DemoCitizens.MA_XIULAN.idNumber(), "property-certificate")));

        assertThat(r.reason()).isEqualTo(VerificationReason.EXPIRED);
        assertThat(r.claims()).containsEntry("validUntil", "2022-05-05");
    }

    @Test
    void aValidCredentialOfTheWrongTypeIsRejectedWhenATypeIsExpected() throws Exception {
        VerificationResult r = chain.verifyExpecting(scan(fx.demoPayload(DemoCitizens.ZHANG_WEI.idNumber(), "marriage-certificate")),
                "business-license");

        assertThat(r.reason()).isEqualTo(VerificationReason.WRONG_CREDENTIAL_TYPE);
        assertThat(r.checks()).containsEntry("type", false);
    }

    @Test
    void downloadsTheElicenseFileAndChecksItsHash() throws Exception {
        VerificationResult r = chain.verify(scan(fx.demoPayload(DemoCitizens.ZHANG_WEI.idNumber(), "business-license")));
        OnlineCredentialVerifier online = new OnlineCredentialVerifier(fx.client, fx.clock);

        ElicenseFile file = online.downloadFile(r);

        assertThat(new String(file.content(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(file.sha256()).isEqualTo(r.claims().get("fileSha256"));
        assertThat(file.mediaType()).isEqualTo("application/pdf");
    }

    @Test
    void isUnverifiableWithoutABackEnd() throws Exception {
        String payload = fx.demoPayload(DemoCitizens.ZHANG_WEI.idNumber(), "eid");
        VerifierChain offline = VerifierChains.create(ChainConfig.offline(fx.clock, TrustStore.of(Duration.ofHours(1))));

        VerificationResult r = offline.verify(scan(payload));

        assertThat(r.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
        assertThat(r.reason()).isEqualTo(VerificationReason.OFFLINE);
    }

    @Test
    void isUnverifiableWhenTheBackEndIsDown() throws Exception {
        HttpHallServices nowhere = new HttpHallServices(BackendConfig.of(java.net.URI.create("http://127.0.0.1:1"), "WS"));
        VerifierChain c = VerifierChains.create(ChainConfig.online(fx.clock, TrustStore.of(Duration.ofHours(1)), nowhere));

        VerificationResult r = c.verify(scan("EC1:AAAAAAAAAAAAAAAAAAAAAAAA"));

        assertThat(r.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
        assertThat(r.reason()).isEqualTo(VerificationReason.OFFLINE);
        nowhere.close();
    }

    @Test
    void aServerErrorIsABackEndErrorNotAVerdictOnTheCredential() throws Exception {
        String payload = fx.demoPayload(DemoCitizens.ZHANG_WEI.idNumber(), "eid");
        fx.sandbox.addFault(FaultRule.status("POST", "/api/v1/credentials/resolve", 500, 1));

        VerificationResult r = chain.verify(scan(payload));

        assertThat(r.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
        assertThat(r.reason()).isEqualTo(VerificationReason.BACKEND_ERROR);
        // the fault consumed nothing: the token still resolves once
        assertThat(chain.verify(scan(payload)).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void aMalformedTokenIsMalformed() {
        assertThat(chain.verify(scan("EC1:short")).reason()).isEqualTo(VerificationReason.MALFORMED);
    }

    @Test
    void refusesToDownloadAFileForAResultWithoutOne() {
        OnlineCredentialVerifier online = new OnlineCredentialVerifier(fx.client, fx.clock);
        VerificationResult r = chain.verify(scan("EC1:AAAAAAAAAAAAAAAAAAAAAAAA"));

        assertThatThrownBy(() -> online.downloadFile(r)).isInstanceOf(BackendException.class);
    }
}
