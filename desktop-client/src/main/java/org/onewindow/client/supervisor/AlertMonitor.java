package org.onewindow.client.supervisor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.onewindow.core.queue.Ticket;
import org.onewindow.core.queue.WindowState;
import org.onewindow.core.supervisor.CategoryStats;
import org.onewindow.core.supervisor.HallAlert;
import org.onewindow.core.supervisor.HallStats;

/**
 * Decides when a threshold is crossed. An alert is raised once when its condition starts to hold and not
 * again until the condition has cleared (no alert storm while a queue stays long). Pure logic: the view
 * model feeds it the latest figures and the time.
 */
public final class AlertMonitor {
    private final Set<String> active = new HashSet<>();

    /** Treats these alerts as already raised (e.g. today's open alerts after a restart). */
    public void alreadyRaised(Collection<HallAlert> alerts) {
        for (HallAlert a : alerts) {
            active.add(a.key());
        }
    }

    /** The alerts that start now. */
    public List<HallAlert> evaluate(HallStats stats, List<WindowState> windows, AlertSettings settings, Instant now) {
        List<HallAlert> raised = new ArrayList<>();
        Set<String> holding = new HashSet<>();
        for (CategoryStats c : stats.categories()) {
            AlertThresholds t = settings.forCategory(c.code());
            Duration longest = c.longestWait(now);
            if (longest.compareTo(t.maxWait()) > 0) {
                check(HallAlert.raised(HallAlert.Kind.WAIT_TIME, c.code(), null, longest.toSeconds(),
                        t.maxWait().toSeconds(), now), holding, raised);
            }
            if (c.waiting() > t.maxQueue()) {
                check(HallAlert.raised(HallAlert.Kind.QUEUE_LENGTH, c.code(), null, c.waiting(), t.maxQueue(), now),
                        holding, raised);
            }
        }
        for (WindowState w : windows) {
            Ticket current = w.current();
            if (current == null || current.calledAt() == null) {
                continue;
            }
            Duration serving = Duration.between(current.calledAt(), now);
            AlertThresholds t = settings.forCategory(current.category());
            if (serving.compareTo(t.maxService()) > 0) {
                check(HallAlert.raised(HallAlert.Kind.SERVICE_TIME, current.category(), w.windowId(), serving.toSeconds(),
                        t.maxService().toSeconds(), now), holding, raised);
            }
        }
        // conditions that no longer hold re-arm
        active.retainAll(holding);
        return raised;
    }

    private void check(HallAlert candidate, Set<String> holding, List<HallAlert> raised) {
        holding.add(candidate.key());
        if (active.add(candidate.key())) {
            raised.add(candidate);
        }
    }
}
