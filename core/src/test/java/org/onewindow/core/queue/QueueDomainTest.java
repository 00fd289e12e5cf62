package org.onewindow.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueueDomainTest {
    private static final Instant T0 = Instant.parse("2026-11-30T01:00:00Z");

    @Test
    void waitingTimeRunsUntilTheCallThenStops() {
        Ticket waiting = new Ticket(1, "A001", "SB", PriorityClass.REGULAR, TicketState.WAITING, T0, null, null, null, 0);
        assertThat(waiting.waited(T0.plusSeconds(90))).isEqualTo(Duration.ofSeconds(90));

        Ticket called = new Ticket(1, "A001", "SB", PriorityClass.REGULAR, TicketState.CALLED, T0,
                T0.plusSeconds(60), "W1", null, 0);
        assertThat(called.waited(T0.plusSeconds(600))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void elderlyAndDisabledOutrankAppointmentsWhichOutrankWalkIns() {
        assertThat(PriorityClass.ELDERLY.rank()).isEqualTo(PriorityClass.DISABLED.rank())
                .isGreaterThan(PriorityClass.APPOINTMENT.rank());
        assertThat(PriorityClass.APPOINTMENT.rank()).isGreaterThan(PriorityClass.REGULAR.rank());
    }

    @Test
    void waitingForAWindowCountsItsCategoriesAndTicketsSentToIt() {
        QueueEvent e = new QueueEvent(7, QueueEvent.Type.TICKET_ISSUED, T0, null, null,
                Map.of("SB", 3, "BDC", 5, "HJ", 2), Map.of("W2", 1));
        assertThat(e.waitingFor("W2", Set.of("SB", "HJ"))).isEqualTo(6);
        assertThat(e.waitingFor("W9", Set.of("BDC"))).isEqualTo(5);
    }
}
