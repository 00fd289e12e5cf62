package org.onewindow.client.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.queue.QueueEvent;
import org.onewindow.core.queue.TransferTarget;
import org.onewindow.core.queue.WindowStatus;

class QueueViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    /** Runs background work only when the test says so, to see the state while a call is in flight. */
    private static final class ManualExecutor implements Executor {
        final Deque<Runnable> pending = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            pending.add(r);
        }

        void runAll() {
            while (!pending.isEmpty()) {
                pending.poll().run();
            }
        }
    }

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final FakeQueueService queue = new FakeQueueService(clock);
    private final ManualExecutor background = new ManualExecutor();
    private final Deque<Runnable> uiQueue = new ArrayDeque<>();
    private final Executor ui = uiQueue::add;
    private QueueViewModel model;

    @BeforeEach
    void create() {
        model = new QueueViewModel(queue, "W1", background, ui, clock, QueueViewModel.bundle(Locale.ENGLISH));
    }

    /** Background work, then what it handed to the UI seam, until nothing is left. */
    private void settle() {
        while (!background.pending.isEmpty() || !uiQueue.isEmpty()) {
            background.runAll();
            while (!uiQueue.isEmpty()) {
                uiQueue.poll().run();
            }
        }
    }

    @Test
    void callNextShowsTheTicketAndHowLongItWaited() {
        queue.enqueue("A001", NOW.minus(Duration.ofMinutes(12).plusSeconds(5)));
        queue.enqueue("A002", NOW);
        model.start();
        settle();
        assertThat(model.waitingCountProperty().get()).isEqualTo(2);

        model.callNext();
        settle();
        assertThat(model.currentNumberProperty().get()).isEqualTo("A001");
        assertThat(model.waitedProperty().get()).isEqualTo("12:05");
        assertThat(model.waitingCountProperty().get()).isEqualTo(1);
        assertThat(model.windowNameProperty().get()).isEqualTo("1号窗口");
        assertThat(model.clerkNameProperty().get()).isEqualTo("王晓梅");
    }

    @Test
    void propertiesChangeOnlyThroughTheUiSeam() {
        queue.enqueue("A001", NOW);
        model.callNext();
        background.runAll();
        assertThat(model.currentNumberProperty().get()).as("not yet handed to the UI").isEmpty();
        assertThat(uiQueue).hasSize(1);
        uiQueue.poll().run();
        assertThat(model.currentNumberProperty().get()).isEqualTo("A001");
    }

    @Test
    void aSecondKeyPressWhileACallRunsIsIgnored() {
        queue.enqueue("A001", NOW);
        queue.enqueue("A002", NOW);
        model.callNext();
        assertThat(model.busyProperty().get()).isTrue();
        model.callNext();
        settle();
        assertThat(queue.calledCount.get()).isEqualTo(1);
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.currentNumberProperty().get()).isEqualTo("A001");
    }

    @Test
    void nobodyWaitingIsAHintNotAnError() {
        model.callNext();
        settle();
        assertThat(model.currentProperty().get()).isNull();
        assertThat(model.messageProperty().get()).isEqualTo("Nobody is waiting for this window.");
    }

    @Test
    void rejectionByThePausedWindowReadsAsASentenceForTheClerk() {
        queue.status = WindowStatus.PAUSED;
        model.callNext();
        settle();
        assertThat(model.messageProperty().get()).isEqualTo("The window is paused. Open it (F9) to call tickets.");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void unreachableBackEndIsReportedByKind() {
        queue.failNext = new BackendException(BackendException.Kind.UNREACHABLE, "back-end unreachable at http://x");
        model.callNext();
        settle();
        assertThat(model.messageProperty().get()).startsWith("The queue service cannot be reached");
    }

    @Test
    void recallTransferNoShowAndParkNeedACurrentTicket() {
        model.recall();
        model.noShow();
        model.park();
        model.transfer(TransferTarget.category("BDC"));
        settle();
        assertThat(queue.calls).isEmpty();
    }

    @Test
    void transferSendsTheChosenTargetAndClearsTheDesk() {
        queue.enqueue("A001", NOW);
        model.callNext();
        settle();
        model.transfer(TransferTarget.window("W3"));
        settle();
        assertThat(queue.calls).contains("transfer:WINDOW:W3");
        assertThat(model.currentProperty().get()).isNull();
    }

    @Test
    void parkedTicketIsListedAndResumed() {
        queue.enqueue("A001", NOW);
        queue.enqueue("A002", NOW);
        model.callNext();
        settle();
        model.park();
        settle();
        assertThat(model.parked()).extracting(t -> t.number()).containsExactly("A001");
        model.callNext();
        settle();
        model.resumeParked(model.parked().get(0));
        settle();
        assertThat(model.currentNumberProperty().get()).isEqualTo("A001");
        assertThat(model.parked()).isEmpty();
    }

    @Test
    void pushedEventsKeepTheWaitingCountForThisWindowsCategories() {
        model.start();
        settle();
        queue.push(QueueEvent.Type.TICKET_ISSUED, null, Map.of("SB", 4, "BDC", 9), Map.of("W1", 1, "W3", 2));
        settle();
        assertThat(model.waitingCountProperty().get()).isEqualTo(5);
    }

    @Test
    void eventsBeforeTheWindowIsLoadedDoNotGuessTheCount() {
        model.start(); // subscribed, window not loaded yet (background work pending)
        queue.push(QueueEvent.Type.TICKET_ISSUED, null, Map.of("SB", 4), Map.of());
        while (!uiQueue.isEmpty()) {
            uiQueue.poll().run();
        }
        assertThat(model.waitingCountProperty().get()).isZero();
        queue.enqueue("A001", NOW);
        settle();
        assertThat(model.waitingCountProperty().get()).isEqualTo(1);
    }

    @Test
    void reconnectReloadsTheWindowAndMarksTheStreamLive() {
        model.start();
        settle();
        queue.listener.onDisconnected(new java.io.IOException("gone"));
        settle();
        assertThat(model.connectedProperty().get()).isFalse();
        queue.enqueue("A001", NOW);
        queue.listener.onEvent(QueueEvent.resync(NOW));
        settle();
        assertThat(model.connectedProperty().get()).isTrue();
        assertThat(model.waitingCountProperty().get()).isEqualTo(1);
        assertThat(queue.calls.stream().filter("window"::equals)).hasSize(2);
    }

    @Test
    void pauseByASupervisorElsewhereIsFollowed() {
        model.start();
        settle();
        queue.push(QueueEvent.Type.WINDOW_PAUSED, "W1", Map.of(), Map.of());
        settle();
        assertThat(model.statusProperty().get()).isEqualTo(WindowStatus.PAUSED);
        queue.push(QueueEvent.Type.WINDOW_PAUSED, "W3", Map.of(), Map.of());
        model.togglePause();
        settle();
        assertThat(queue.calls).contains("resume");
        assertThat(model.statusProperty().get()).isEqualTo(WindowStatus.OPEN);
    }

    @Test
    void transferTargetsAreOtherWindowsAndAllCategoriesWithReadableNames() {
        model.start();
        settle();
        assertThat(model.transferTargets()).containsExactly(TransferTarget.category("SB"), TransferTarget.category("BDC"),
                TransferTarget.window("W3"));
        assertThat(model.describe(TransferTarget.window("W3"))).isEqualTo("Window: 3号窗口");
        assertThat(model.describe(TransferTarget.category("BDC"))).isEqualTo("Queue: 不动产");
    }

    @Test
    void closingStopsTheSubscription() {
        model.start();
        model.close();
        assertThat(queue.subscriptionClosed).isTrue();
    }

    @Test
    void longWaitsShowHours() {
        assertThat(QueueViewModel.format(Duration.ofSeconds(3 * 3600 + 65))).isEqualTo("3:01:05");
        assertThat(QueueViewModel.format(Duration.ofSeconds(59))).isEqualTo("0:59");
    }
}
