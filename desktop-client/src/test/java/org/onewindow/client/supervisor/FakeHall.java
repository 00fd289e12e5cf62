package org.onewindow.client.supervisor;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.queue.PriorityClass;
import org.onewindow.core.queue.QueueListener;
import org.onewindow.core.queue.QueueService;
import org.onewindow.core.queue.ServiceCategory;
import org.onewindow.core.queue.Ticket;
import org.onewindow.core.queue.TicketState;
import org.onewindow.core.queue.TransferTarget;
import org.onewindow.core.queue.WindowState;
import org.onewindow.core.queue.WindowStatus;
import org.onewindow.core.rating.RatingLevel;
import org.onewindow.core.rating.ServiceRating;
import org.onewindow.core.supervisor.AuditRecord;
import org.onewindow.core.supervisor.CategoryStats;
import org.onewindow.core.supervisor.HallAlert;
import org.onewindow.core.supervisor.HallStats;
import org.onewindow.core.supervisor.HourlyCount;
import org.onewindow.core.supervisor.HourlyRating;
import org.onewindow.core.supervisor.RatingSummary;
import org.onewindow.core.supervisor.SupervisorService;
import org.onewindow.core.supervisor.WaitBucket;
import org.onewindow.core.supervisor.WaitingSample;
import org.onewindow.core.supervisor.WindowActivity;

/** A scripted queue + supervisor back-end for view-model tests: answers what the test put in, records calls. */
final class FakeHall implements QueueService, SupervisorService {
    static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z"); // 10:00 in the hall

    List<WindowState> windows = new ArrayList<>();
    HallStats stats;
    final List<String> calls = new ArrayList<>();
    final List<HallAlert> recordedAlerts = new ArrayList<>();
    List<HallAlert> storedAlerts = new ArrayList<>();
    BackendException failWith;
    QueueListener listener;
    boolean closed;

    FakeHall() {
        windows.add(window("W1", "1号窗口", Set.of("SB", "ZH"), WindowStatus.OPEN, "王晓梅",
                ticket(11, "A011", "SB", T0.minus(Duration.ofMinutes(20)), T0.minus(Duration.ofMinutes(7)))));
        windows.add(window("W2", "2号窗口", Set.of("SB"), WindowStatus.OPEN, "李建国", null));
        windows.add(window("W3", "3号窗口", Set.of("BDC"), WindowStatus.PAUSED, "王晓梅", null));
        windows.add(window("W6", "6号窗口", Set.of("ZH"), WindowStatus.OPEN, null, null));
        stats = stats(T0.minus(Duration.ofMinutes(25)), 4);
    }

    static WindowState window(String id, String name, Set<String> categories, WindowStatus status, String clerk, Ticket current) {
        return new WindowState(id, name, categories, status, clerk, current, 0, List.of());
    }

    static Ticket ticket(long id, String number, String category, Instant issued, Instant called) {
        return new Ticket(id, number, category, PriorityClass.REGULAR, TicketState.CALLED, issued, called, "W1", null, 0);
    }

    /** Figures with social security's oldest waiting ticket issued at {@code oldestSb} and {@code waitingSb} waiting. */
    static HallStats stats(Instant oldestSb, int waitingSb) {
        return new HallStats(DAY, T0, List.of(
                new CategoryStats("SB", "社保", waitingSb, oldestSb, Duration.ofMinutes(12), Duration.ofMinutes(6), 40, 2, 46),
                new CategoryStats("BDC", "不动产", 0, null, Duration.ofMinutes(20), Duration.ofMinutes(12), 10, 0, 10)),
                List.of(new WindowActivity("W1", T0.minusSeconds(420), 20, Duration.ofMinutes(6)),
                        new WindowActivity("W2", T0.minusSeconds(300), 20, Duration.ofMinutes(6)),
                        new WindowActivity("W3", T0.minusSeconds(3600), 10, Duration.ofMinutes(12))),
                List.of(new WaitingSample(T0.minusSeconds(3600), 3), new WaitingSample(T0, waitingSb)),
                List.of(new HourlyCount("SB", 9, 25), new HourlyCount("SB", 10, 15), new HourlyCount("BDC", 9, 10)),
                List.of(new WaitBucket(0, 5, 10), new WaitBucket(5, 10, 20), new WaitBucket(10, -1, 22)),
                new RatingSummary(Map.of(RatingLevel.VERY_SATISFIED, 30, RatingLevel.SATISFIED, 6, RatingLevel.DISSATISFIED, 2),
                        List.of(new HourlyRating(9, 20, 4.6), new HourlyRating(10, 18, 4.4))));
    }

