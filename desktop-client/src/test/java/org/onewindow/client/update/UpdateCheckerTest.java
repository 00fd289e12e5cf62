package org.onewindow.client.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.sandbox.features.UpdatesFeature;

/** Against the sandbox's real GET /api/v1/updates/manifest over loopback HTTP. */
class UpdateCheckerTest {
    @TempDir
    Path dir;
    SandboxBackend sandbox;
    UpdateChecker checker;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxBackend.start(dir, 0);
        checker = new UpdateChecker(HttpClient.newHttpClient(), sandbox.baseUri(), sandbox.receiptKey());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private void publish(String latest, String minimum) throws Exception {
        Files.writeString(dir.resolve(UpdatesFeature.MANIFEST_FILE), """
                {"product":"onewindow","latestVersion":"%s","minimumVersion":"%s","publishedAt":"2026-11-29T00:00:00Z",
                 "notes":"Fixes the document camera.","packages":[{"platform":"linux-deb",
                 "url":"https://hall.example.gov.cn/dl/onewindow_%s-1_amd64.deb","sha256":"%s"}]}
                """.formatted(latest, minimum, latest, "ab".repeat(32)));
    }

    @Test
    void theSandboxsOwnManifestSaysItsVersionIsUpToDate() throws Exception {
        UpdateChecker.Result r = checker.check(SandboxBackend.VERSION);

        assertThat(r.status()).isEqualTo(UpdateChecker.Status.UP_TO_DATE);
        assertThat(r.message()).contains("is up to date");
    }

    @Test
    void tellsItWhenANewerVersionExistsAndWhenTheRunningOneIsBelowTheMinimum() throws Exception {
        publish("0.2.0", "0.1.0");
        UpdateChecker.Result available = checker.check("0.1.0");
        assertThat(available.status()).isEqualTo(UpdateChecker.Status.UPDATE_AVAILABLE);
        assertThat(available.message()).contains("0.2.0").contains("Fixes the document camera.");
        assertThat(available.manifest().packages()).singleElement().extracting(UpdateManifest.Package::platform)
                .isEqualTo("linux-deb");

        assertThat(checker.check("0.1.0-SNAPSHOT").status()).isEqualTo(UpdateChecker.Status.UPDATE_REQUIRED);
        assertThat(checker.check("0.2.0").status()).isEqualTo(UpdateChecker.Status.UP_TO_DATE);
    }

    @Test
    void aManifestSignedWithAnotherKeyIsRejected() throws Exception {
        publish("9.0.0", "9.0.0");
        UpdateChecker wrongKey = new UpdateChecker(HttpClient.newHttpClient(), sandbox.baseUri(),
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());

        assertThatThrownBy(() -> wrongKey.check("0.1.0")).isInstanceOf(UpdateCheckException.class)
                .hasMessageContaining("signature does not verify").hasMessageNotContaining("9.0.0");
    }

    @Test
    void versionsCompareNumericallyAndAQualifierRanksBelowTheRelease() {
        assertThat(VersionNumber.parse("0.10.0")).isGreaterThan(VersionNumber.parse("0.9.9"));
        assertThat(VersionNumber.parse("1.0")).isEqualByComparingTo(VersionNumber.parse("1.0.0"));
        assertThat(VersionNumber.parse("0.1.0-SNAPSHOT")).isLessThan(VersionNumber.parse("0.1.0"));
        assertThatThrownBy(() -> VersionNumber.parse("latest")).hasMessageContaining("not a version");
    }
}
