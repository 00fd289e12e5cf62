package org.onewindow.core.supervisor;

/** Tickets of one category served in one hour of the hall's day (hour 0-23, hall time). */
public record HourlyCount(String category, int hour, int count) {
}
