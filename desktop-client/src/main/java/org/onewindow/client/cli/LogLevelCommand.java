package org.onewindow.client.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.onewindow.client.app.ClientSettings;
import org.onewindow.client.logging.LogSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code onewindow log-level [LEVEL] [logger=LEVEL ...]}: shows or changes the log levels; a running client
 * picks the change up within 10 seconds (Logback re-reads the levels file), no restart.
 */
@Command(name = "log-level", mixinStandardHelpOptions = true,
        description = "Show or change the log level of this workstation's client, also while it runs.")
public final class LogLevelCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", description = "Root level: TRACE, DEBUG, INFO, WARN or ERROR")
    String level;

    @Parameters(index = "1..*", arity = "0..*", description = "Levels for single loggers, e.g. org.onewindow.devices=DEBUG")
    List<String> loggers = List.of();

    @Option(names = "--log-dir", description = "Log folder (default: <data folder>/logs)")
    Path logDir;

    @Override
    public Integer call() throws Exception {
        Path dir = logDir != null ? logDir
                : Path.of(System.getProperty(LogSetup.LOG_DIR_PROPERTY, ClientSettings.defaultDataDir().resolve("logs").toString()));
        Path file = dir.resolve(LogSetup.LEVELS_FILE);
        if (level == null) {
            System.out.println(Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8)
                    : "No " + file + " yet: the level is INFO.");
            return 0;
        }
        try {
            LogSetup.writeLevels(dir, level, loggers);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        System.out.println("Wrote " + file + "; a running client applies it within 10 seconds.");
        return 0;
    }
}