    private void maybeFail() throws BackendException {
        if (failWith != null) {
            throw failWith;
        }
    }

    // ---- QueueService ----

    @Override
    public List<ServiceCategory> categories() {
        return List.of();
    }

    @Override
    public List<WindowState> windows() throws BackendException {
        maybeFail();
        calls.add("windows");
        return List.copyOf(windows);
    }

    @Override
    public WindowState window(String windowId) {
        return windows.stream().filter(w -> w.windowId().equals(windowId)).findFirst().orElseThrow();
    }

    @Override
    public WindowState callNext(String windowId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public WindowState recall(String windowId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public WindowState transfer(String windowId, TransferTarget target) {
        throw new UnsupportedOperationException();
    }

    @Override
    public WindowState noShow(String windowId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public WindowState park(String windowId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public WindowState resumeParked(String windowId, long ticketId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public WindowState finish(String windowId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public WindowState pause(String windowId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public WindowState resume(String windowId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int waitingCount(String windowId) {
        return 0;
    }

    @Override
    public Ticket issueTicket(String categoryCode, PriorityClass priority) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Ticket checkIn(String appointmentCode) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Subscription subscribe(QueueListener l) {
        this.listener = l;
        return () -> closed = true;
    }

    // ---- SupervisorService ----

    @Override
    public HallStats hallStats(LocalDate day) throws BackendException {
        maybeFail();
        calls.add("hallStats " + day);
        return stats;
    }

    @Override
    public List<AuditRecord> audit(LocalDate day) throws BackendException {
        maybeFail();
        return List.of(new AuditRecord(1, T0, "赵主任", "WINDOW_PAUSED", "W3", "3号窗口"));
    }

    @Override
    public WindowState setWindowCategories(String windowId, List<String> categoryCodes) {
        calls.add("categories " + windowId + " " + categoryCodes);
        return window(windowId);
    }

    @Override
    public WindowState pauseWindow(String windowId) {
        calls.add("pause " + windowId);
        return window(windowId);
    }

    @Override
    public WindowState resumeWindow(String windowId) {
        calls.add("resume " + windowId);
        return window(windowId);
    }

    @Override
    public List<Ticket> moveWaitingTickets(String fromCategory, String toCategory, int count) {
        calls.add("move " + fromCategory + " " + toCategory + " " + count);
        return List.of(ticket(20, "A020", toCategory, T0, null));
    }

    @Override
    public HallAlert recordAlert(HallAlert alert) throws BackendException {
        maybeFail();
        recordedAlerts.add(alert);
        return new HallAlert(recordedAlerts.size(), alert.kind(), alert.category(), alert.windowId(), alert.value(),
                alert.threshold(), alert.raisedAt(), null, null);
    }

    @Override
    public HallAlert acknowledgeAlert(long alertId) {
        calls.add("ack " + alertId);
        HallAlert a = recordedAlerts.get((int) alertId - 1);
        return new HallAlert(alertId, a.kind(), a.category(), a.windowId(), a.value(), a.threshold(), a.raisedAt(),
                T0.plusSeconds(60), "赵主任");
    }

    @Override
    public List<HallAlert> alerts(LocalDate day) throws BackendException {
        maybeFail();
        calls.add("alerts");
        return storedAlerts;
    }

    @Override
    public void recordRating(long ticketId, ServiceRating rating) {
        throw new UnsupportedOperationException();
    }
}
