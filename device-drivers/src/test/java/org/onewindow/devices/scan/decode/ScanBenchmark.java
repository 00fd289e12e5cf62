package org.onewindow.devices.scan.decode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Stock ZXing (default hints, TRY_HARDER) against the pipeline, in one process on the same images:
 * decode rate and misreads on the hard corpus, then median / 95th-percentile latency per frame on clean
 * frames with a code and frames without one, at 640x480 and 1280x720. Decoders take turns frame by
 * frame so machine load hits them alike. Prints a Markdown report and writes it to
 * target/scan-benchmark.md.
 *
 * Run with the {@code scan-benchmark} profile (docs/scanners.md); {@code --latency-only} skips the corpus.
 */
public final class ScanBenchmark {

    private static final int FRAMES_PER_SET = 24;
    private static final int WARMUP_ROUNDS = 3;
    private static final int MEASURED_ROUNDS = 8;

    private record Contender(String name, Supplier<CodeDecoder> factory) {
    }

    private static final List<Contender> CONTENDERS = List.of(
            new Contender("zxing default", () -> new StockZxingDecoder(false)),
            new Contender("zxing TRY_HARDER", () -> new StockZxingDecoder(true)),
            new Contender("pipeline", PipelineDecoder::new));

    public static void main(String[] args) throws Exception {
        StringBuilder report = new StringBuilder();
        report.append("# Scan benchmark\n\n");
        report.append(String.format(Locale.ROOT, "JDK %s, %d cores, load average at start %.1f%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        boolean latencyOnly = Arrays.asList(args).contains("--latency-only");
        if (!latencyOnly) {
            corpusSection(report, PipelineBlackBoxTest.CACHE);
        }
        latencySection(report);
        System.out.print(report);
        Path out = Path.of("target", "scan-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
    }

    private static void corpusSection(StringBuilder report, Path cache) throws Exception {
        report.append("## Hard corpus: images read completely (every code), misreads\n\n");
        report.append("| category | n |");
        CONTENDERS.forEach(c -> report.append(' ').append(c.name()).append(" |"));
        report.append("\n|---|---|");
        CONTENDERS.forEach(c -> report.append("---|"));
        report.append('\n');
        int[] passed = new int[CONTENDERS.size()];
        int[] misreads = new int[CONTENDERS.size()];
        int total = 0;
        for (HardCorpus.Category category : HardCorpus.categories()) {
            List<HardCorpus.Sample> samples = HardCorpus.cached(category, cache);
            total += samples.size();
            report.append("| ").append(category.name()).append(" | ").append(samples.size()).append(" |");
            for (int i = 0; i < CONTENDERS.size(); i++) {
                CorpusReport.Score s = CorpusReport.score(CONTENDERS.get(i).factory().get(), samples);
                passed[i] += s.passed();
                misreads[i] += s.misreads();
                report.append(' ').append(s.passed()).append(s.misreads() > 0 ? " (" + s.misreads() + " misread)" : "")
                        .append(" |");
            }
            report.append('\n');
        }
        report.append("| **all** | ").append(total).append(" |");
        for (int i = 0; i < CONTENDERS.size(); i++) {
            report.append(String.format(Locale.ROOT, " **%.1f %%** (%d misreads) |", 100.0 * passed[i] / total, misreads[i]));
        }
        List<HardCorpus.Sample> negatives = HardCorpus.cached(HardCorpus.negativeCategory(12), cache);
        report.append("\n| negatives (codes reported) | ").append(negatives.size()).append(" |");
        for (Contender c : CONTENDERS) {
            report.append(' ').append(CorpusReport.score(c.factory().get(), negatives).misreads()).append(" |");
        }
        report.append("\n\n");
    }

    private static void latencySection(StringBuilder report) {
        report.append("## Latency per frame (ms, one thread)\n\n");
        report.append("Wall time, and the decoding thread's CPU time (less disturbed when other work shares the cores).\n\n");
        report.append("| frames | decoder | read | median | p95 | median CPU | p95 CPU |\n|---|---|---|---|---|---|---|\n");
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, List<LuminanceSource>> sets = new LinkedHashMap<>();
        sets.put("640x480 clean QR", frames(640, 480, true));
        sets.put("640x480 no code", frames(640, 480, false));
        sets.put("1280x720 clean QR", frames(1280, 720, true));
        sets.put("1280x720 no code", frames(1280, 720, false));
        for (Map.Entry<String, List<LuminanceSource>> set : sets.entrySet()) {
            List<CodeDecoder> decoders = CONTENDERS.stream().map(c -> c.factory().get()).toList();
            List<List<Double>> times = new ArrayList<>();
            List<List<Double>> cpuTimes = new ArrayList<>();
            int[] read = new int[decoders.size()];
            for (int i = 0; i < decoders.size(); i++) {
                times.add(new ArrayList<>());
                cpuTimes.add(new ArrayList<>());
            }
            for (int round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
                for (LuminanceSource frame : set.getValue()) {
                    for (int d = 0; d < decoders.size(); d++) {
                        long c0 = threads.getCurrentThreadCpuTime();
                        long t0 = System.nanoTime();
                        List<DecodedCode> codes = decoders.get(d).decode(frame);
                        long t1 = System.nanoTime();
                        long c1 = threads.getCurrentThreadCpuTime();
                        if (round >= WARMUP_ROUNDS) {
                            times.get(d).add((t1 - t0) / 1e6);
                            cpuTimes.get(d).add((c1 - c0) / 1e6);
                            if (round == WARMUP_ROUNDS && !codes.isEmpty()) {
                                read[d]++;
                            }
                        }
                    }
                }
            }
            for (int d = 0; d < decoders.size(); d++) {
                double[] sorted = times.get(d).stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double[] cpu = cpuTimes.get(d).stream().mapToDouble(Double::doubleValue).sorted().toArray();
                report.append(String.format(Locale.ROOT, "| %s | %s | %d/%d | %.2f | %.2f | %.2f | %.2f |%n", set.getKey(),
                        CONTENDERS.get(d).name(), read[d], set.getValue().size(), percentile(sorted, 50),
                        percentile(sorted, 95), percentile(cpu, 50), percentile(cpu, 95)));
            }
        }
        report.append('\n');
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Desk frames with printed text; with a clean, upright-ish QR (4-6 px per module) when {@code withCode}. */
    static List<LuminanceSource> frames(int width, int height, boolean withCode) {
        List<LuminanceSource> frames = new ArrayList<>();
        for (int i = 0; i < FRAMES_PER_SET; i++) {
            Random rnd = new Random(Arrays.hashCode(new int[] {width, height, withCode ? 1 : 0, i}));
            CodeScene scene = CodeScene.desk(width, height, rnd, true);
            if (withCode) {
                BitMatrix bits = CodeScene.encode(BarcodeFormat.QR_CODE, HardCorpus.eLicenceUrl(rnd), ErrorCorrectionLevel.M);
                float side = (bits.getWidth() + 8) * (4 + rnd.nextInt(3));
                scene.draw(bits, CodeScene.tiltedSquare(width / 2f + rnd.nextInt(60) - 30, height / 2f + rnd.nextInt(40) - 20,
                        side, rnd.nextDouble() * 0.3 - 0.15, 0.05, 0.05), new CodeScene.Look());
            }
            scene.gaussianBlur(0.6f);
            scene.noise(rnd, 2);
            frames.add(GrayImage.of(scene.toImage()).toLuminanceSource());
        }
        return frames;
    }
}
