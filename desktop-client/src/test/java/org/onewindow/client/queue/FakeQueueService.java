package org.onewindow.client.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.queue.PriorityClass;
import org.onewindow.core.queue.QueueEvent;
import org.onewindow.core.queue.QueueListener;
import org.onewindow.core.queue.QueueService;
import org.onewindow.core.queue.ServiceCategory;
import org.onewindow.core.queue.Ticket;
import org.onewindow.core.queue.TicketState;
import org.onewindow.core.queue.TransferTarget;
import org.onewindow.core.queue.WindowState;
import org.onewindow.core.queue.WindowStatus;

/** One window (W1, 社保) in memory, first come first served; enough to drive the view model. */
final class FakeQueueService implements QueueService {
    final Deque<Ticket> waiting = new ArrayDeque<>();
    final List<Ticket> parked = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    final AtomicInteger calledCount = new AtomicInteger();
    Ticket current;
    WindowStatus status = WindowStatus.OPEN;
    BackendException failNext;
    QueueListener listener;
    boolean subscriptionClosed;
    private final Clock clock;
    private long nextId = 1;

    FakeQueueService(Clock clock) {
        this.clock = clock;
    }

    Ticket enqueue(String number, Instant issuedAt) {
        Ticket t = new Ticket(nextId++, number, "SB", PriorityClass.REGULAR, TicketState.WAITING, issuedAt, null, null, null, 0);
        waiting.add(t);
        return t;
    }

    private WindowState state() {
        return new WindowState("W1", "1号窗口", Set.of("SB"), status, "王晓梅", current, waiting.size(), parked);
    }

    private void check(String call) throws BackendException {
        calls.add(call);
        if (failNext != null) {
            BackendException e = failNext;
            failNext = null;
            throw e;
        }
    }

    private Ticket with(Ticket t, TicketState state, Instant calledAt, int recalls) {
        return new Ticket(t.id(), t.number(), t.category(), t.priority(), state, t.issuedAt(), calledAt, "W1", null, recalls);
    }

    @Override
    public List<ServiceCategory> categories() {
        return List.of(new ServiceCategory("SB", "社保", "A"), new ServiceCategory("BDC", "不动产", "B"));
    }

    @Override
    public List<WindowState> windows() {
        return List.of(state(), new WindowState("W3", "3号窗口", Set.of("BDC"), WindowStatus.OPEN, null, null, 0, List.of()));
    }

    @Override
    public WindowState window(String windowId) throws BackendException {
        check("window");
        return state();
    }

    @Override
    public WindowState callNext(String windowId) throws BackendException {
        check("callNext");
        if (status == WindowStatus.PAUSED) {
            throw new BackendException(BackendException.Kind.REJECTED, "back-end answered 409: window-paused (the window is paused)");
        }
        Ticket next = waiting.poll();
        current = next == null ? null : with(next, TicketState.CALLED, clock.instant(), 0);
        if (next != null) {
            calledCount.incrementAndGet();
        }
        return state();
    }

    @Override
    public WindowState recall(String windowId) throws BackendException {
        check("recall");
        current = with(current, TicketState.CALLED, current.calledAt(), current.recallCount() + 1);
        return state();
    }

    @Override
    public WindowState transfer(String windowId, TransferTarget target) throws BackendException {
        check("transfer:" + target.kind() + ":" + target.id());
        current = null;
        return state();
    }

    @Override
    public WindowState noShow(String windowId) throws BackendException {
        check("noShow");
        current = null;
        return state();
    }

    @Override
    public WindowState park(String windowId) throws BackendException {
        check("park");
        parked.add(with(current, TicketState.PARKED, current.calledAt(), current.recallCount()));
        current = null;
        return state();
    }

    @Override
    public WindowState resumeParked(String windowId, long ticketId) throws BackendException {
        check("resumeParked:" + ticketId);
        Ticket t = parked.stream().filter(p -> p.id() == ticketId).findFirst().orElseThrow();
        parked.remove(t);
        current = with(t, TicketState.CALLED, clock.instant(), t.recallCount());
        return state();
    }

    @Override
    public WindowState finish(String windowId) throws BackendException {
        check("finish");
        current = null;
        return state();
    }

    @Override
    public WindowState pause(String windowId) throws BackendException {
        check("pause");
        status = WindowStatus.PAUSED;
        return state();
    }

    @Override
    public WindowState resume(String windowId) throws BackendException {
        check("resume");
        status = WindowStatus.OPEN;
        return state();
    }

    @Override
    public int waitingCount(String windowId) {
        return waiting.size();
    }

    @Override
    public Ticket issueTicket(String categoryCode, PriorityClass priority) {
        return enqueue("A" + nextId, clock.instant());
    }

    @Override
    public Ticket checkIn(String appointmentCode) {
        throw new UnsupportedOperationException("not used by the view model");
    }

    @Override
    public Subscription subscribe(QueueListener l) {
        this.listener = l;
        return () -> subscriptionClosed = true;
    }

    /** Pushes an event as the stream thread would. */
    void push(QueueEvent.Type type, String windowId, Map<String, Integer> byCategory, Map<String, Integer> byWindow) {
        listener.onEvent(new QueueEvent(1, type, clock.instant(), windowId, null, byCategory, byWindow));
    }
}
