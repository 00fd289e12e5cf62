package org.onewindow.verification.backend.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.queue.PriorityClass;
import org.onewindow.core.queue.QueueEvent;
import org.onewindow.core.queue.WindowState;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.verification.backend.BackendConfig;
import org.onewindow.verification.backend.HttpHallServices;

/**
 * The queue under a hall's worst hour, over loopback: four kiosks issue 5,000 tickets while 100 windows
 * call, each serving its citizen for a simulated 50-250 ms (minutes in a real hall, compressed) before calling
 * again. Asserts only correctness (every ticket called exactly once, none left, every
 * call pushed); the call-next latency is measured and written to target/queue-load.txt for docs/queue.md.
 */
class QueueLoadTest {
    static {
        QuietLogs.apply();
    }

    private static final int WINDOWS = 100;
    private static final int TICKETS = 5_000;
    private static final int KIOSKS = 4;
    private static final int BASELINE_TICKETS = 200;
    private static final String[] CATEGORIES = {"SB", "BDC", "HJ", "ZH"};
    /** Simulated service time per ticket (a real one takes minutes; compressed ~1000x). */
    private static final int SERVICE_MILLIS_MIN = 50;
    private static final int SERVICE_MILLIS_MAX = 250;

    @TempDir
    Path dataDir;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void hundredWindowsServeFiveThousandTicketsNoneLostNoneTwice() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WINDOWS + KIOSKS);
        List<HttpHallServices> clients = new ArrayList<>();
        try (SandboxBackend backend = SandboxBackend.start(dataDir, 0)) {
            HttpHallServices supervisor = HttpQueueServiceTest.signedIn(backend.baseUri(), "supervisor");
            clients.add(supervisor);
            HttpQueueService admin = new HttpQueueService(supervisor);
            List<String> windowIds = new ArrayList<>();
            for (int i = 0; i < WINDOWS; i++) {
                String id = String.format("L%03d", i + 1);
                // neighbouring windows share categories, so every queue is contended by ~50 windows
                admin.defineWindow(id, id, List.of(CATEGORIES[i % 4], CATEGORIES[(i + 1) % 4]));
                windowIds.add(id);
            }
            RecordingListener pushed = new RecordingListener();
            try (var sub = admin.subscribe(pushed)) {
                pushed.await(e -> e.type() == QueueEvent.Type.RESYNC, Duration.ofSeconds(10));
                long[] alone = baseline(admin);

                Set<Long> issued = ConcurrentHashMap.newKeySet();
                Set<Long> called = ConcurrentHashMap.newKeySet();
                AtomicInteger calledTwice = new AtomicInteger();
                AtomicInteger servedCount = new AtomicInteger();
                ConcurrentLinkedQueue<Long> serveNanos = new ConcurrentLinkedQueue<>();
                ConcurrentLinkedQueue<Long> emptyNanos = new ConcurrentLinkedQueue<>();
                ConcurrentLinkedQueue<Long> issueNanos = new ConcurrentLinkedQueue<>();
                CountDownLatch morningQueue = new CountDownLatch(TICKETS / 2);
                AtomicInteger issuing = new AtomicInteger(KIOSKS);
                long started = System.nanoTime();

                List<Future<?>> work = new ArrayList<>();
                for (int k = 0; k < KIOSKS; k++) {
                    HttpHallServices kioskHall = new HttpHallServices(BackendConfig.of(backend.baseUri(), "kiosk-" + k));
                    clients.add(kioskHall);
                    HttpQueueService kiosk = new HttpQueueService(kioskHall);
                    Random random = new Random(k);
                    work.add(pool.submit(() -> {
                        try {
                            for (int n = 0; n < TICKETS / KIOSKS; n++) {
                                long t0 = System.nanoTime();
                                issued.add(kiosk.issueTicket(CATEGORIES[random.nextInt(4)], priority(random)).id());
                                issueNanos.add(System.nanoTime() - t0);
                                morningQueue.countDown();
                            }
                        } finally {
                            issuing.decrementAndGet();
                        }
                        return null;
                    }));
                }
                // the doors open with half of the tickets already taken; kiosks keep issuing the rest meanwhile
                morningQueue.await();
                for (int i = 0; i < windowIds.size(); i++) {
                    String windowId = windowIds.get(i);
                    HttpHallServices clerkHall = HttpQueueServiceTest.signedIn(backend.baseUri(), "demo");
                    clients.add(clerkHall);
                    HttpQueueService clerk = new HttpQueueService(clerkHall);
                    Random serviceTimes = new Random(1000 + i);
                    work.add(pool.submit(() -> {
                        while (servedCount.get() < TICKETS) {
                            boolean kiosksDone = issuing.get() == 0;
                            long t0 = System.nanoTime();
                            WindowState w = clerk.callNext(windowId);
                            long took = System.nanoTime() - t0;
                            if (w.current() == null) {
                                emptyNanos.add(took);
                                if (kiosksDone) {
                                    return null; // its queues are empty and no ticket will come any more
                                }
                                // an idle clerk looks up again a moment later (no busy polling of the back-end)
                                Thread.sleep(SERVICE_MILLIS_MAX);
                                continue;
                            }
                            serveNanos.add(took);
                            if (!called.add(w.current().id())) {
                                calledTwice.incrementAndGet();
                            }
                            servedCount.incrementAndGet();
                            // serving the citizen: minutes in a hall, compressed here to a fraction of a second
                            Thread.sleep(SERVICE_MILLIS_MIN + serviceTimes.nextInt(SERVICE_MILLIS_MAX - SERVICE_MILLIS_MIN));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : work) {
                    f.get();
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                long expectedCalls = TICKETS + BASELINE_TICKETS;
                QueueEvent lastCall = pushed.await(
                        e -> pushed.count(x -> x.type() == QueueEvent.Type.TICKET_CALLED) >= expectedCalls, Duration.ofSeconds(30));

                assertThat(issued).hasSize(TICKETS);
                assertThat(calledTwice.get()).as("tickets called twice").isZero();
                assertThat(called).as("every issued ticket called, none invented").isEqualTo(issued);
                assertThat(admin.window("W6").waitingCount()).as("tickets left waiting").isZero();
                assertThat(pushed.count(e -> e.type() == QueueEvent.Type.TICKET_CALLED)).isEqualTo(expectedCalls);
                assertThat(lastCall).isNotNull();

                report(seconds, serveNanos, emptyNanos, issueNanos, alone);
            }
        } finally {
            pool.shutdownNow();
            clients.forEach(HttpHallServices::close);
        }
    }

    /** The same call with no contention, measured in the same run: what the server's work alone costs. */
    private static long[] baseline(HttpQueueService queue) throws Exception {
        for (int i = 0; i < BASELINE_TICKETS; i++) {
            queue.issueTicket("HJ", PriorityClass.REGULAR);
        }
        long[] took = new long[BASELINE_TICKETS];
        for (int i = 0; i < BASELINE_TICKETS; i++) {
            long t0 = System.nanoTime();
            WindowState w = queue.callNext("W5");
            took[i] = System.nanoTime() - t0;
            assertThat(w.current()).isNotNull();
        }
        queue.finish("W5");
        Arrays.sort(took);
        return took;
    }

    private static PriorityClass priority(Random random) {
        int r = random.nextInt(100);
        return r < 8 ? PriorityClass.ELDERLY : r < 12 ? PriorityClass.DISABLED : r < 22 ? PriorityClass.APPOINTMENT
                : PriorityClass.REGULAR;
    }

    private static void report(double seconds, ConcurrentLinkedQueue<Long> serveNanos, ConcurrentLinkedQueue<Long> emptyNanos,
                               ConcurrentLinkedQueue<Long> issueNanos, long[] alone) throws IOException {
        long[] issue = issueNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] serve = serveNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] all = java.util.stream.LongStream.concat(Arrays.stream(serve),
                emptyNanos.stream().mapToLong(Long::longValue)).sorted().toArray();
        Map<String, String> figures = new java.util.LinkedHashMap<>();
        figures.put("windows", Integer.toString(WINDOWS));
        figures.put("kiosks", Integer.toString(KIOSKS));
        figures.put("tickets", Integer.toString(TICKETS));
        figures.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        figures.put("wall seconds", String.format(Locale.ROOT, "%.1f", seconds));
        figures.put("baseline, one window alone: call-next count", Integer.toString(alone.length));
        figures.put("  alone p50 ms", ms(alone, 0.50));
        figures.put("  alone p95 ms", ms(alone, 0.95));
        figures.put("call-next that got a ticket: count", Integer.toString(serve.length));
        figures.put("  p50 ms", ms(serve, 0.50));
        figures.put("  p95 ms", ms(serve, 0.95));
        figures.put("  p99 ms", ms(serve, 0.99));
        figures.put("  max ms", ms(serve, 1.0));
        figures.put("all call-next (incl. nobody waiting): count", Integer.toString(all.length));
        figures.put("  p50 ms ", ms(all, 0.50));
        figures.put("  p95 ms ", ms(all, 0.95));
        figures.put("kiosk issue: p50 ms", ms(issue, 0.50));
        figures.put("kiosk issue: p95 ms", ms(issue, 0.95));
        figures.put("load average (1 min) at the end", String.format(Locale.ROOT, "%.1f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        StringBuilder text = new StringBuilder("queue load test (QueueLoadTest)\n");
        figures.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
        System.out.print(text);
        Path out = Path.of("target", "queue-load.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
    }

    private static String ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "n/a";
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return String.format(Locale.ROOT, "%.1f", sorted[Math.max(0, index)] / 1e6);
    }
}
