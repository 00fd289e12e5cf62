package org.onewindow.verification.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.identity.IdCard;
import org.onewindow.core.identity.Sex;
import org.onewindow.core.verify.Verdict;
import org.onewindow.core.verify.VerificationMode;
import org.onewindow.core.verify.VerificationReason;
import org.onewindow.core.verify.VerificationResult;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.verification.backend.BackendConfig;
import org.onewindow.verification.backend.HttpHallServices;

class IdCardVerifierTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;
    SandboxBackend sandbox;
    HttpHallServices client;
    IdCardVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxBackend.start(data, 0);
        client = new HttpHallServices(BackendConfig.of(sandbox.baseUri(), "WS-1"));
        client.signIn("demo", "demo".toCharArray());
        verifier = new IdCardVerifier(client, CLOCK);
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void aKnownCitizenIsValidOnline() {
        VerificationResult r = verifier.verify(DemoCitizens.ZHANG_WEI);
        assertThat(r.verdict()).isEqualTo(Verdict.VALID);
        assertThat(r.mode()).isEqualTo(VerificationMode.ONLINE);
        assertThat(r.checks()).containsEntry("numberRules", true).containsEntry("registry", true);
        assertThat((String) r.claims().get("registryCheckId")).startsWith("IDC-");
    }

    @Test
    void everyDemoCardTypeIsKnownToTheRegistry() {
        for (IdCard card : DemoCitizens.all()) {
            if (card != DemoCitizens.MA_XIULAN) {
                assertThat(verifier.verify(card).verdict()).as(card.type().name()).isEqualTo(Verdict.VALID);
            }
        }
    }

    @Test
    void anExpiredCardIsInvalidWithoutAskingTheRegistry() {
        VerificationResult r = verifier.verify(DemoCitizens.MA_XIULAN);
        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(r.reason()).isEqualTo(VerificationReason.EXPIRED);
        assertThat(r.checks()).doesNotContainKey("registry");
    }

    @Test
    void aWrongCheckDigitIsInvalidLocally() {
        IdCard forged = IdCard.resident("张伟", Sex.MALE, "01", LocalDate.of(1990, 3, 7), "济南",
                "370102199003071239", "济南", LocalDate.of(2016, 5, 12), LocalDate.of(2036, 5, 12));
        VerificationResult r = verifier.verify(forged);
        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(r.reason()).isEqualTo(VerificationReason.INVALID_NUMBER);
        assertThat(r.detail()).isEqualTo("WRONG_CHECK_DIGIT");
        assertThat(r.mode()).isEqualTo(VerificationMode.LOCAL_RULES);
    }

    @Test
    void aWrongNameIsAMismatch() {
        IdCard other = IdCard.resident("王五", Sex.MALE, "01", LocalDate.of(1990, 3, 7), "济南",
                "370102199003071238", "济南", LocalDate.of(2016, 5, 12), LocalDate.of(2036, 5, 12));
        assertThat(verifier.verify(other).reason()).isEqualTo(VerificationReason.IDENTITY_MISMATCH);
    }

    @Test
    void anUnreachableBackendLeavesTheCheckOwed() {
        sandbox.close();
        VerificationResult r = verifier.verify(DemoCitizens.ZHANG_WEI);
        assertThat(r.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
        assertThat(r.reason()).isEqualTo(VerificationReason.OFFLINE);
        assertThat(r.checks()).containsEntry("numberRules", true).doesNotContainKey("registry");
    }
}
