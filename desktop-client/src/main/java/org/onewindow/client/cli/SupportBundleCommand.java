package org.onewindow.client.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.onewindow.client.diag.WorkstationDiagnostics;
import org.onewindow.client.logging.LogSetup;
import org.onewindow.client.provisioning.Provisioning;
import org.onewindow.client.support.SupportBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code onewindow support-bundle}: a zip of masked logs, settings without secrets, devices and versions. */
@Command(name = "support-bundle", mixinStandardHelpOptions = true,
        description = "Zip the recent logs (ID numbers masked), the settings without secrets, the device list and versions.")
public final class SupportBundleCommand implements Callable<Integer> {
    @Option(names = "--out", description = "Zip file (default: ./onewindow-support-<workstation>-<time>.zip)")
    Path out;

    @Option(names = "--days", defaultValue = "7", description = "Logs of the last N days (default 7)")
    int days;

    @Option(names = "--provisioning", description = "Provisioning file (default: $ONEWINDOW_PROVISIONING or the machine file)")
    Path provisioningFile;

    @Option(names = "--data", description = "Data folder instead of the configured one")
    Path data;

    @Override
    public Integer call() throws Exception {
        ClientConfiguration config;
        try {
            config = ClientConfiguration.resolve(provisioningFile, data, Locale.SIMPLIFIED_CHINESE);
        } catch (org.onewindow.client.provisioning.ProvisioningException e) {
            // a broken file is exactly when support is needed: bundle it anyway (redacted), with no device wiring
            System.err.println(e.getMessage());
            config = ClientConfiguration.embedded(data, Locale.SIMPLIFIED_CHINESE);
            return write(config, Optional.of(e.file()));
        }
        return write(config, config.provisioning().map(Provisioning::source));
    }

    private int write(ClientConfiguration config, Optional<Path> file) throws Exception {
        Clock clock = Clock.systemUTC();
        Path zip = out != null ? out : Path.of("onewindow-support-" + config.settings().workstation() + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(clock.instant()) + ".zip");
        Path logDir = Path.of(System.getProperty(LogSetup.LOG_DIR_PROPERTY, config.settings().dataDir().resolve("logs").toString()));
        var devices = WorkstationDiagnostics.forDevices(config.provisioning(), null, Duration.ZERO).run();
        SupportBundle.Summary s = new SupportBundle(clock).write(zip, logDir, Duration.ofDays(days), file, devices,
                WorkstationDiagnostics.versions());
        System.out.println("Wrote " + s.zip().toAbsolutePath() + ": " + s.logFiles() + " log files, " + s.logLines()
                + " lines (" + s.maskedLines() + " with ID numbers masked), settings without secrets, "
                + devices.reports().size() + " device reports, versions.");
        return 0;
    }
}
