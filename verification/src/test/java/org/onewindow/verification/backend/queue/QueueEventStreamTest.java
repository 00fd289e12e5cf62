package org.onewindow.verification.backend.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.queue.PriorityClass;
import org.onewindow.core.queue.QueueEvent;
import org.onewindow.core.queue.Ticket;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.verification.backend.BackendConfig;
import org.onewindow.verification.backend.HttpHallServices;

class QueueEventStreamTest {
    static {
        QuietLogs.apply();
    }

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    @Test
    void reconnectsAfterABackEndRestartAndReplaysWhatItMissed() throws Exception {
        SandboxBackend backend = SandboxBackend.start(dataDir, 0);
        int port = backend.port();
        RecordingListener listener = new RecordingListener();
        try (HttpHallServices kiosk = new HttpHallServices(BackendConfig.of(backend.baseUri(), "kiosk-1"))) {
            HttpQueueService queue = new HttpQueueService(kiosk, Clock.systemUTC(), Duration.ofMillis(200));
            try (var sub = queue.subscribe(listener)) {
                listener.await(e -> e.type() == QueueEvent.Type.RESYNC, WAIT);
                Ticket before = queue.issueTicket("SB", PriorityClass.REGULAR);
                listener.await(e -> e.ticket() != null && e.ticket().id() == before.id(), WAIT);

                backend.close();
                awaitDisconnect(listener);
                backend = SandboxBackend.start(dataDir, port);
                // issued before the stream is back: must arrive by replay or live, exactly once. A fresh
                // client, because the old pool's kept-alive connection died with the old back-end.
                Ticket during;
                try (HttpHallServices kiosk2 = new HttpHallServices(BackendConfig.of(backend.baseUri(), "kiosk-2"))) {
                    during = new HttpQueueService(kiosk2).issueTicket("SB", PriorityClass.REGULAR);
                }
                listener.await(e -> e.ticket() != null && e.ticket().id() == during.id(), WAIT);

                assertThat(listener.count(e -> e.type() == QueueEvent.Type.RESYNC)).isEqualTo(2);
                assertThat(listener.count(e -> e.ticket() != null && e.ticket().id() == during.id())).isEqualTo(1);
                assertThat(listener.count(e -> e.ticket() != null && e.ticket().id() == before.id())).isEqualTo(1);
                assertThat(listener.disconnects).hasSize(1);
                assertThat(during.number()).isEqualTo("A002");
            }
        } finally {
            backend.close();
        }
    }

    @Test
    void readsWorkRightAfterABackEndRestartOnTheSameClient() throws Exception {
        SandboxBackend backend = SandboxBackend.start(dataDir, 0);
        int port = backend.port();
        try (HttpHallServices hall = new HttpHallServices(BackendConfig.of(backend.baseUri(), "ws-1"))) {
            HttpQueueService queue = new HttpQueueService(hall);
            queue.issueTicket("SB", PriorityClass.REGULAR);
            assertThat(queue.window("W2").waitingCount()).isEqualTo(1); // leaves a kept-alive connection
            backend.close();
            backend = SandboxBackend.start(dataDir, port);
            assertThat(queue.window("W2").waitingCount()).isEqualTo(1);
            assertThat(queue.categories()).hasSize(4);
        } finally {
            backend.close();
        }
    }

    @Test
    void aThrowingListenerDoesNotStopTheStream() throws Exception {
        try (SandboxBackend backend = SandboxBackend.start(dataDir, 0);
             HttpHallServices kiosk = new HttpHallServices(BackendConfig.of(backend.baseUri(), "kiosk-1"))) {
            HttpQueueService queue = new HttpQueueService(kiosk);
            RecordingListener seen = new RecordingListener();
            try (var sub = queue.subscribe(e -> {
                seen.onEvent(e);
                throw new IllegalStateException("listener bug");
            })) {
                seen.await(e -> e.type() == QueueEvent.Type.RESYNC, WAIT);
                queue.issueTicket("HJ", PriorityClass.REGULAR);
                queue.issueTicket("HJ", PriorityClass.REGULAR);
                seen.await(e -> e.ticket() != null && "C002".equals(e.ticket().number()), WAIT);
                assertThat(seen.count(e -> e.type() == QueueEvent.Type.TICKET_ISSUED)).isEqualTo(2);
            }
        }
    }

    private static void awaitDisconnect(RecordingListener listener) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (listener.disconnects.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("stream never noticed the back-end went away");
            }
            Thread.sleep(20);
        }
    }
}
