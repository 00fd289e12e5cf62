package org.onewindow.client.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.onewindow.devices.diag.DeviceDiagnostics;
import org.onewindow.devices.diag.DeviceProbe;
import org.onewindow.devices.diag.DeviceReport;

class DiagnosticsViewModelTest {
    private static DeviceProbe probe(DeviceReport... reports) {
        return new DeviceProbe() {
            @Override
            public String kind() {
                return reports[0].kind();
            }

            @Override
            public List<DeviceReport> probe() {
                return List.of(reports);
            }
        };
    }

    @Test
    void runsTheProbesOffTheUiThreadAndPublishesReportsVersionsAndASummary() {
        List<Runnable> ioQueue = new ArrayList<>();
        Executor io = ioQueue::add;
        DeviceDiagnostics diagnostics = new DeviceDiagnostics(List.of(
                probe(DeviceReport.ok("serial", "/dev/ttyUSB0", "opened and closed", Map.of())),
                probe(DeviceReport.fault("camera", "/dev/video0", "cannot open")),
                probe(DeviceReport.absent("pcsc", "(none)", "no PC/SC reader connected"))), Duration.ofSeconds(5),
                Map.of("onewindow", "0.1.0"));
        DiagnosticsViewModel vm = new DiagnosticsViewModel(() -> diagnostics, io, Runnable::run);

        vm.run();
        vm.run(); // a second click while running does not start a second run

        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(vm.reports()).isEmpty();
        assertThat(ioQueue).hasSize(1);

        ioQueue.get(0).run();

        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.reports()).extracting(DeviceReport::name).containsExactly("/dev/ttyUSB0", "/dev/video0", "(none)");
        assertThat(vm.summaryProperty().get()).isEqualTo("1 working, 1 faulty, 1 absent");
        assertThat(vm.versionsProperty().get()).startsWith("onewindow: 0.1.0\n").contains("java: ").contains("jSerialComm: ");
    }

    @Test
    void theConfiguredSimulatedIdReaderIsTestReadWithoutCitizenData() {
        DeviceReport report = ConfiguredDevices.idReaderProbe(java.util.Optional.empty()).orElseThrow().probe().get(0);

        assertThat(report.status()).isEqualTo(DeviceReport.Status.OK);
        assertThat(report.facts()).containsEntry("card", "read");
        assertThat(report.line()).doesNotContain(org.onewindow.core.demo.DemoCitizens.ZHANG_WEI.idNumber());
    }
}
