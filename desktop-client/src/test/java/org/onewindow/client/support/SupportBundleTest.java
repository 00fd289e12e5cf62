package org.onewindow.client.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.devices.diag.DeviceDiagnostics;
import org.onewindow.devices.diag.DeviceReport;

class SupportBundleTest {
    @TempDir
    Path dir;

    @Test
    void zipsMaskedLogsSettingsWithoutSecretsDevicesAndVersions() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("onewindow.log"), "INFO read 370102199003071234\nINFO plain line\n");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(logs.resolve("onewindow.2026-11-28.0.log.gz")))) {
            out.write("WARN old 11010519491231002X\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(logs.resolve("log-levels.xml"), "<included/>");
        Path provisioning = Files.writeString(dir.resolve("workstation.properties"),
                "hall.name=济南市民中心\nbridge.token=0123456789abcdef0123456789abcdef\n", StandardCharsets.UTF_8);
        DeviceDiagnostics.Result devices = new DeviceDiagnostics.Result(
                List.of(DeviceReport.ok("serial", "/dev/ttyUSB0", "opened and closed", Map.of())), Map.of("java", "17"));

        SupportBundle.Summary s = new SupportBundle(Clock.systemUTC()).write(dir.resolve("out/bundle.zip"), logs,
                Duration.ofDays(7), Optional.of(provisioning), devices, Map.of("onewindow", "0.1.0"));

        assertThat(s.logFiles()).isEqualTo(2);
        assertThat(s.maskedLines()).isEqualTo(2);
        Map<String, String> entries = new HashMap<>();
        try (ZipFile zip = new ZipFile(s.zip().toFile())) {
            zip.stream().forEach(e -> {
                try {
                    entries.put(e.getName(), new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                } catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
        }
        assertThat(entries).containsOnlyKeys("logs/onewindow.log", "logs/onewindow.2026-11-28.0.log",
                "settings.txt", "devices.txt", "versions.txt");
        assertThat(entries.get("logs/onewindow.log")).contains("370102********1234").doesNotContain("370102199003071234");
        assertThat(entries.get("logs/onewindow.2026-11-28.0.log")).contains("110105********002X");
        assertThat(entries.get("settings.txt")).contains("hall.name=济南市民中心").doesNotContain("0123456789abcdef");
        assertThat(entries.get("devices.txt")).contains("/dev/ttyUSB0");
        assertThat(entries.get("versions.txt")).contains("onewindow: 0.1.0");
    }
}
