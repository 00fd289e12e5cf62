package org.onewindow.cache.bench;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.onewindow.cache.crypto.WorkstationKeys;
import org.onewindow.cache.outbox.SqliteEvidenceStore;
import org.onewindow.cache.outbox.StoreOptions;
import org.onewindow.cache.sync.SyncEngine;
import org.onewindow.cache.sync.SyncResult;
import org.onewindow.cache.testing.TestPackages;
import org.onewindow.core.evidence.EvidenceItem;
import org.onewindow.core.evidence.EvidencePackage;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.verification.backend.BackendConfig;
import org.onewindow.verification.backend.HttpHallServices;

/**
 * The outbox's two hot paths, each with its floor measured in the same run (docs/archive.md):
 * <ol>
 *   <li>commit latency of a typical package (ID card text, ID photo, face frame, two document pages),
 *       interleaved with the floor: appending the same number of bytes to a plain file and fsyncing it;</li>
 *   <li>sync throughput: a backlog of packages drained to the sandbox archive over loopback HTTP.</li>
 * </ol>
 * Run: {@code offline-cache/bench.sh [--commits N] [--backlog N] [--dir D] [--keep]} from the repository root.
 * {@code --backlog 0} measures the commit only (quick iterations); a folder made by the harness is deleted at
 * the end (the latency database and the floor file alone take ~900 MB) unless {@code --keep} is given.
 * Not a unit test: timings belong here, never in assertions.
 */
public final class OutboxBenchmark {
    // sizes of a typical package as captured at the counter (JPEGs do not compress: random bytes stand in)
    static final int PHOTO = 8 * 1024;          // ID-card photo, 102x126 decoded and re-encoded
    static final int FACE = 40 * 1024;          // face frame, 640x480 JPEG
    static final int PAGE = 200 * 1024;         // document page, A4 at ~150 dpi JPEG
    // the backlog uses smaller pages so that 10,000 packages fit a developer's disk: ~90 kB each
    static final int BACKLOG_PAGE = 30 * 1024;
    static final int BACKLOG_FACE = 20 * 1024;

