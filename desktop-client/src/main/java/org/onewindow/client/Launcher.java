package org.onewindow.client;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.onewindow.client.app.ClientSettings;
import org.onewindow.client.cli.OneWindowCommand;
import org.onewindow.client.logging.LogSetup;
import org.onewindow.client.provisioning.ProvisioningLoader;
import org.onewindow.client.provisioning.ProvisioningLocation;
import org.onewindow.client.provisioning.ProvisioningSchema;
import picocli.CommandLine;

/**
 * The entry point of the installed application and of {@code ./onewindow}: no arguments starts the
 * client; a sub-command runs a command-line tool. Deliberately not a JavaFX Application so headless
 * sub-commands never start the toolkit.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        prepareLogging();
        int code = OneWindowCommand.commandLine().execute(args);
        if (code != OneWindowCommand.GUI_STARTED) {
            System.exit(code);
        }
    }

    /**
     * Before the first logger exists: logs go to {@code <data folder>/logs}, the data folder and the first
     * level coming from the provisioning file when it names them. A broken file is reported later, by the
     * command that loads it; here it only means the defaults.
     */
    private static void prepareLogging() {
        Path data = ClientSettings.defaultDataDir();
        String level = null;
        try {
            Optional<Path> file = ProvisioningLocation.resolve(null);
            if (file.isPresent()) {
                Map<String, String> raw = ProvisioningLoader.read(file.get());
                String dir = raw.get(ProvisioningSchema.DATA_DIR);
                if (dir != null && !dir.isBlank() && Path.of(dir).isAbsolute()) {
                    data = Path.of(dir);
                }
                level = raw.get(ProvisioningSchema.LOG_LEVEL);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // unreadable or broken: the defaults stand, and the loading command says what is wrong
        }
        LogSetup.prepare(data, level != null && LogSetup.LEVELS.contains(level.strip().toUpperCase(java.util.Locale.ROOT))
                ? level : "INFO");
    }
}
