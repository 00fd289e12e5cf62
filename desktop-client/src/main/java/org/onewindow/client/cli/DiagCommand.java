package org.onewindow.client.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.onewindow.client.diag.ConfiguredDevices;
import org.onewindow.client.diag.DiagnosticsApp;
import org.onewindow.client.diag.WorkstationDiagnostics;
import org.onewindow.client.provisioning.ProvisioningException;
import org.onewindow.devices.diag.DeviceDiagnostics;
import org.onewindow.devices.diag.DeviceReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code onewindow diag}: lists serial ports, PC/SC readers, cameras, the scanner and the ID reader, test-reads
 * each and prints versions. Run it with the client closed: a serial port has one owner.
 */
@Command(name = "diag", mixinStandardHelpOptions = true,
        description = "Find and test-read the devices (serial ports, PC/SC readers, cameras, scanner, ID reader); versions.")
public final class DiagCommand implements Callable<Integer> {
    @Option(names = "--provisioning", description = "Provisioning file (default: $ONEWINDOW_PROVISIONING or the machine file)")
    Path provisioningFile;

    @Option(names = "--wait-scan", defaultValue = "0", description = "Seconds to wait for a test scan (default 0: do not wait)")
    int waitScanSeconds;

    @Option(names = "--window", description = "Show the diagnostics screen instead of printing")
    boolean window;

    @Override
    public Integer call() {
        ClientConfiguration config;
        try {
            config = ClientConfiguration.resolve(provisioningFile, null, Locale.SIMPLIFIED_CHINESE);
        } catch (ProvisioningException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        DeviceDiagnostics diagnostics = WorkstationDiagnostics.forDevices(config.provisioning(),
                ConfiguredDevices.idReaderProbe(config.provisioning()).orElse(null), Duration.ofSeconds(waitScanSeconds));
        if (window) {
            DiagnosticsApp.open(() -> diagnostics);
            return 0;
        }
        System.out.println("Settings: " + config.describe());
        DeviceDiagnostics.Result result = diagnostics.run();
        result.reports().forEach(r -> System.out.println(r.line()));
        System.out.println();
        result.versions().forEach((k, v) -> System.out.println(k + ": " + v));
        long faults = result.reports().stream().filter(r -> r.status() == DeviceReport.Status.FAULT).count();
        return faults == 0 ? 0 : 1;
    }
}
