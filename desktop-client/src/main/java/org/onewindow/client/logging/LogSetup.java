package org.onewindow.client.logging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where the logs go and at which level, decided before Logback starts (so no logging here): the log folder
 * is {@code <data folder>/logs}, and {@code log-levels.xml} in it holds the levels. Logback re-reads that
 * file every 10 seconds (scan in logback.xml), which is how {@code onewindow log-level} changes the level
 * of a running client without a restart.
 */
public final class LogSetup {
    public static final String LOG_DIR_PROPERTY = "onewindow.logDir";
    public static final String LEVELS_FILE = "log-levels.xml";
    public static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    private LogSetup() {
    }

    /** Points Logback at {@code dataDir/logs} and makes sure the levels file exists (Logback only watches files it found). */
    public static Path prepare(Path dataDir, String initialLevel) {
        Path logs = dataDir.resolve("logs");
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, logs.toString());
        }
        Path dir = Path.of(System.getProperty(LOG_DIR_PROPERTY));
        try {
            Files.createDirectories(dir);
            if (!Files.exists(dir.resolve(LEVELS_FILE))) {
                writeLevels(dir, initialLevel == null ? "INFO" : initialLevel, List.of());
            }
        } catch (IOException e) {
            // an unwritable data folder is reported by the self-test and the client's start; logs go to stderr
            System.err.println("onewindow: cannot prepare the log folder " + dir + ": " + e.getMessage());
        }
        return dir;
    }

    /**
     * Writes the levels file atomically: the root level and, optionally, levels for single loggers
     * ("org.onewindow.devices=DEBUG").
     */
    public static void writeLevels(Path logDir, String rootLevel, List<String> loggerLevels) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("<!-- written by 'onewindow log-level'; Logback re-reads it within 10 seconds -->\n<included>\n");
        b.append("  <root level=\"").append(checkLevel(rootLevel)).append("\"/>\n");
        for (String entry : loggerLevels) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + entry + "' is not logger=LEVEL");
            }
            String name = entry.substring(0, eq).strip();
            if (!name.matches("[A-Za-z0-9_.$]+")) {
                throw new IllegalArgumentException("'" + name + "' is not a logger name");
            }
            b.append("  <logger name=\"").append(name).append("\" level=\"")
                    .append(checkLevel(entry.substring(eq + 1))).append("\"/>\n");
        }
        b.append("</included>\n");
        Files.createDirectories(logDir);
        Path tmp = Files.createTempFile(logDir, ".levels", ".tmp");
        Files.writeString(tmp, b.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, logDir.resolve(LEVELS_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String checkLevel(String level) {
        String l = level.strip().toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(l)) {
            throw new IllegalArgumentException("'" + level + "' is not a log level (TRACE, DEBUG, INFO, WARN or ERROR)");
        }
        return l;
    }
}
