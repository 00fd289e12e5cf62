package org.onewindow.client.supervisor;

import java.time.Duration;

/** One line of the categories table, as of the last tick. {@code alerting}: a threshold is crossed now. */
public record CategoryRow(String code, String name, int waiting, Duration longestWait, Duration averageWait,
                          Duration averageService, int served, boolean alerting) {
}
