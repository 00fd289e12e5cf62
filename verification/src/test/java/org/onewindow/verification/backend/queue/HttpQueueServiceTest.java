package org.onewindow.verification.backend.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.catalogue.EvidenceKind;
import org.onewindow.core.catalogue.ServiceItem;
import org.onewindow.core.queue.PriorityClass;
import org.onewindow.core.queue.QueueEvent;
import org.onewindow.core.queue.Ticket;
import org.onewindow.core.queue.TicketState;
import org.onewindow.core.queue.TransferTarget;
import org.onewindow.core.queue.WindowState;
import org.onewindow.core.queue.WindowStatus;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.verification.backend.BackendConfig;
import org.onewindow.verification.backend.HttpHallServices;

class HttpQueueServiceTest {
    static {
        QuietLogs.apply();
    }

    @TempDir
    Path dataDir;
    private SandboxBackend backend;
    private HttpHallServices hall;
    private HttpQueueService queue;

    static HttpHallServices signedIn(URI base, String account) throws BackendException {
        HttpHallServices hall = new HttpHallServices(BackendConfig.of(base, "ws-test"));
        hall.signIn(account, "demo".toCharArray());
        return hall;
    }

    @BeforeEach
    void start() throws Exception {
        backend = SandboxBackend.start(dataDir, 0);
        hall = signedIn(backend.baseUri(), "demo");
        queue = new HttpQueueService(hall);
    }

    @AfterEach
    void stop() {
        hall.close();
        backend.close();
    }

    @Test
    void callNextServesTheIssuedTicketAndClosesItOnTheNextCall() throws Exception {
        Ticket issued = queue.issueTicket("SB", PriorityClass.REGULAR);
        assertThat(issued.number()).isEqualTo("A001");
        assertThat(queue.waitingCount("W2")).isEqualTo(1);

        WindowState w = queue.callNext("W2");
        assertThat(w.current().id()).isEqualTo(issued.id());
        assertThat(w.current().state()).isEqualTo(TicketState.CALLED);
        assertThat(w.current().calledAt()).isNotNull();
        assertThat(w.clerkName()).isEqualTo("王晓梅");
        assertThat(w.waitingCount()).isZero();

        assertThat(queue.callNext("W2").current()).isNull();
        assertThat(queue.window("W2").current()).isNull();
    }

    @Test
    void transferParkResumeAndNoShowRoundTrip() throws Exception {
        Ticket a = queue.issueTicket("SB", PriorityClass.ELDERLY);
        Ticket b = queue.issueTicket("SB", PriorityClass.REGULAR);
        queue.callNext("W2");
        WindowState afterTransfer = queue.transfer("W2", TransferTarget.window("W3"));
        assertThat(afterTransfer.current()).isNull();
        assertThat(queue.callNext("W3").current().id()).isEqualTo(a.id());

        WindowState parked = queue.park("W3");
        assertThat(parked.parked()).extracting(Ticket::id).containsExactly(a.id());
        assertThat(queue.resumeParked("W3", a.id()).current().id()).isEqualTo(a.id());

        queue.callNext("W2");
        assertThat(queue.noShow("W2").current()).isNull();
        assertThat(queue.window("W2").parked()).isEmpty();
        assertThat(b.priority()).isEqualTo(PriorityClass.REGULAR);
    }

    @Test
    void pausedWindowRefusesToCallAsARejection() throws Exception {
        queue.issueTicket("HJ", PriorityClass.REGULAR);
        assertThat(queue.pause("W5").status()).isEqualTo(WindowStatus.PAUSED);
        assertThatThrownBy(() -> queue.callNext("W5")).isInstanceOfSatisfying(BackendException.class,
                e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.REJECTED));
        assertThat(queue.resume("W5").status()).isEqualTo(WindowStatus.OPEN);
        assertThat(queue.callNext("W5").current()).isNotNull();
    }

    @Test
    void appointmentCheckInQueuesWithAppointmentPriority() throws Exception {
        queue.issueTicket("BDC", PriorityClass.REGULAR);
        String code = queue.bookAppointment("BDC", Instant.parse("2026-11-30T03:00:00Z"));
        Ticket t = queue.checkIn(code);
        assertThat(t.priority()).isEqualTo(PriorityClass.APPOINTMENT);
        assertThat(queue.callNext("W3").current().id()).isEqualTo(t.id());
    }

    @Test
    void windowsAndCategoriesAreListed() throws Exception {
        assertThat(queue.categories()).extracting(c -> c.code()).containsExactly("SB", "BDC", "HJ", "ZH");
        List<WindowState> windows = queue.windows();
        assertThat(windows).extracting(WindowState::windowId).containsExactly("W1", "W2", "W3", "W4", "W5", "W6");
        assertThat(windows.get(0).categories()).containsExactlyInAnyOrder("SB", "ZH");
    }

    @Test
    void supervisorDefinesAWindowButAClerkMayNot() throws Exception {
        assertThatThrownBy(() -> queue.defineWindow("W7", "7号窗口", List.of("HJ")))
                .isInstanceOfSatisfying(BackendException.class,
                        e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.UNAUTHORIZED));
        try (HttpHallServices supervisor = signedIn(backend.baseUri(), "supervisor")) {
            WindowState w7 = new HttpQueueService(supervisor).defineWindow("W7", "7号窗口", List.of("HJ"));
            assertThat(w7.categories()).containsExactly("HJ");
        }
    }

    @Test
    void subscriberIsToldOfACallByAnotherWindow() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (var sub = queue.subscribe(listener)) {
            listener.await(e -> e.type() == QueueEvent.Type.RESYNC, Duration.ofSeconds(20));
            Ticket t = queue.issueTicket("ZH", PriorityClass.REGULAR);
            QueueEvent issued = listener.await(e -> e.type() == QueueEvent.Type.TICKET_ISSUED, Duration.ofSeconds(20));
            assertThat(issued.ticket().id()).isEqualTo(t.id());
            assertThat(issued.waitingFor("W6", java.util.Set.of("ZH", "SB"))).isEqualTo(1);
            queue.callNext("W6");
            QueueEvent called = listener.await(e -> e.type() == QueueEvent.Type.TICKET_CALLED, Duration.ofSeconds(20));
            assertThat(called.windowId()).isEqualTo("W6");
            assertThat(called.waitingByCategory()).containsEntry("ZH", 0);
        }
    }

    @Test
    void catalogueItemsCarryMaterialsAndEvidenceRules() throws Exception {
        HttpCatalogue catalogue = new HttpCatalogue(hall);
        ServiceItem card = catalogue.item("SB-0001").orElseThrow();
        assertThat(card.name()).isEqualTo("社保卡补领");
        assertThat(card.material("enrollment").orElseThrow().satisfiedBy(EvidenceKind.DATA_SHARE,
                "social-security")).isTrue();
        assertThat(catalogue.itemsOf("HJ")).extracting(ServiceItem::name).containsExactly("户口迁移");
        assertThat(catalogue.item("NONE")).isEmpty();
        assertThat(catalogue.version()).hasSize(16);
    }
}
