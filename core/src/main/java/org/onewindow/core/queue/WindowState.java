package org.onewindow.core.queue;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A service window as the back-end sees it after an operation: every window operation answers with this,
 * so a client needs no second call to know where it stands.
 *
 * @param windowId     e.g. {@code W3}
 * @param name         shown to citizens, e.g. 3号窗口
 * @param categories   codes of the categories it serves
 * @param status       open or paused
 * @param clerkName    display name of the clerk who last operated it, or null
 * @param current      the ticket it is serving, or null
 * @param waitingCount tickets it could call now (its categories plus tickets transferred to it)
 * @param parked       tickets it parked, oldest first
 */
public record WindowState(String windowId, String name, Set<String> categories, WindowStatus status, String clerkName,
                          Ticket current, int waitingCount, List<Ticket> parked) {
    public WindowState {
        Objects.requireNonNull(windowId, "windowId");
        Objects.requireNonNull(status, "status");
        categories = Set.copyOf(categories);
        parked = List.copyOf(parked);
    }
}
