package org.onewindow.devices.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.devices.idcard.sim.SimulatedCardSlot;
import org.onewindow.devices.idcard.sim.SimulatedIdReaders;
import org.onewindow.devices.idcard.testing.SocatPtyPair;

class DeviceDiagnosticsTest {
    @TempDir
    Path dir;

    @Test
    void opensAConfiguredPseudoTerminalAndFaultsOnAMissingPort() throws Exception {
        try (SocatPtyPair pty = SocatPtyPair.start(dir)) {
            String missing = dir.resolve("no-such-port").toString();
            List<DeviceReport> reports = new SerialPortProbe(Set.of(pty.hostEnd(), missing), false).probe();

            assertThat(reports).extracting(DeviceReport::name).containsExactlyInAnyOrder(pty.hostEnd(), missing);
            assertThat(reports).filteredOn(r -> r.name().equals(pty.hostEnd()))
                    .singleElement().extracting(DeviceReport::status).isEqualTo(DeviceReport.Status.OK);
            assertThat(reports).filteredOn(r -> r.name().equals(missing))
                    .singleElement().satisfies(r -> {
                        assertThat(r.status()).isEqualTo(DeviceReport.Status.FAULT);
                        assertThat(r.detail()).contains("not found");
                    });
        }
    }

    @Test
    void idReaderProbeReadsTheTestCardAndReportsNoCitizenData() {
        SimulatedCardSlot slot = new SimulatedCardSlot(DemoCitizens.ZHANG_WEI);

        DeviceReport report = new IdReaderProbe(() -> SimulatedIdReaders.inProcess(slot), true).probe().get(0);

        assertThat(report.status()).isEqualTo(DeviceReport.Status.OK);
        assertThat(report.facts()).containsEntry("card", "read").containsKey("samId");
        assertThat(report.line()).doesNotContain(DemoCitizens.ZHANG_WEI.idNumber())
                .doesNotContain(DemoCitizens.ZHANG_WEI.name());
    }

    @Test
    void cameraProbeNamesVideoDevicesFromSysfsAndFaultsWhenTheNodeCannotOpen() throws Exception {
        Path sysfs = dir.resolve("video4linux");
        Files.createDirectories(sysfs.resolve("video97"));
        Files.writeString(sysfs.resolve("video97/name"), "Document Camera X1\n");

        List<DeviceReport> reports = new CameraProbe(sysfs, null).probe();

        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("/dev/video97");
            assertThat(r.facts()).containsEntry("model", "Document Camera X1");
            assertThat(r.status()).isEqualTo(DeviceReport.Status.FAULT);
        });
    }

    @Test
    void aHungProbeBecomesAFaultWithinTheTimeLimit() {
        DeviceProbe hung = new DeviceProbe() {
            @Override
            public String kind() {
                return "scanner";
            }

            @Override
            public List<DeviceReport> probe() {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of();
            }
        };
        long start = System.nanoTime();

        DeviceDiagnostics.Result result = new DeviceDiagnostics(List.of(hung, new ScannerProbe(null, Duration.ZERO)),
                Duration.ofMillis(300)).run();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(result.anyFault()).isTrue();
        assertThat(result.reports()).extracting(DeviceReport::kind, DeviceReport::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("scanner", DeviceReport.Status.FAULT),
                org.assertj.core.groups.Tuple.tuple("scanner", DeviceReport.Status.ABSENT));
        assertThat(result.versions()).containsKeys("java", "os", "jSerialComm");
    }
}
