package org.onewindow.client.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.client.app.I18n;
import org.onewindow.core.queue.QueueEvent;
import org.onewindow.sandbox.sim.SimClock;

/** The day's report written as CSV and PDF, and read back. */
class ReportExportTest {
    @TempDir
    Path dir;
    final FakeHall hall = new FakeHall();
    final SimClock clock = new SimClock(FakeHall.T0);
    final I18n zh = new I18n(Locale.SIMPLIFIED_CHINESE);
    SupervisorViewModel vm;

    @BeforeEach
    void load() {
        vm = new SupervisorViewModel(hall, hall, Runnable::run, Runnable::run, zh, clock, "济南市民中心",
                AlertSettings.standard(), s -> { }, () -> { });
        vm.start();
        hall.listener.onEvent(QueueEvent.resync(clock.instant()));
    }

    @Test
    void csvHoldsEverySectionWithMachineReadableFigures() throws Exception {
        Path csv = dir.resolve("day.csv");
        vm.exportCsv(csv);
        assertThat(vm.messageProperty().get()).startsWith("报表已保存到");
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF大厅日报,济南市民中心,2026-11-30,2026-11-30 10:00:00");
        List<String> lines = text.lines().toList();
        assertThat(lines).contains("SB,社保,4,25.0,12.0,6.0,40,2,46", "BDC,不动产,0,0.0,20.0,12.0,10,0,10");
        assertThat(lines).contains("W1,1号窗口,正在办理 A011 · 7 分钟,王晓梅,SB/ZH,20");
        assertThat(lines).contains("SB,9,25", "10,,22", "VERY_SATISFIED,非常满意,30", "9,20,4.60");
        assertThat(lines).contains("2026-11-30 10:00:00,赵主任,WINDOW_PAUSED,W3,3号窗口");
        assertThat(lines.stream().filter(l -> l.startsWith("#"))).hasSize(8);
        assertThat(Files.exists(dir.resolve("day.csv.part"))).isFalse();
    }

    @Test
    void csvCellsAreQuotedAndNeverRunAsFormulas() {
        assertThat(CsvReport.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvReport.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvReport.quote("=cmd()")).isEqualTo("'=cmd()");
        assertThat(CsvReport.quote("-12.5")).isEqualTo("-12.5");
    }

    @Test
    void pdfReadsBackWithChineseTextAndChartPage() throws Exception {
        assertThat(PdfReport.CJK_FONTS.get(0)).as("fonts-wqy-microhei is installed on build machines").exists();
        Path pdf = dir.resolve("day.pdf");
        clock.advance(Duration.ofMinutes(10));
        vm.tick(); // raises alerts, so the report lists some
        new PdfReport(zh).write(vm.report(), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("大厅日报 - 济南市民中心", "日期 2026-11-30", "社保", "不动产", "正在办理 A011",
                    "王晓梅", "非常满意 30", "全天等候人数", "各类别每小时办结量", "等候时长分布", "每小时平均评价");
            assertThat(text).contains("WAIT_TIME  SB  2100 / 1800").contains("WINDOW_PAUSED");
            PDFTextStripper chartsPage = new PDFTextStripper();
            chartsPage.setStartPage(2);
            chartsPage.setEndPage(2);
            assertThat(chartsPage.getText(doc)).contains("图表", "0-5", "10+", "8 9 10 11");
        }
    }

    @Test
    void withoutAChineseFontThePdfFallsBackToEnglishAndSaysSo() throws Exception {
        Path pdf = dir.resolve("plain.pdf");
        new PdfReport(zh, List.of(dir.resolve("no-such-font.ttc"))).write(vm.report(), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Note: no Chinese font found", "Hall day report", "Service categories", "SB", "BDC",
                    "SERVING A011");
            assertThat(text).doesNotContain("社保");
        }
    }

    @Test
    void alertSettingsSurviveARoundTripAndABrokenFileGivesDefaults() throws Exception {
        Path file = dir.resolve("supervisor").resolve("alert-settings.properties");
        AlertSettings s = AlertSettings.standard().with("SB", new AlertThresholds(Duration.ofMinutes(20),
                Duration.ofMinutes(15), 12)).withSound(true);
        s.save(file);
        assertThat(AlertSettings.load(file)).isEqualTo(s);
        Files.writeString(file, "default.maxQueue=lots\n");
        assertThat(AlertSettings.load(file)).isEqualTo(AlertSettings.standard());
        assertThat(AlertSettings.load(dir.resolve("missing"))).isEqualTo(AlertSettings.standard());
    }

    @Test
    void theChimeIsAShortSixteenBitTone() {
        byte[] pcm = AlertSound.chime();
        assertThat(pcm.length).isEqualTo((int) (22_050 * 0.15) * 4);
        int loudest = 0;
        for (int i = 0; i < pcm.length; i += 2) {
            loudest = Math.max(loudest, Math.abs((short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8))));
        }
        assertThat(loudest).isBetween(10_000, 14_000);
    }
}
