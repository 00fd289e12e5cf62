package org.onewindow.verification.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.identity.IdNumberCheck.Problem;
import org.onewindow.core.identity.IdNumbers;
import org.onewindow.core.verify.CredentialPresentation;
import org.onewindow.core.verify.Verdict;
import org.onewindow.core.verify.VerificationMode;
import org.onewindow.core.verify.VerificationReason;
import org.onewindow.core.verify.VerificationResult;
import org.onewindow.verification.chain.ChainConfig;
import org.onewindow.verification.chain.VerifierChains;
import org.onewindow.verification.trust.TrustStore;

class IdentityNumbersTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    static IdentityNumberCheck check(String n) {
        return IdentityNumbers.check(n, TODAY);
    }

    @Test
    void acceptsEveryDemoCitizen() {
        assertThat(check(DemoCitizens.ZHANG_WEI.idNumber())).satisfies(c -> {
            assertThat(c.valid()).isTrue();
            assertThat(c.kind()).isEqualTo(IdDocumentKind.RESIDENT_ID);
            assertThat(c.region()).isEqualTo("济南市历下区");
            assertThat(c.birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
        });
        assertThat(check(DemoCitizens.CHAN_KA_MING.idNumber()).kind()).isEqualTo(IdDocumentKind.RESIDENCE_PERMIT_HONG_KONG);
        assertThat(check(DemoCitizens.CHAN_KA_MING.idNumber()).valid()).isTrue();
        assertThat(check(DemoCitizens.ANNA_SCHMIDT.idNumber()).kind()).isEqualTo(IdDocumentKind.FOREIGN_PERMANENT_2023);
        assertThat(check(DemoCitizens.ANNA_SCHMIDT.idNumber()).valid()).isTrue();
        assertThat(check(DemoCitizens.ANNA_SCHMIDT.idNumber()).region()).isEqualTo("山东省");
    }

    @Test
    void acceptsAWithdrawnRegionCodeAndSaysSo() {
        IdentityNumberCheck c = check(IdNumbers.withCheckCharacter("37018119800101123"));

        assertThat(c.valid()).isTrue();
        assertThat(c.region()).isEqualTo("济南市章丘市");
        assertThat(c.note()).contains("withdrawn 2016");
    }

    @Test
    void rejectsAnUnlistedCodeWhereTheTableIsComplete() {
        assertThat(check(IdNumbers.withCheckCharacter("37019919800101123")).problem()).isEqualTo(Problem.UNKNOWN_REGION);
        assertThat(check(IdNumbers.withCheckCharacter("11011019800101123")).problem()).isEqualTo(Problem.UNKNOWN_REGION);
    }

    @Test
    void acceptsAnUnlistedCodeOutsideTheSubsetWithANote() {
        IdentityNumberCheck c = check(IdNumbers.withCheckCharacter("37030219800101123"));

        assertThat(c.valid()).isTrue();
        assertThat(c.region()).isEqualTo("山东省淄博市");
        assertThat(c.note()).contains("not in the bundled table");
    }

    @Test
    void rejectsAnUnknownProvinceAndAWrongCheckDigit() {
        assertThat(check(IdNumbers.withCheckCharacter("66010119800101123")).problem()).isEqualTo(Problem.UNKNOWN_REGION);
        String good = DemoCitizens.LI_NA.idNumber();
        String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        assertThat(check(bad).problem()).isEqualTo(Problem.WRONG_CHECK_DIGIT);
    }

    @Test
    void residencePermitsUseExactlyTheirRegionCodes() {
        assertThat(check(IdNumbers.withCheckCharacter("82000019900101002")).kind()).isEqualTo(IdDocumentKind.RESIDENCE_PERMIT_MACAO);
        assertThat(check(IdNumbers.withCheckCharacter("82000019900101002")).valid()).isTrue();
        assertThat(check(IdNumbers.withCheckCharacter("83000019900101002")).region()).isEqualTo("台湾地区(居住证)");
        assertThat(check(IdNumbers.withCheckCharacter("81010019900101002")).problem()).isEqualTo(Problem.UNKNOWN_REGION);
    }

    @Test
    void checks2023PermanentResidentNumbersLikeGb11643() {
        assertThat(check(IdNumbers.withCheckCharacter("93727619850615001")).valid()).isTrue();
        assertThat(check(IdNumbers.withCheckCharacter("96627619850615001")).problem()).isEqualTo(Problem.UNKNOWN_REGION);
        assertThat(check(IdNumbers.withCheckCharacter("93727619851315001")).problem()).isEqualTo(Problem.IMPOSSIBLE_BIRTH_DATE);
    }

    @Test
    void checks2017PermanentResidentNumbersByStructure() {
        IdentityNumberCheck ok = check("usa370085061501");

        assertThat(ok.valid()).isTrue();
        assertThat(ok.kind()).isEqualTo(IdDocumentKind.FOREIGN_PERMANENT_2017);
        assertThat(ok.birthDate()).isEqualTo(LocalDate.of(1985, 6, 15));
        assertThat(ok.note()).contains("USA");
        assertThat(check("USA370012061501").birthDate()).isEqualTo(LocalDate.of(2012, 6, 15));
        assertThat(check("USA370085136101").problem()).isEqualTo(Problem.IMPOSSIBLE_BIRTH_DATE);
        assertThat(check("USA660085061501").problem()).isEqualTo(Problem.UNKNOWN_REGION);
    }

    @Test
    void theBundledTableHasEveryProvinceAndKeepsHistory() {
        RegionCodes t = RegionCodes.bundled();

        assertThat(t.find("650000")).isPresent();
        assertThat(t.find("371200").orElseThrow().historical()).isTrue();
        assertThat(t.find("110103").orElseThrow().withdrawn()).isEqualTo(2010);
        assertThat(t.size()).isGreaterThan(120);
    }

    @Test
    void theChainJudgesABareNumberByLocalRules() {
        var chain = VerifierChains.create(ChainConfig.offline(Clock.fixed(Instant.parse("2026-11-29T04:00:00Z"), ZoneOffset.UTC),
                TrustStore.of(Duration.ofHours(1))));
        String bad = IdNumbers.withCheckCharacter("37019919800101123");

        VerificationResult ok = chain.verify(new CredentialPresentation(null, DemoCitizens.ZHANG_WEI.idNumber(), "typed", null));
        VerificationResult broken = chain.verify(new CredentialPresentation(null, bad, "typed", null));

        assertThat(ok.verdict()).isEqualTo(Verdict.VALID);
        assertThat(ok.mode()).isEqualTo(VerificationMode.LOCAL_RULES);
        assertThat(ok.claims()).containsEntry("dateOfBirth", "1990-03-07");
        assertThat(broken.reason()).isEqualTo(VerificationReason.INVALID_NUMBER);
        assertThat(broken.detail()).contains("region code");
    }
}
