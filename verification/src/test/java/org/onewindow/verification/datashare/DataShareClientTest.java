package org.onewindow.verification.datashare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.verification.testing.SandboxFixture;

/** One sandbox per class: starting one costs more than the tests themselves. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataShareClientTest {
    @TempDir
    static Path dir;
    SandboxFixture fx;

    @BeforeAll
    void start() throws Exception {
        fx = new SandboxFixture(dir);
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @Test
    void confirmsHouseholdRegistrationWithASignedReceipt() throws Exception {
        DataShareClient client = new DataShareClient(fx.client, fx.sandbox.receiptKey());

        DataShareAnswer a = client.lookUp(DataShareKind.HOUSEHOLD_REGISTRATION, DemoCitizens.ZHANG_WEI.idNumber());

        assertThat(a.found()).isTrue();
        assertThat(a.facts()).containsEntry("relationToHead", "户主").containsEntry("registered", true);
        assertThat(a.receiptId()).startsWith("DSR-");
        assertThat(a.signatureVerified()).isTrue();
        assertThat(a.answeredAt()).isEqualTo(fx.clock.instant());
    }

    @Test
    void answersNotFoundForSomeoneWithoutAProperty() throws Exception {
        DataShareClient client = new DataShareClient(fx.client, fx.sandbox.receiptKey());

        DataShareAnswer property = client.lookUp(DataShareKind.PROPERTY_REGISTRATION, DemoCitizens.ZHANG_WEI.idNumber());
        DataShareAnswer insured = client.lookUp(DataShareKind.SOCIAL_SECURITY, DemoCitizens.LI_NA.idNumber());

        assertThat(property.found()).isFalse();
        assertThat(property.facts()).isEmpty();
        assertThat(property.signatureVerified()).isTrue();
        assertThat(insured.found()).isTrue();
        assertThat(insured.facts()).containsEntry("insured", true);
    }

    @Test
    void refusesAReceiptThatDoesNotVerifyWithTheProvisionedKey() throws Exception {
        DataShareClient client = new DataShareClient(fx.client, java.security.KeyPairGenerator.getInstance("Ed25519")
                .generateKeyPair().getPublic());

        assertThatThrownBy(() -> client.lookUp(DataShareKind.SOCIAL_SECURITY, DemoCitizens.LI_NA.idNumber()))
                .isInstanceOf(BackendException.class).hasMessageContaining("signature");
    }

    @Test
    void turnsLookUpsIntoResultsForTheCard() throws Exception {
        DataShareClient client = new DataShareClient(fx.client, fx.sandbox.receiptKey());

        var confirmed = client.verify(DataShareKind.HOUSEHOLD_REGISTRATION, DemoCitizens.ZHANG_WEI.idNumber(), fx.clock);
        var none = client.verify(DataShareKind.PROPERTY_REGISTRATION, DemoCitizens.ZHANG_WEI.idNumber(), fx.clock);
        fx.sandbox.addFault(org.onewindow.sandbox.http.FaultRule.status("POST", "/api/v1/data-share", 503, 1));
        var failed = client.verify(DataShareKind.SOCIAL_SECURITY, DemoCitizens.ZHANG_WEI.idNumber(), fx.clock);

        assertThat(confirmed.verdict()).isEqualTo(org.onewindow.core.verify.Verdict.VALID);
        assertThat(confirmed.claims()).containsEntry("fact.relationToHead", "户主").containsKey("receiptId");
        assertThat(confirmed.checks()).containsEntry("signature", true).containsEntry("online", true);
        assertThat(none.reason()).isEqualTo(org.onewindow.core.verify.VerificationReason.IDENTITY_UNKNOWN);
        assertThat(failed.verdict()).isEqualTo(org.onewindow.core.verify.Verdict.UNVERIFIABLE);
        assertThat(failed.reason()).isEqualTo(org.onewindow.core.verify.VerificationReason.BACKEND_ERROR);
    }

    @Test
    void leavesTheReceiptUncheckedWithoutAKey() throws Exception {
        DataShareAnswer a = new DataShareClient(fx.client, null)
                .lookUp(DataShareKind.SOCIAL_SECURITY, DemoCitizens.ZHANG_WEI.idNumber());

        assertThat(a.signatureVerified()).isNull();
        assertThat(a.found()).isTrue();
    }
}
