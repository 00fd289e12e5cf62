package org.onewindow.verification.backend.queue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Without a logback configuration logback logs everything at DEBUG, including HttpClient's wire dump of
 * every body; under load that costs more than the calls measured. Tests here log at INFO.
 */
final class QuietLogs {
    private QuietLogs() {
    }

    static void apply() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
    }
}
