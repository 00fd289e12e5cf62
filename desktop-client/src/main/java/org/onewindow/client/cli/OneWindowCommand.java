package org.onewindow.client.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.onewindow.client.app.ClientSettings;
import org.onewindow.client.app.I18n;
import org.onewindow.client.app.OneWindowApp;
import org.onewindow.client.provisioning.ProvisioningException;
import org.onewindow.client.provisioning.ProvisioningLoader;
import org.onewindow.client.provisioning.ProvisioningLocation;
import org.onewindow.client.provisioning.ProvisioningWizardApp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code onewindow [options]} starts the client; {@code onewindow <tool> ...} runs a tool. */
@Command(name = "onewindow", mixinStandardHelpOptions = true, version = "OneWindow 0.1.0",
        description = "Counter-service client for government service halls.",
        subcommands = {SandboxCommand.class, ReadCardCommand.class, ReadPassportCommand.class, ScanCommand.class, VerifyCommand.class, ArchiveCommand.class,
                SelfTestCommand.class, ProvisionCommand.class, SupportBundleCommand.class,
                LogLevelCommand.class, DiagCommand.class, UpdateCheckCommand.class})
public final class OneWindowCommand implements Callable<Integer> {
    /** Exit code meaning "the UI ran and closed": the launcher must not System.exit early. */
    public static final int GUI_STARTED = -1;

    @Option(names = "--data", description = "Data folder (default: $ONEWINDOW_HOME or ~/.onewindow)")
    Path data;

    @Option(names = "--backend", description = "Back-end base URL; without it the sandbox back-end runs in-process")
    URI backend;

    @Option(names = "--lang", description = "zh_CN or en (default: from the system locale)")
    String lang;

    @Option(names = "--provisioning", description = "Provisioning file (default: $ONEWINDOW_PROVISIONING or the machine file)")
    Path provisioning;

    public static CommandLine commandLine() {
        return new CommandLine(new OneWindowCommand());
    }

    @Override
    public Integer call() {
        Optional<Path> file = ProvisioningLocation.resolve(provisioning);
        if (file.isPresent()) {
            try {
                // a provisioned workstation's settings are IT's: no command-line override of the back-end
                OneWindowApp.launch(ProvisioningLoader.load(file.get()));
                return 0;
            } catch (ProvisioningException e) {
                System.err.println(e.getMessage());
                System.err.println("Fix the file (onewindow provision validate) or run: onewindow provision wizard");
                return 2;
            }
        }
        if (Boolean.getBoolean("onewindow.installed") && backend == null) {
            // an installed client without its provisioning file: first run, IT sets it up
            ProvisioningWizardApp.open(ProvisioningLocation.machineFile());
            return 0;
        }
        Path dir = data != null ? data : ClientSettings.defaultDataDir();
        ClientSettings embedded = ClientSettings.embeddedDemo(dir, I18n.resolve(lang));
        ClientSettings settings = backend == null ? embedded
                : new ClientSettings(dir, backend, embedded.locale(), embedded.hall(), embedded.window(),
                embedded.workstation(), false);
        if (backend == null && System.getProperty(org.onewindow.client.citizen.CitizenDisplayMode.PROPERTY) == null) {
            // the demo shows both sides of the counter, on one screen too: the citizen's display is a window
            System.setProperty(org.onewindow.client.citizen.CitizenDisplayMode.PROPERTY, "window");
        }
        OneWindowApp.launch(settings);
        return 0;
    }
}
