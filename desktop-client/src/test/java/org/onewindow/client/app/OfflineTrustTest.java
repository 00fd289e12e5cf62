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
        // another signer pinned: the stored list no longer verifies and must not be used
        java.nio.file.Files.delete(dir.resolve("client/trust/signer.pem"));
        SandboxBackend other = SandboxBackend.start(dir.resolve("other-sandbox"), 0);
        ClientSettings elsewhere = new ClientSettings(dir.resolve("client"), other.baseUri(), Locale.ENGLISH,
                "Hall", "W6", "WS-TRUST", false);
        try (Workstation ws = Workstation.start(elsewhere, new I18n(Locale.ENGLISH))) {
            other.close();
            assertThat(ws.trust().cache().load()).isEmpty();
        }
    }
}
