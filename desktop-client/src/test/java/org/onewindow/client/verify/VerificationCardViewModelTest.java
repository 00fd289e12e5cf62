package org.onewindow.client.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.core.verify.Verdict;
import org.onewindow.core.verify.VerificationMode;
import org.onewindow.core.verify.VerificationReason;
import org.onewindow.core.verify.VerificationResult;

class VerificationCardViewModelTest {
    static VerificationResult offlineValid() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("issuer", "济南市市场监督管理局");
        claims.put("credentialType", "business-license");
        claims.put("holderName", "张伟");
        claims.put("holderId", "370102199003071238");
        claims.put("validFrom", "2025-03-01");
        claims.put("validUntil", "2030-03-01");
        claims.put("photo", new byte[] {1, 2});
        Map<String, Boolean> checks = new LinkedHashMap<>();
        checks.put("decode", true);
        checks.put("signature", true);
        return new VerificationResult("onewindow-elicense", Verdict.VALID, null, "ok", checks, claims,
                VerificationMode.OFFLINE_TRUST_LIST, Duration.ofHours(5), Instant.parse("2026-11-29T04:00:00Z"));
    }

    @Test
    void showsAValidOfflineResultInChineseWithPersonalDataMasked() {
        VerificationCardViewModel vm = new VerificationCardViewModel(Locale.SIMPLIFIED_CHINESE);

        vm.show(offlineValid());

        assertThat(vm.headlineProperty().get()).isEqualTo("有效");
        assertThat(vm.styleClassProperty().get()).isEqualTo("verdict-valid");
        assertThat(vm.issuerProperty().get()).isEqualTo("济南市市场监督管理局");
        assertThat(vm.validityProperty().get()).isEqualTo("2025-03-01 至 2030-03-01");
        assertThat(vm.howVerifiedProperty().get()).isEqualTo("已依据信任列表离线核验(列表已有 5 小时)");
        assertThat(vm.claims()).contains(new VerificationCardViewModel.Line("持证人", "张*"),
                new VerificationCardViewModel.Line("证件号码", "370102********1238"));
        assertThat(vm.claims()).extracting(VerificationCardViewModel.Line::label).doesNotContain("issuer", "photo");
        assertThat(vm.checks()).contains(new VerificationCardViewModel.Line("签名", "通过"));
    }

    @Test
    void revealsOnRequestAndMasksAgainForTheNextResult() {
        VerificationCardViewModel vm = new VerificationCardViewModel(Locale.ENGLISH);
        vm.show(offlineValid());

        vm.revealedProperty().set(true);
        assertThat(vm.claims()).contains(new VerificationCardViewModel.Line("Holder", "张伟"));

        vm.show(offlineValid());
        assertThat(vm.revealedProperty().get()).isFalse();
        assertThat(vm.claims()).contains(new VerificationCardViewModel.Line("Holder", "张*"));
    }

    @Test
    void explainsAnInvalidAndAnUnverifiableResultInEnglish() {
        VerificationCardViewModel vm = new VerificationCardViewModel(Locale.ENGLISH);

        vm.show(new VerificationResult("hcert", Verdict.INVALID, VerificationReason.REVOKED, "x", Map.of("revocation", false),
                Map.of(), VerificationMode.OFFLINE_TRUST_LIST, Duration.ofHours(1), Instant.EPOCH));
        assertThat(vm.styleClassProperty().get()).isEqualTo("verdict-invalid");
        assertThat(vm.headlineProperty().get()).isEqualTo("Not valid");
        assertThat(vm.reasonTextProperty().get()).contains("revoked");
        assertThat(vm.checks()).contains(new VerificationCardViewModel.Line("Not revoked", "failed"));

        vm.show(new VerificationResult("online-credential", Verdict.UNVERIFIABLE, VerificationReason.OFFLINE, "x", Map.of(),
                Map.of(), VerificationMode.NOT_VERIFIED, null, Instant.EPOCH));
        assertThat(vm.styleClassProperty().get()).isEqualTo("verdict-unverifiable");
        assertThat(vm.formatTextProperty().get()).isEqualTo("E-ID / e-license QR (online)");
        assertThat(vm.reasonTextProperty().get()).contains("back-end");
    }

    @Test
    void everyReasonAndModeHasABundleTextInBothLanguages() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            VerificationCardViewModel vm = new VerificationCardViewModel(locale);
            for (VerificationReason reason : VerificationReason.values()) {
                assertThat(vm.text(reason.messageKey(), null)).as("%s %s", locale, reason).isNotNull();
            }
            for (VerificationMode mode : VerificationMode.values()) {
                assertThat(vm.text("mode." + mode.name(), null)).as("%s %s", locale, mode).isNotNull();
            }
            for (String check : org.onewindow.verification.chain.Formats.CHECKS) {
                assertThat(vm.text("check." + check, null)).as("%s %s", locale, check).isNotNull();
            }
        }
    }

    @Test
    void staysEnglishOnAChineseWorkstationAndServesPlainChinese() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            VerificationCardViewModel english = new VerificationCardViewModel(Locale.ENGLISH);
            VerificationCardViewModel chinese = new VerificationCardViewModel(Locale.CHINESE);
            english.show(offlineValid());
            chinese.show(offlineValid());

            assertThat(english.headlineProperty().get()).isEqualTo("Valid");
            assertThat(chinese.headlineProperty().get()).isEqualTo("有效");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void clearLeavesNoCitizenDataBehind() {
        VerificationCardViewModel vm = new VerificationCardViewModel(Locale.ENGLISH);
        vm.show(offlineValid());

        vm.clear();

        assertThat(vm.claims()).isEmpty();
        assertThat(vm.issuerProperty().get()).isEmpty();
        assertThat(vm.verdictProperty().get()).isNull();
    }
}