    private OutboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int commits = 300;
        int backlog = 10_000;
        Path dir = null;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--commits" -> commits = Integer.parseInt(args[++i]);
                case "--backlog" -> backlog = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        boolean made = dir == null;
        if (made) {
            Path target = Files.createDirectories(Path.of("offline-cache", "target").toAbsolutePath());
            dir = Files.createTempDirectory(target, "outbox-bench");
        }
        System.out.printf(Locale.ROOT, "OneWindow outbox benchmark in %s (java %s, %d cpus)%n", dir,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        WorkstationKeys keys = WorkstationKeys.openInFolder(dir.resolve("keys"), "WS-BENCH");
        try {
            commitLatency(dir, keys, commits);
            if (backlog > 0) {
                syncThroughput(dir, keys, backlog);
            } else {
                System.out.printf(Locale.ROOT, "%nSync throughput: skipped (--backlog 0)%n");
            }
        } finally {
            if (made && !keep) {
                deleteTree(dir);
            }
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void commitLatency(Path dir, WorkstationKeys keys, int rounds) throws Exception {
        Path floorFile = dir.resolve("floor.bin");
        long[] commit = new long[rounds];
        long[] floor = new long[rounds];
        long[] commitCpu = new long[rounds];
        long[] floorCpu = new long[rounds];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        // the JIT needs hundreds of rounds before AES-GCM (GHASH) and SHA-256 run as intrinsics (several times
        // faster), more on a busy machine where the compiler threads get little CPU
        int warmUp = 600;
        long coldFirstCommit = 0;
        long packageBytes = 0;
        try (SqliteEvidenceStore store = SqliteEvidenceStore.open(dir.resolve("latency"), keys, Clock.systemUTC(),
                StoreOptions.DEFAULTS);
             FileChannel raw = FileChannel.open(floorFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.APPEND)) {
            for (int i = -warmUp; i < rounds; i++) {
                EvidencePackage p = TestPackages.typical("lat-" + (i + warmUp), "case-" + i, i, PHOTO, FACE, PAGE);
                byte[] sameBytes = concat(p);
                packageBytes = sameBytes.length;
                // interleaved so that both see the same disk at the same moment
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                store.commit(p);
                long t1 = System.nanoTime();
                long c1 = threads.getCurrentThreadCpuTime();
                raw.write(ByteBuffer.wrap(sameBytes));
                raw.force(true);
                long t2 = System.nanoTime();
                long c2 = threads.getCurrentThreadCpuTime();
                if (i == -warmUp) {
                    coldFirstCommit = t1 - t0;
                }
                if (i >= 0) {
                    commitCpu[i] = c1 - c0;
                    floorCpu[i] = c2 - c1;
                    commit[i] = t1 - t0;
                    floor[i] = t2 - t1;
                }
            }
        }
        Arrays.sort(commit);
        Arrays.sort(floor);
        Arrays.sort(commitCpu);
        Arrays.sort(floorCpu);
        System.out.printf(Locale.ROOT, "%nCommit latency, typical package (%d bytes of content, 5 items, %d rounds)%n",
                packageBytes, rounds);
        System.out.printf(Locale.ROOT, "  commit (encrypt + sign + SQLite WAL, synchronous=FULL): p50 %.2f ms  p95 %.2f ms  p99 %.2f ms%n",
                ms(pct(commit, 50)), ms(pct(commit, 95)), ms(pct(commit, 99)));
        System.out.printf(Locale.ROOT, "  floor  (append same bytes to a file + fsync):            p50 %.2f ms  p95 %.2f ms  p99 %.2f ms%n",
                ms(pct(floor, 50)), ms(pct(floor, 95)), ms(pct(floor, 99)));
        System.out.printf(Locale.ROOT, "  commit CPU time on the calling thread (load-independent):  p50 %.2f ms  p95 %.2f ms%n",
                ms(pct(commitCpu, 50)), ms(pct(commitCpu, 95)));
        System.out.printf(Locale.ROOT, "  floor CPU time (the write and fsync system calls):          p50 %.2f ms  p95 %.2f ms%n",
                ms(pct(floorCpu, 50)), ms(pct(floorCpu, 95)));
        System.out.printf(Locale.ROOT, "  p95 ratio commit/floor: %.2f (target <= 3.0), p95 commit <= 15 ms: %s%n",
                (double) pct(commit, 95) / pct(floor, 95), ms(pct(commit, 95)) <= 15.0 ? "yes" : "NO");
        System.out.printf(Locale.ROOT, "  first commit after start (cold JIT, not in the percentiles): %.2f ms%n", ms(coldFirstCommit));
        System.out.printf(Locale.ROOT, "  load average at the end: %.1f on %d cpus (other work on the machine inflates every figure)%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    private static void syncThroughput(Path dir, WorkstationKeys keys, int backlog) throws Exception {
        try (SandboxBackend sandbox = SandboxBackend.start(dir.resolve("sandbox"), 0);
             HttpHallServices archive = new HttpHallServices(new BackendConfig(sandbox.baseUri(), "WS-BENCH",
                     Duration.ofSeconds(2), Duration.ofSeconds(30)));
             SqliteEvidenceStore store = SqliteEvidenceStore.open(dir.resolve("backlog"), keys, Clock.systemUTC(),
                     StoreOptions.DEFAULTS)) {
            // the same for the sync path (HTTP client, sandbox, decryption): drain a small backlog first
            for (int i = 0; i < 500; i++) {
                store.commit(TestPackages.typical("warm-" + i, "case-w", i, PHOTO, BACKLOG_FACE, BACKLOG_PAGE));
            }
            try (SyncEngine warmUp = SyncEngine.builder(store, archive).build()) {
                warmUp.syncOnce();
            }
            long fill0 = System.nanoTime();
            long bytes = 0;
            for (int i = 0; i < backlog; i++) {
                EvidencePackage p = TestPackages.typical("bl-" + i, "case-" + i, i, PHOTO, BACKLOG_FACE, BACKLOG_PAGE);
                bytes += concat(p).length;
                store.commit(p);
            }
            double fillSeconds = (System.nanoTime() - fill0) / 1e9;
            System.out.printf(Locale.ROOT, "%nSync throughput: backlog of %d packages (%.1f MB of content) built in %.1f s%n",
                    backlog, bytes / 1e6, fillSeconds);
            try (SyncEngine engine = SyncEngine.builder(store, archive).receiptKey(sandbox.receiptKey()).build()) {
                var os = (com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                SyncResult result = engine.syncOnce();
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpuMsPerPackage = (os.getProcessCpuTime() - cpu0) / 1e6 / Math.max(1, result.archived());
                System.out.printf(Locale.ROOT, "  drained %d packages in %.1f s: %.0f packages/s, %.1f MB/s (target >= 100 packages/s)%n",
                        result.archived(), seconds, result.archived() / seconds, bytes / 1e6 / seconds);
                System.out.printf(Locale.ROOT, "  (4 packages in flight; load average %.1f)%n", os.getSystemLoadAverage());
                System.out.printf(Locale.ROOT, "  CPU per package, client + sandbox archive in this process: %.2f ms "
                        + "(%d cpus: a ceiling of ~%.0f packages/s on an idle machine)%n", cpuMsPerPackage,
                        Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().availableProcessors() * 1000 / cpuMsPerPackage);
                System.out.printf(Locale.ROOT, "  archive holds %d packages (500 of them from the warm-up); outbox pending %d, blocked %d%n",
                        sandbox.archive().packageCount(), store.status().pending(), store.status().blocked());
            }
            store.compact();
            System.out.printf(Locale.ROOT, "  outbox after purge + compaction: %d kB%n",
                    Files.size(dir.resolve("backlog").resolve(SqliteEvidenceStore.DATABASE_FILE)) / 1024);
        }
    }

    private static byte[] concat(EvidencePackage p) {
        int n = 0;
        for (EvidenceItem item : p.items()) {
            n += item.content().length;
        }
        ByteBuffer all = ByteBuffer.allocate(n);
        p.items().stream().map(EvidenceItem::content).forEach(all::put);
        return all.array();
    }

    private static long pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
