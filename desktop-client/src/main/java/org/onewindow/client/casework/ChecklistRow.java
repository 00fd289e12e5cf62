package org.onewindow.client.casework;

import org.onewindow.core.casework.ChecklistEntry;

/** One checklist line as the view shows it. */
public record ChecklistRow(String code, String name, boolean required, ChecklistEntry.Status status, String detail) {
}
