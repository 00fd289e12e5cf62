package org.onewindow.core.supervisor;

/**
 * One bar of the waiting-time distribution: tickets whose wait was at least {@code fromMinutes} and less
 * than {@code toMinutes}; {@code toMinutes} is -1 for the open-ended last bar.
 */
public record WaitBucket(int fromMinutes, int toMinutes, int count) {
    public boolean openEnded() {
        return toMinutes < 0;
    }
}
