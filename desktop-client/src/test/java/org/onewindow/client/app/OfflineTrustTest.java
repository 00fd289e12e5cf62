package org.onewindow.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.sandbox.SandboxBackend;
import org.testfx.util.WaitForAsyncUtils;

/** A workstation restarted with the back-end down still holds the signed trust list it downloaded. */
class OfflineTrustTest {
    @TempDir
    Path dir;

    @Test
    void theTrustListSurvivesARestartWithoutTheNetwork() throws Exception {
        SandboxBackend sandbox = SandboxBackend.start(dir.resolve("sandbox"), 0);
        ClientSettings settings = new ClientSettings(dir.resolve("client"), sandbox.baseUri(), Locale.ENGLISH,
                "Hall", "W6", "WS-TRUST", false);
        try (Workstation online = Workstation.start(settings, new I18n(Locale.ENGLISH))) {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> online.trust().cache().load().isPresent());
        }
        sandbox.close();

        try (Workstation offline = Workstation.start(settings, new I18n(Locale.ENGLISH))) {
            var list = offline.trust().cache().load();
            assertThat(list).as("trust list from the local store, re-checked against the pinned signer").isPresent();
            assertThat(list.get().sequence()).isPositive();
        }
    }

    @Test
    void aTamperedStoreIsRefusedOnLoad() throws Exception {
        SandboxBackend sandbox = SandboxBackend.start(dir.resolve("sandbox"), 0);
        ClientSettings settings = new ClientSettings(dir.resolve("client"), sandbox.baseUri(), Locale.ENGLISH,
                "Hall", "W6", "WS-TRUST", false);
        try (Workstation online = Workstation.start(settings, new I18n(Locale.ENGLISH))) {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> online.trust().cache().load().isPresent());
        }
        sandbox.close();
        // another signer pinned (and no back-end to refresh from): the stored list no longer verifies
        SandboxBackend other = SandboxBackend.start(dir.resolve("other-sandbox"), 0);
        byte[] otherSigner;
        try (var http = new org.onewindow.verification.backend.HttpHallServices(
                org.onewindow.verification.backend.BackendConfig.of(other.baseUri(), "WS-TRUST"))) {
            otherSigner = http.callBytes("GET", "/api/v1/trust-lists/signer");
        }
        other.close();
        java.nio.file.Files.write(dir.resolve("client/trust/signer.pem"), otherSigner);
        try (Workstation ws = Workstation.start(settings, new I18n(Locale.ENGLISH))) {
            assertThat(ws.trust().cache().load()).isEmpty();
        }
    }
}
