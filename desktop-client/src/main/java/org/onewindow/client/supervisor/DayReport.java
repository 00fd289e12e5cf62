package org.onewindow.client.supervisor;

import java.time.Instant;
import java.util.List;
import org.onewindow.core.supervisor.AuditRecord;
import org.onewindow.core.supervisor.HallAlert;
import org.onewindow.core.supervisor.HallStats;

/** Everything the day's report holds, frozen at one moment so CSV and PDF say the same. */
public record DayReport(String hall, Instant generatedAt, HallStats stats, List<CategoryRow> categories,
                        List<WindowRow> windows, List<HallAlert> alerts, List<AuditRecord> audit) {
    public DayReport {
        categories = List.copyOf(categories);
        windows = List.copyOf(windows);
        alerts = List.copyOf(alerts);
        audit = List.copyOf(audit);
    }
}
