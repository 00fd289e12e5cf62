package org.onewindow.client.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvisioningLoaderTest {
    @TempDir
    Path dir;

    private Map<String, String> minimal() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("hall.name", "济南市民中心");
        m.put("hall.window", "08");
        m.put("workstation.id", "WS-JN-08");
        m.put("backend.url", "embedded");
        return m;
    }

    private Path write(Map<String, String> values) throws Exception {
        Path f = dir.resolve("workstation.properties");
        ProvisioningWriter.write(f, values);
        return f;
    }

    @Test
    void loadsAMinimalFileWithDefaultsAndChineseText() throws Exception {
        Provisioning p = ProvisioningLoader.load(write(minimal()));

        assertThat(p.hall()).isEqualTo("济南市民中心");
        assertThat(p.backendUrl()).isEmpty();
        assertThat(p.idReader()).isEqualTo(DeviceSetting.SIMULATED);
        assertThat(p.retentionDays()).as("purged at once after the receipt by default").isZero();
        assertThat(p.bridge().enabled()).isFalse();
        assertThat(p.locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(p.clientSettings().embeddedBackend()).isTrue();
        assertThat(p.clientSettings().workstation()).isEqualTo("WS-JN-08");
    }

    @Test
    void camerasFaceRulesAndArchiveSettingsAreRead() throws Exception {
        Map<String, String> m = minimal();
        m.put("device.faceCamera", "system:HD USB Camera (video0)");
        m.put("device.faceCamera.resolution", "1280 x 720");
        m.put("device.documentCamera", "simulated");
        m.put("device.ffmpeg", "/opt/ffmpeg/bin/ffmpeg");
        m.put("threshold.faceMatch", "0.7");
        m.put("threshold.faceAttempts", "5");
        m.put("face.liveness", "false");
        m.put("retention.days", "7");
        m.put("archive.cipher", "sm4-gcm");

        Provisioning p = ProvisioningLoader.load(write(m));

        assertThat(p.cameras().faceCamera()).isEqualTo(new DeviceSetting(DeviceSetting.Kind.SYSTEM, "HD USB Camera (video0)"));
        assertThat(p.cameras().faceResolution()).isEqualTo(new Resolution(1280, 720));
        assertThat(p.cameras().documentCamera()).isEqualTo(DeviceSetting.SIMULATED);
        assertThat(p.cameras().documentResolution()).as("default").isEqualTo(new Resolution(1600, 1200));
        assertThat(p.cameras().ffmpeg()).contains(Path.of("/opt/ffmpeg/bin/ffmpeg"));
        assertThat(p.face()).isEqualTo(new Provisioning.FacePolicy(0.7, 5, false));
        assertThat(p.retentionDays()).isEqualTo(7);
        assertThat(p.archiveCipher()).isEqualTo(org.onewindow.cache.crypto.CipherSuite.SM4_GCM);
        assertThat(p.scanner().kind()).as("default: a USB scanner typing like a keyboard").isEqualTo(DeviceSetting.Kind.KEYBOARD);
    }

    @Test
    void thePassportReaderTakesAnOptionalReaderNameAndItsCscaFileMustHoldCertificates() throws Exception {
        Map<String, String> m = minimal();
        m.put("device.passportReader", "pcsc:Virtual PCD 00 00");
        Provisioning p = ProvisioningLoader.load(write(m));
        assertThat(p.passport().reader()).isEqualTo(new DeviceSetting(DeviceSetting.Kind.PCSC, "Virtual PCD 00 00"));
        assertThat(p.passport().csca()).isEmpty();

        m.put("device.passportReader", "pcsc");
        Path notPem = dir.resolve("csca.pem");
        Files.writeString(notPem, "not a certificate");
        m.put("device.passportReader.csca", notPem.toString());
        assertThatThrownBy(() -> ProvisioningLoader.load(write(m)))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> assertThat(e.getMessage())
                        .contains("device.passportReader.csca: file " + notPem + " is not a PEM certificate file"));
    }

    @Test
    void badCameraSettingsAreExplained() throws Exception {
        Map<String, String> m = minimal();
        m.put("device.faceCamera", "serial:/dev/ttyUSB0");
        m.put("device.faceCamera.resolution", "640*480");
        m.put("device.documentCamera.resolution", "8000x6000");
        m.put("archive.cipher", "DES");
        m.put("threshold.faceAttempts", "0");

        assertThatThrownBy(() -> ProvisioningLoader.load(write(m)))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> {
                    assertThat(e.problems()).extracting(ProvisioningProblem::key).containsExactlyInAnyOrder(
                            "device.faceCamera", "device.faceCamera.resolution", "device.documentCamera.resolution",
                            "archive.cipher", "threshold.faceAttempts");
                    assertThat(e.getMessage())
                            .contains("device.faceCamera: 'serial' is not possible for this device (expected none, simulated, system:<name>)")
                            .contains("device.faceCamera.resolution: '640*480' is not a resolution")
                            .contains("device.documentCamera.resolution: 8000x6000 is out of range")
                            .contains("AES-256-GCM, SM4-GCM");
                });
    }

    @Test
    void reportsEveryMistakeWithItsKeyWhatIsWrongAndWhatIsExpected() throws Exception {
        Map<String, String> m = minimal();
        m.remove("hall.window");
        m.put("backend.url", "http://hall.example.gov.cn");
        m.put("device.idReader", "serial:");
        m.put("device.idReader.baud", "115000");
        m.put("threshold.faceMatch", "1.5");
        Path f = write(m);
        Files.writeString(f, "retention.dayz=30\n", java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> ProvisioningLoader.load(f))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> {
                    assertThat(e.problems()).extracting(ProvisioningProblem::key).containsExactlyInAnyOrder(
                            "retention.dayz", "hall.window", "backend.url", "device.idReader",
                            "device.idReader.baud", "threshold.faceMatch");
                    assertThat(e.getMessage()).contains("6 mistakes")
                            .contains("retention.dayz: is not a known key (expected 'retention.days')")
                            .contains("hall.window: is missing (expected e.g. 08)")
                            .contains("backend.url: plain http to hall.example.gov.cn would send citizen data unencrypted")
                            .contains("9600, 19200, 38400, 57600 or 115200")
                            .contains("serial:/dev/ttyUSB0 or serial:COM3");
                });
    }

    @Test
    void httpsBackEndNeedsTrustAnchorsThatAreRealCertificates() throws Exception {
        Map<String, String> m = minimal();
        m.put("backend.url", "https://hall.example.gov.cn/onewindow/");
        assertThatThrownBy(() -> ProvisioningLoader.load(write(m)))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> assertThat(e.problems())
                        .extracting(ProvisioningProblem::key).containsExactly("backend.tls.trustAnchors"));

        Path notPem = Files.writeString(dir.resolve("ca.pem"), "hello");
        m.put("backend.tls.trustAnchors", notPem.toString());
        assertThatThrownBy(() -> ProvisioningLoader.load(write(m)))
                .hasMessageContaining("backend.tls.trustAnchors: file " + notPem + " is not a PEM certificate file");

        TestCertificates certs = TestCertificates.make(dir, "p12-secret-1");
        m.put("backend.tls.trustAnchors", certs.pem().toString());
        Provisioning p = ProvisioningLoader.load(write(m));
        assertThat(p.backendUrl()).contains(URI.create("https://hall.example.gov.cn/onewindow"));
    }

    @Test
    void aWrongClientCertificatePasswordIsReportedWithoutShowingIt() throws Exception {
        TestCertificates certs = TestCertificates.make(dir, "right-password");
        Map<String, String> m = minimal();
        m.put("backend.tls.clientCertificate", certs.p12().toString());
        m.put("backend.tls.clientCertificatePassword", "wrong-password-xyz");

        assertThatThrownBy(() -> ProvisioningLoader.load(write(m)))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> {
                    assertThat(e.getMessage()).contains("does not open with the configured password")
                            .doesNotContain("wrong-password-xyz");
                });

        m.put("backend.tls.clientCertificatePassword", "right-password");
        assertThat(ProvisioningLoader.load(write(m)).clientCertificate()).contains(certs.p12());
    }

    @Test
    void theBridgeNeedsATokenAndOriginsWhenOnAndNeverPrintsTheToken() throws Exception {
        Map<String, String> m = minimal();
        m.put("bridge.enabled", "true");
        m.put("bridge.token", "short-token-123");

        assertThatThrownBy(() -> ProvisioningLoader.load(write(m)))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> {
                    assertThat(e.problems()).extracting(ProvisioningProblem::key)
                            .containsExactlyInAnyOrder("bridge.token", "bridge.allowedOrigins");
                    assertThat(e.getMessage()).doesNotContain("short-token-123");
                });

        m.put("bridge.token", "0123456789abcdef0123456789abcdef");
        m.put("bridge.allowedOrigins", "https://intake.example.gov.cn, http://127.0.0.1:8080");
        Provisioning p = ProvisioningLoader.load(write(m));
        assertThat(p.bridge().allowedOrigins()).containsExactly("https://intake.example.gov.cn", "http://127.0.0.1:8080");
        assertThat(p.toString()).doesNotContain("0123456789abcdef");
    }

    @Test
    void aFileThatIsNotUtf8IsOneClearMistake() throws Exception {
        Path f = dir.resolve("gbk.properties");
        Files.write(f, "hall.name=济南市民中心\n".getBytes(java.nio.charset.Charset.forName("GBK")));

        assertThatThrownBy(() -> ProvisioningLoader.load(f)).hasMessageContaining("is not UTF-8 text");
    }

    @Test
    void theTemplateNamesEveryKeyAndItsRequiredExamplesValidate() throws Exception {
        String template = ProvisioningWriter.template();
        for (ProvisioningKey k : ProvisioningSchema.keys()) {
            assertThat(template).contains(k.name() + "=");
        }
        Path f = dir.resolve("template.properties");
        Files.writeString(f, template.replace("https://hall.example.gov.cn/onewindow", "embedded"), StandardCharsets.UTF_8);
        assertThat(ProvisioningLoader.load(f).workstation()).isEqualTo("WS-JN-08");
    }

    @Test
    void showingAFileHidesSecretsAndSecretLookingUnknownKeys() throws Exception {
        Map<String, String> m = minimal();
        m.put("bridge.token", "0123456789abcdef0123456789abcdef");
        m.put("backend.tls.clientCertificatePasword", "typo-secret");
        Path f = dir.resolve("show.properties");
        Files.writeString(f, ProvisioningWriter.render(m) + "backend.tls.clientCertificatePasword=typo-secret\n");

        String shown = RedactedSettings.text(RedactedSettings.of(f));

        assertThat(shown).contains("hall.name=济南市民中心").contains("bridge.token=" + RedactedSettings.REDACTED)
                .doesNotContain("0123456789abcdef").doesNotContain("typo-secret");
    }

    @Test
    void locationPrefersTheExplicitFileThenTheEnvironmentThenTheMachineFile() throws Exception {
        Path machine = Files.writeString(dir.resolve("machine.properties"), "");
        Path explicit = dir.resolve("explicit.properties");

        assertThat(ProvisioningLocation.resolve(explicit, Map.of("ONEWINDOW_PROVISIONING", "/x/env.properties"), machine))
                .contains(explicit);
        assertThat(ProvisioningLocation.resolve(null, Map.of("ONEWINDOW_PROVISIONING", "/x/env.properties"), machine))
                .contains(Path.of("/x/env.properties"));
        assertThat(ProvisioningLocation.resolve(null, Map.of(), machine)).contains(machine);
        assertThat(ProvisioningLocation.resolve(null, Map.of(), dir.resolve("absent"))).isEmpty();
        assertThat(ProvisioningLocation.machineFile("Windows 11", Map.of("ProgramData", "D:\\PD")))
                .isEqualTo(Path.of("D:\\PD", "OneWindow", "workstation.properties"));
    }

    @Test
    void aFileEveryUserCanChangeIsRefusedBecauseTheSettingsMustStayLocked() throws Exception {
        Path f = write(minimal());
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));

        assertThatThrownBy(() -> ProvisioningLoader.load(f))
                .hasMessageContaining("(file): can be changed by every user of this PC (expected writable by IT only: chmod 644");
    }
}
