package org.onewindow.client.supervisor;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.onewindow.client.app.I18n;
import org.onewindow.core.rating.RatingLevel;
import org.onewindow.core.supervisor.HallAlert;
import org.onewindow.core.supervisor.HallStats;
import org.onewindow.core.supervisor.HourlyCount;
import org.onewindow.core.supervisor.HourlyRating;
import org.onewindow.core.supervisor.WaitBucket;
import org.onewindow.core.supervisor.WaitingSample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The day's report as PDF (Apache PDFBox): the figures as tables, then the four charts drawn as vector
 * graphics from the same data the dashboard charts show (sharp at any zoom, no UI thread needed). Chinese
 * needs an embedded CJK font: the first of {@link #CJK_FONTS} that exists is embedded as a subset; without
 * one the report falls back to English labels and category codes and says so on its first line.
 */
public final class PdfReport {
    private static final Logger LOG = LoggerFactory.getLogger(PdfReport.class);
    /** Where Debian's fonts-wqy-microhei (and zenhei) put their collections. */
    public static final List<Path> CJK_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));
    static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b)};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final float MARGIN = 40;

    private final I18n preferred;
    private final List<Path> fontCandidates;

    public PdfReport(I18n i18n) {
        this(i18n, CJK_FONTS);
    }

    /** With other font locations (tests use an empty list to check the fallback). */
    public PdfReport(I18n i18n, List<Path> fontCandidates) {
        this.preferred = i18n;
        this.fontCandidates = fontCandidates;
    }

    public void write(DayReport r, Path file) throws IOException {
        Path fontFile = fontCandidates.stream().filter(Files::isReadable).findFirst().orElse(null);
        try (PDDocument doc = new PDDocument();
             TrueTypeCollection collection = fontFile == null ? null : new TrueTypeCollection(fontFile.toFile())) {
            PDFont font;
            I18n i18n;
            String note = null;
            boolean cjk;
            if (collection != null) {
                TrueTypeFont[] first = new TrueTypeFont[1];
                collection.processAllFonts(f -> {
                    if (first[0] == null) {
                        first[0] = f;
                    }
                });
                font = PDType0Font.load(doc, first[0], true);
                i18n = preferred;
                cjk = true;
            } else {
                LOG.warn("no CJK font found for the PDF report (looked in {}); writing it in English", fontCandidates);
                font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
                i18n = new I18n(Locale.ENGLISH);
                cjk = false;
                note = "Note: no Chinese font found (install fonts-wqy-microhei); categories are given by code.";
            }
            new Writer(doc, font, i18n, cjk).report(r, note);
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            doc.save(tmp.toFile());
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Lays text and charts out top to bottom, opening pages as needed. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDFont font;
        private final I18n i18n;
        private final boolean cjk;
        private PDPageContentStream cs;
        private float y;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;

        Writer(PDDocument doc, PDFont font, I18n i18n, boolean cjk) {
            this.doc = doc;
            this.font = font;
            this.i18n = i18n;
            this.cjk = cjk;
        }

        void report(DayReport r, String note) throws IOException {
            newPage();
            HallStats s = r.stats();
            text(MARGIN, 16, i18n.get("supervisor.report.title") + " - " + safe(r.hall()));
            y -= 22;
            text(MARGIN, 10, i18n.format("supervisor.report.subtitle", s.day(),
                    TIME.format(r.generatedAt().atZone(HallStats.HALL_ZONE))));
            y -= 16;
            if (note != null) {
                text(MARGIN, 9, note);
                y -= 14;
            }
            heading(i18n.get("supervisor.section.categories"));
            float[] cols = {0, 90, 150, 230, 310, 390, 450};
            row(cols, true, i18n.get("supervisor.col.category"), i18n.get("supervisor.col.waiting"),
                    i18n.get("supervisor.col.longestWait"), i18n.get("supervisor.col.avgWait"),
                    i18n.get("supervisor.col.avgService"), i18n.get("supervisor.col.served"), i18n.get("supervisor.col.issued"));
            for (CategoryRow c : r.categories()) {
                var cs = s.category(c.code()).orElse(null);
                row(cols, false, name(c.code(), c.name()), "" + c.waiting(), min(c.longestWait()), min(c.averageWait()),
                        min(c.averageService()), "" + c.served(), cs == null ? "" : "" + cs.issued());
            }
            heading(i18n.get("supervisor.section.windows"));
            float[] wcols = {0, 70, 250, 330, 460};
            row(wcols, true, i18n.get("supervisor.col.window"), i18n.get("supervisor.col.status"),
                    i18n.get("supervisor.col.clerk"), i18n.get("supervisor.col.categories"), i18n.get("supervisor.col.served"));
            for (WindowRow w : r.windows()) {
                row(wcols, false, w.windowId(), cjk ? w.statusText() : w.status().name() + (w.ticketNumber() == null ? ""
                        : " " + w.ticketNumber()), safe(w.clerk()),
                        String.join("/", cjk ? w.categories() : w.categoryCodes()), "" + w.served());
            }
            heading(i18n.get("supervisor.section.ratings"));
            var ratings = s.ratings();
            StringBuilder b = new StringBuilder();
            for (RatingLevel l : RatingLevel.values()) {
                b.append(cjk ? l.label() : l.name()).append(' ').append(ratings.counts().get(l)).append("   ");
            }
            text(MARGIN, 9, b.toString().trim());
            y -= 14;
            text(MARGIN, 9, i18n.format("supervisor.report.ratingsLine", ratings.total(),
                    String.format(Locale.ROOT, "%.0f%%", ratings.satisfiedShare() * 100), ratings.poor()));
            y -= 14;
            heading(i18n.get("supervisor.section.alerts") + " (" + r.alerts().size() + ")");
            for (HallAlert a : r.alerts().stream().limit(15).toList()) {
                text(MARGIN, 8.5f, TIME.format(a.raisedAt().atZone(HallStats.HALL_ZONE)) + "  " + a.kind() + "  "
                        + a.category() + (a.windowId() == null ? "" : " " + a.windowId()) + "  " + a.value() + " / "
                        + a.threshold() + (a.acknowledged() ? "  ack " + safe(a.acknowledgedBy()) : ""));
                y -= 12;
                ensure(20);
            }
            heading(i18n.get("supervisor.section.audit") + " (" + r.audit().size() + ")");
            for (var a : r.audit().stream().limit(20).toList()) {
                text(MARGIN, 8.5f, TIME.format(a.at().atZone(HallStats.HALL_ZONE)) + "  " + safe(a.actor()) + "  "
                        + a.action() + "  " + a.target() + "  " + safe(a.detail()));
                y -= 12;
                ensure(20);
            }

            newPage();
            text(MARGIN, 14, i18n.get("supervisor.charts"));
            y -= 24;
            float chartH = 300;
            float chartW = width;
            waitingChart(s, MARGIN, y - chartH / 2 - 10, chartW, chartH / 2);
            y -= chartH / 2 + 40;
            servedChart(s, MARGIN, y - chartH / 2 - 10, chartW, chartH / 2);
            y -= chartH / 2 + 40;
            float half = (width - 20) / 2;
            distributionChart(s, MARGIN, y - 170, half, 150);
            ratingsChart(s, MARGIN + half + 20, y - 170, half, 150);
            cs.close();
        }

        // ---- charts ---------------------------------------------------------------------------

        private void waitingChart(HallStats s, float x, float by, float w, float h) throws IOException {
            chartTitle(x, by + h + 6, i18n.get("supervisor.chart.waiting"));
            List<WaitingSample> pts = s.waitingSeries();
            int max = Math.max(1, pts.stream().mapToInt(WaitingSample::waiting).max().orElse(1));
            axes(x, by, w, h, max);
            if (pts.size() < 2) {
                return;
            }
            long t0 = pts.get(0).at().getEpochSecond();
            long t1 = Math.max(t0 + 1, pts.get(pts.size() - 1).at().getEpochSecond());
            cs.setStrokingColor(PALETTE[0]);
            cs.setLineWidth(1.2f);
            for (int i = 0; i < pts.size(); i++) {
                float px = x + w * (pts.get(i).at().getEpochSecond() - t0) / (float) (t1 - t0);
                float py = by + h * pts.get(i).waiting() / (float) max;
                if (i == 0) {
                    cs.moveTo(px, py);
                } else {
                    cs.lineTo(px, py);
                }
            }
            cs.stroke();
            cs.setStrokingColor(Color.BLACK);
            DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
            small(x, by - 10, hm.format(pts.get(0).at().atZone(HallStats.HALL_ZONE)));
            small(x + w - 24, by - 10, hm.format(pts.get(pts.size() - 1).at().atZone(HallStats.HALL_ZONE)));
        }

        private void servedChart(HallStats s, float x, float by, float w, float h) throws IOException {
            chartTitle(x, by + h + 6, i18n.get("supervisor.chart.servedPerHour"));
            Map<Integer, Map<String, Integer>> byHour = new TreeMap<>();
            List<String> cats = new ArrayList<>();
            for (var c : s.categories()) {
                cats.add(c.code());
            }
            for (HourlyCount hc : s.servedPerHour()) {
                byHour.computeIfAbsent(hc.hour(), k -> new TreeMap<>()).merge(hc.category(), hc.count(), Integer::sum);
            }
            int first = byHour.isEmpty() ? 8 : Math.min(8, byHour.keySet().iterator().next());
            int last = byHour.isEmpty() ? 17 : Math.max(17, ((TreeMap<Integer, ?>) byHour).lastKey());
            int max = 1;
            for (var m : byHour.values()) {
                max = Math.max(max, m.values().stream().mapToInt(Integer::intValue).sum());
            }
            axes(x, by, w - 70, h, max);
            float slot = (w - 70) / (last - first + 1);
            for (int hour = first; hour <= last; hour++) {
                float bx = x + (hour - first) * slot + slot * 0.15f;
                float stack = by;
                Map<String, Integer> m = byHour.getOrDefault(hour, Map.of());
                for (int i = 0; i < cats.size(); i++) {
                    int n = m.getOrDefault(cats.get(i), 0);
                    float bh = h * n / (float) max;
                    if (bh > 0) {
                        cs.setNonStrokingColor(PALETTE[i % PALETTE.length]);
                        cs.addRect(bx, stack, slot * 0.7f, bh);
                        cs.fill();
                        stack += bh;
                    }
                }
                cs.setNonStrokingColor(Color.BLACK);
                small(bx, by - 10, String.valueOf(hour));
            }
            legend(x + w - 60, by + h - 10, s);
        }

        private void distributionChart(HallStats s, float x, float by, float w, float h) throws IOException {
            chartTitle(x, by + h + 6, i18n.get("supervisor.chart.waitDistribution"));
            List<WaitBucket> buckets = s.waitDistribution();
            int max = Math.max(1, buckets.stream().mapToInt(WaitBucket::count).max().orElse(1));
            axes(x, by, w, h, max);
            float slot = w / Math.max(1, buckets.size());
            for (int i = 0; i < buckets.size(); i++) {
                WaitBucket b = buckets.get(i);
                cs.setNonStrokingColor(PALETTE[0]);
                cs.addRect(x + i * slot + slot * 0.1f, by, slot * 0.8f, h * b.count() / (float) max);
                cs.fill();
                cs.setNonStrokingColor(Color.BLACK);
                small(x + i * slot + 2, by - 10, b.openEnded() ? b.fromMinutes() + "+" : b.fromMinutes() + "-" + b.toMinutes());
            }
        }

        private void ratingsChart(HallStats s, float x, float by, float w, float h) throws IOException {
            chartTitle(x, by + h + 6, i18n.get("supervisor.chart.ratings"));
            axes(x, by, w, h, 5);
            List<HourlyRating> hours = s.ratings().perHour();
            if (hours.isEmpty()) {
                return;
            }
            int first = Math.min(8, hours.get(0).hour());
            int last = Math.max(17, hours.get(hours.size() - 1).hour());
            float slot = w / (last - first + 1);
            for (HourlyRating hr : hours) {
                float bx = x + (hr.hour() - first) * slot + slot * 0.15f;
                cs.setNonStrokingColor(hr.averageScore() >= 4 ? PALETTE[2] : hr.averageScore() >= 3 ? PALETTE[1] : PALETTE[3]);
                cs.addRect(bx, by, slot * 0.7f, (float) (h * hr.averageScore() / 5));
                cs.fill();
                cs.setNonStrokingColor(Color.BLACK);
                small(bx, by - 10, String.valueOf(hr.hour()));
            }
        }

        private void axes(float x, float by, float w, float h, int max) throws IOException {
            cs.setStrokingColor(Color.GRAY);
            cs.setLineWidth(0.5f);
            cs.moveTo(x, by);
            cs.lineTo(x + w, by);
            cs.moveTo(x, by);
            cs.lineTo(x, by + h);
            cs.stroke();
            cs.setStrokingColor(Color.BLACK);
            small(x - 18, by + h - 4, String.valueOf(max));
            small(x - 10, by - 2, "0");
        }

        private void legend(float x, float top, HallStats s) throws IOException {
            int i = 0;
            for (var c : s.categories()) {
                cs.setNonStrokingColor(PALETTE[i % PALETTE.length]);
                cs.addRect(x, top - i * 12, 8, 8);
                cs.fill();
                cs.setNonStrokingColor(Color.BLACK);
                small(x + 11, top - i * 12, name(c.code(), c.name()));
                i++;
            }
        }

        private void chartTitle(float x, float ty, String title) throws IOException {
            show(x, ty, 10, title);
        }

        private void small(float x, float ty, String s) throws IOException {
            show(x, ty, 7, s);
        }

        // ---- text -----------------------------------------------------------------------------

        private void heading(String title) throws IOException {
            ensure(60);
            y -= 8;
            text(MARGIN, 12, title);
            y -= 16;
        }

        private void row(float[] cols, boolean header, String... cells) throws IOException {
            ensure(20);
            for (int i = 0; i < cells.length && i < cols.length; i++) {
                text(MARGIN + cols[i], header ? 8.5f : 9, cells[i]);
            }
            y -= header ? 13 : 12;
        }

        private void text(float x, float size, String s) throws IOException {
            show(x, y, size, s);
        }

        private void show(float x, float ty, float size, String s) throws IOException {
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, ty);
            cs.showText(safe(s));
            cs.endText();
        }

        private void ensure(float space) throws IOException {
            if (y - space < MARGIN) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private String name(String code, String name) {
            return cjk ? name : code;
        }

        /** Without the CJK font, characters Helvetica cannot show become '?' instead of failing the export. */
        private String safe(String s) {
            if (s == null) {
                return "";
            }
            if (cjk) {
                return s;
            }
            StringBuilder b = new StringBuilder(s.length());
            for (char ch : s.toCharArray()) {
                b.append(ch >= 32 && ch < 127 ? ch : '?');
            }
            return b.toString();
        }

        private String min(Duration d) {
            return String.format(Locale.ROOT, "%.1f %s", d.toSeconds() / 60.0, cjk ? i18n.get("supervisor.unit.min") : "min");
        }
    }
}
