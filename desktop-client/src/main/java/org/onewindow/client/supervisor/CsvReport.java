package org.onewindow.client.supervisor;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import org.onewindow.client.app.I18n;
import org.onewindow.core.rating.RatingLevel;
import org.onewindow.core.supervisor.AuditRecord;
import org.onewindow.core.supervisor.HallAlert;
import org.onewindow.core.supervisor.HallStats;
import org.onewindow.core.supervisor.HourlyCount;
import org.onewindow.core.supervisor.HourlyRating;
import org.onewindow.core.supervisor.WaitBucket;

/**
 * The day's report as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read the Chinese
 * right): one section per table, each headed by a line with the section's title. Durations are in minutes
 * with one decimal, machine-readable.
 */
public final class CsvReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final I18n i18n;

    public CsvReport(I18n i18n) {
        this.i18n = i18n;
    }

    public void write(DayReport r, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            HallStats s = r.stats();
            line(out, i18n.get("supervisor.report.title"), r.hall(), s.day().toString(),
                    TIME.format(r.generatedAt().atZone(HallStats.HALL_ZONE)));
            out.write("\r\n");
            line(out, "#" + i18n.get("supervisor.section.categories"));
            line(out, "code", i18n.get("supervisor.col.category"), i18n.get("supervisor.col.waiting"),
                    i18n.get("supervisor.col.longestWait") + " (min)", i18n.get("supervisor.col.avgWait") + " (min)",
                    i18n.get("supervisor.col.avgService") + " (min)", i18n.get("supervisor.col.served"),
                    i18n.get("supervisor.col.noShows"), i18n.get("supervisor.col.issued"));
            for (var c : s.categories()) {
                CategoryRow row = r.categories().stream().filter(x -> x.code().equals(c.code())).findFirst().orElse(null);
                line(out, c.code(), c.name(), c.waiting(),
                        minutes(row == null ? c.longestWait(r.generatedAt()) : row.longestWait()),
                        minutes(c.averageWait()), minutes(c.averageService()), c.served(), c.noShows(), c.issued());
            }
            out.write("\r\n");
            line(out, "#" + i18n.get("supervisor.section.windows"));
            line(out, "window", i18n.get("supervisor.col.window"), i18n.get("supervisor.col.status"),
                    i18n.get("supervisor.col.clerk"), i18n.get("supervisor.col.categories"), i18n.get("supervisor.col.served"));
            for (WindowRow w : r.windows()) {
                line(out, w.windowId(), w.name(), w.statusText(), w.clerk(), String.join("/", w.categoryCodes()), w.served());
            }
            out.write("\r\n");
            line(out, "#" + i18n.get("supervisor.chart.servedPerHour"));
            line(out, "category", "hour", "count");
            for (HourlyCount h : s.servedPerHour()) {
                line(out, h.category(), h.hour(), h.count());
            }
            out.write("\r\n");
            line(out, "#" + i18n.get("supervisor.chart.waitDistribution"));
            line(out, "fromMinutes", "toMinutes", "count");
            for (WaitBucket b : s.waitDistribution()) {
                line(out, b.fromMinutes(), b.openEnded() ? "" : b.toMinutes(), b.count());
            }
            out.write("\r\n");
            line(out, "#" + i18n.get("supervisor.section.ratings"));
            line(out, "level", i18n.get("supervisor.col.rating"), "count");
            for (RatingLevel l : RatingLevel.values()) {
                line(out, l.name(), l.label(), s.ratings().counts().get(l));
            }
            line(out, "hour", "count", "averageScore");
            for (HourlyRating h : s.ratings().perHour()) {
                line(out, h.hour(), h.count(), String.format(java.util.Locale.ROOT, "%.2f", h.averageScore()));
            }
            out.write("\r\n");
            line(out, "#" + i18n.get("supervisor.section.waitingSeries"));
            line(out, "time", "waiting");
            for (var p : s.waitingSeries()) {
                line(out, TIME.format(p.at().atZone(HallStats.HALL_ZONE)), p.waiting());
            }
            out.write("\r\n");
            line(out, "#" + i18n.get("supervisor.section.alerts"));
            line(out, "raisedAt", "kind", "category", "window", "value", "threshold", "acknowledgedAt", "acknowledgedBy");
            for (HallAlert a : r.alerts()) {
                line(out, TIME.format(a.raisedAt().atZone(HallStats.HALL_ZONE)), a.kind(), a.category(),
                        a.windowId() == null ? "" : a.windowId(), a.value(), a.threshold(),
                        a.acknowledgedAt() == null ? "" : TIME.format(a.acknowledgedAt().atZone(HallStats.HALL_ZONE)),
                        a.acknowledgedBy() == null ? "" : a.acknowledgedBy());
            }
            out.write("\r\n");
            line(out, "#" + i18n.get("supervisor.section.audit"));
            line(out, "at", "actor", "action", "target", "detail");
            for (AuditRecord a : r.audit()) {
                line(out, TIME.format(a.at().atZone(HallStats.HALL_ZONE)), a.actor(), a.action(), a.target(), a.detail());
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static String minutes(java.time.Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d.toSeconds() / 60.0);
    }

    private static void line(Writer out, Object... cells) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(quote(String.valueOf(cells[i])));
        }
        out.write(b.append("\r\n").toString());
    }

    /** RFC 4180 quoting; a leading =,+,-,@ is defused so a spreadsheet never runs a cell as a formula. */
    static String quote(String v) {
        String s = v;
        if (!s.isEmpty() && "=+@".indexOf(s.charAt(0)) >= 0 || s.startsWith("-") && !s.matches("-?[0-9.]+")) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
