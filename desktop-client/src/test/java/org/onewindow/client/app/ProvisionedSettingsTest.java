package org.onewindow.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.cache.crypto.CipherSuite;
import org.onewindow.cache.outbox.StoreOptions;
import org.onewindow.client.diag.ConfiguredDevices;
import org.onewindow.client.face.FaceCheckSettings;
import org.onewindow.client.provisioning.Provisioning;
import org.onewindow.client.provisioning.ProvisioningLoader;
import org.onewindow.client.provisioning.ProvisioningWriter;
import org.onewindow.devices.idcard.ReaderSettings;

/** What the provisioning file says reaches the parts it configures: store, face check, ID reader timing. */
class ProvisionedSettingsTest {
    @TempDir
    Path dir;

    private Optional<Provisioning> load(Map<String, String> extra) throws Exception {
        Map<String, String> m = new LinkedHashMap<>(Map.of("hall.name", "济南市民中心", "hall.window", "08",
                "workstation.id", "WS-JN-08", "backend.url", "embedded"));
        m.putAll(extra);
        Path f = dir.resolve("ws-" + System.nanoTime() + ".properties");
        ProvisioningWriter.write(f, m);
        return Optional.of(ProvisioningLoader.load(f));
    }

    @Test
    void retentionAndCipherReachTheEvidenceStore() throws Exception {
        StoreOptions options = Workstation.storeOptions(load(Map.of("retention.days", "14", "archive.cipher", "SM4-GCM")));
        assertThat(options.retention()).isEqualTo(Duration.ofDays(14));
        assertThat(options.cipherSuite()).isEqualTo(CipherSuite.SM4_GCM);

        StoreOptions defaults = Workstation.storeOptions(load(Map.of()));
        assertThat(defaults.retention()).as("purged as soon as the receipt is checked").isZero();
        assertThat(defaults.cipherSuite()).isEqualTo(CipherSuite.AES_256_GCM);
    }

    @Test
    void faceRulesAndCaptureSizeReachTheFaceCheck() throws Exception {
        FaceCheckSettings s = Workstation.faceCheckSettings(load(Map.of("threshold.faceMatch", "0.72",
                "threshold.faceAttempts", "2", "face.liveness", "false", "device.faceCamera.resolution", "800x600")));
        assertThat(s.matchThreshold()).isEqualTo(0.72);
        assertThat(s.maxAttempts()).isEqualTo(2);
        assertThat(s.liveness()).isFalse();
        assertThat(s.width()).isEqualTo(800);
        assertThat(s.height()).isEqualTo(600);
        assertThat(Workstation.faceCheckSettings(Optional.empty())).isEqualTo(FaceCheckSettings.defaults());
    }

    @Test
    void theCardReadBudgetBecomesTheReaderTimeoutButNeverBelowTheWireTime() {
        ReaderSettings eight = ConfiguredDevices.readerSettings(Duration.ofSeconds(8), 115200);
        assertThat(eight.cardReadTimeoutMillis(115200)).isEqualTo(8000);
        // at 9600 baud the largest answer takes ~2.5 s on the wire, twice that is the floor
        ReaderSettings tight = ConfiguredDevices.readerSettings(Duration.ofSeconds(1), 9600);
        assertThat(tight.cardReadTimeoutMillis(9600)).isGreaterThan(5000);
    }
}
