package org.onewindow.core.supervisor;

import java.time.Instant;

/**
 * One supervisor action as the back-end recorded it.
 *
 * @param action WINDOW_CATEGORIES, WINDOW_PAUSED, WINDOW_RESUMED, TICKETS_MOVED, ALERT_ACKNOWLEDGED
 * @param target what it acted on (a window id, a category code, an alert id)
 * @param detail what changed, readable (never citizen data: tickets are numbers)
 */
public record AuditRecord(long id, Instant at, String actor, String action, String target, String detail) {
}
