package org.onewindow.verification.backend.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.queue.PriorityClass;
import org.onewindow.core.queue.WindowState;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.verification.backend.HttpHallServices;

class QueueConcurrencyTest {
    static {
        QuietLogs.apply();
    }

    private static final int TICKETS = 200;

    @TempDir
    Path dataDir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoWindowsCallingAtOnceNeverGetTheSameTicket() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (SandboxBackend backend = SandboxBackend.start(dataDir, 0);
             HttpHallServices one = HttpQueueServiceTest.signedIn(backend.baseUri(), "demo");
             HttpHallServices two = HttpQueueServiceTest.signedIn(backend.baseUri(), "demo2")) {
            HttpQueueService kiosk = new HttpQueueService(one);
            Set<Long> issued = new HashSet<>();
            for (int i = 0; i < TICKETS; i++) {
                issued.add(kiosk.issueTicket("SB", i % 7 == 0 ? PriorityClass.ELDERLY : PriorityClass.REGULAR).id());
            }
            // W1 and W2 both serve 社保; each call is released by the same barrier so they really collide
            CyclicBarrier together = new CyclicBarrier(2);
            AtomicBoolean drained = new AtomicBoolean();
            Future<List<Long>> w1 = pool.submit(caller(new HttpQueueService(one), "W1", together, drained));
            Future<List<Long>> w2 = pool.submit(caller(new HttpQueueService(two), "W2", together, drained));
            List<Long> all = new ArrayList<>(w1.get());
            all.addAll(w2.get());

            assertThat(all).doesNotHaveDuplicates();
            assertThat(new HashSet<>(all)).isEqualTo(issued);
            assertThat(w1.get()).isNotEmpty();
            assertThat(w2.get()).isNotEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<List<Long>> caller(HttpQueueService queue, String window, CyclicBarrier together,
                                               AtomicBoolean drained) {
        return () -> {
            List<Long> got = new ArrayList<>();
            while (true) {
                together.await(30, TimeUnit.SECONDS);
                WindowState w = queue.callNext(window);
                if (w.current() == null) {
                    drained.set(true);
                } else {
                    got.add(w.current().id());
                }
                // both windows end in the same round (nothing is issued any more once one found the queue empty)
                together.await(30, TimeUnit.SECONDS);
                if (drained.get()) {
                    return got;
                }
            }
        };
    }
}
