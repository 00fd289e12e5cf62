package org.onewindow.client;

import org.onewindow.client.cli.OneWindowCommand;
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
        int code = OneWindowCommand.commandLine().execute(args);
        if (code != OneWindowCommand.GUI_STARTED) {
            System.exit(code);
        }
    }
}
