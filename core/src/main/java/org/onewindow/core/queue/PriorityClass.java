package org.onewindow.core.queue;

/**
 * Why a ticket may be called before others. Higher {@link #rank()} is called first; equal ranks go by
 * waiting time. Elderly and disabled citizens share the top rank (the hall's 绿色通道); an appointment
 * that checked in beats a walk-in but not them.
 */
public enum PriorityClass {
    REGULAR(0),
    APPOINTMENT(1),
    ELDERLY(2),
    DISABLED(2);

    private final int rank;

    PriorityClass(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }
}
