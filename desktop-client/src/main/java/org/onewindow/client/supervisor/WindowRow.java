package org.onewindow.client.supervisor;

import java.time.Duration;
import java.util.List;

/**
 * One line of the windows table, as of the last tick.
 *
 * @param status        what the window is doing
 * @param ticketNumber  the ticket being served, or null
 * @param servingFor    how long the current service has run (zero when not serving)
 * @param statusText    the status in words: 正在办理 A012 · 7 分钟 / 空闲 / 暂停 / 离线
 * @param clerk         who works there, or empty
 * @param categories    display names of the categories it serves
 * @param categoryCodes their codes, in the same order
 */
public record WindowRow(String windowId, String name, Status status, String ticketNumber, Duration servingFor,
                        String statusText, String clerk, List<String> categories, List<String> categoryCodes,
                        int served, boolean alerting) {
    public enum Status { SERVING, IDLE, PAUSED, OFFLINE }
}
