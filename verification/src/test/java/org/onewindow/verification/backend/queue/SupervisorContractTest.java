package org.onewindow.verification.backend.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.queue.PriorityClass;
import org.onewindow.core.queue.Ticket;
import org.onewindow.core.queue.WindowStatus;
import org.onewindow.core.rating.RatingLevel;
import org.onewindow.core.rating.RatingReason;
import org.onewindow.core.rating.ServiceRating;
import org.onewindow.core.supervisor.HallAlert;
import org.onewindow.core.supervisor.HallStats;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.sandbox.sim.HallDaySimulator;
import org.onewindow.sandbox.sim.SimClock;
import org.onewindow.verification.backend.BackendConfig;
import org.onewindow.verification.backend.HttpHallServices;
import org.onewindow.verification.contract.OpenApiContract;

/** The supervisor client against the sandbox driven by the day simulator; every exchange fits the contract. */
class SupervisorContractTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path data;
    final SimClock clock = new SimClock(HallDaySimulator.hallTime(DAY, LocalTime.of(8, 45)));
    SandboxBackend sandbox;
    HttpHallServices hall;
    HttpSupervisorService supervisor;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxBackend.start(data, 0, clock);
        sandbox.setRecording(true);
        hall = new HttpHallServices(BackendConfig.of(sandbox.baseUri(), "WS-SUPERVISOR"));
        supervisor = new HttpSupervisorService(hall);
    }

    @AfterEach
    void stop() {
        hall.close();
        sandbox.close();
    }

    @Test
    void supervisorCallsSpeakTheDocumentedContract() throws Exception {
        HallDaySimulator.builder(sandbox.baseUri()).clock(clock).seed(5).build()
                .advanceTo(HallDaySimulator.hallTime(DAY, LocalTime.of(9, 30)));
        assertThatThrownBy(() -> supervisor.hallStats(DAY)).isInstanceOf(BackendException.class)
                .extracting(e -> ((BackendException) e).kind()).isEqualTo(BackendException.Kind.UNAUTHORIZED);
        hall.signIn("supervisor", "demo".toCharArray());

        HallStats stats = supervisor.hallStats(DAY);
        assertThat(stats.day()).isEqualTo(DAY);
        assertThat(stats.categories()).extracting(c -> c.code()).containsExactly("SB", "BDC", "HJ", "ZH");
        assertThat(stats.servedTotal()).isPositive();
        assertThat(stats.ratings().total()).isPositive();
        assertThat(stats.waitDistribution()).hasSize(8);
        assertThat(stats.waitDistribution().get(7).openEnded()).isTrue();

        assertThat(supervisor.pauseWindow("W2").status()).isEqualTo(WindowStatus.PAUSED);
        assertThat(supervisor.resumeWindow("W2").status()).isEqualTo(WindowStatus.OPEN);
        assertThat(supervisor.setWindowCategories("W6", List.of("SB", "ZH")).categories()).isEqualTo(Set.of("SB", "ZH"));
        HttpQueueService queue = new HttpQueueService(hall);
        queue.issueTicket("HJ", PriorityClass.REGULAR);
        List<Ticket> moved = supervisor.moveWaitingTickets("HJ", "ZH", 1);
        assertThat(moved).singleElement().extracting(Ticket::category).isEqualTo("ZH");

        HallAlert alert = supervisor.recordAlert(HallAlert.raised(HallAlert.Kind.QUEUE_LENGTH, "SB", null, 12, 10,
                clock.instant()));
        assertThat(alert.id()).isPositive();
        assertThat(supervisor.acknowledgeAlert(alert.id()).acknowledgedBy()).isEqualTo("赵主任");
        assertThat(supervisor.alerts(DAY)).singleElement().extracting(HallAlert::acknowledged).isEqualTo(true);
        assertThat(supervisor.audit(DAY)).extracting(a -> a.action()).containsExactly("WINDOW_PAUSED", "WINDOW_RESUMED",
                "WINDOW_CATEGORIES", "TICKETS_MOVED", "ALERT_ACKNOWLEDGED");
        assertThatThrownBy(() -> supervisor.recordRating(moved.get(0).id(),
                new ServiceRating(RatingLevel.DISSATISFIED, Set.of(RatingReason.ATTITUDE), clock.instant())))
                .as("a waiting ticket cannot be rated").isInstanceOf(BackendException.class);

        OpenApiContract contract = OpenApiContract.load();
        assertThat(contract.violations(sandbox.recorded())).isEmpty();
        assertThat(contract.exercised()).contains("GET /supervisor/hall-stats", "GET /supervisor/audit",
                "PUT /supervisor/windows/{windowId}/categories", "POST /supervisor/windows/{windowId}/pause",
                "POST /supervisor/windows/{windowId}/resume", "POST /supervisor/tickets/move", "POST /supervisor/alerts",
                "GET /supervisor/alerts", "POST /supervisor/alerts/{alertId}/acknowledge", "POST /ratings");
    }
}
