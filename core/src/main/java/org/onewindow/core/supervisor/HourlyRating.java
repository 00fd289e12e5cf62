package org.onewindow.core.supervisor;

/** Ratings given in one hour of the hall's day, with their mean score (5 = 非常满意 ... 1 = 非常不满意). */
public record HourlyRating(int hour, int count, double averageScore) {
}
