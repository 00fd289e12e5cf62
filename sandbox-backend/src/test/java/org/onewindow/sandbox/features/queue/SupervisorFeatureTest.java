package org.onewindow.sandbox.features.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.sandbox.sim.HallDaySimulator;
import org.onewindow.sandbox.sim.SimClock;

/** Issue 9 on the sandbox: the hall-stats aggregate, audited supervisor actions, ratings, alerts, the simulator. */
class SupervisorFeatureTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path dataDir;
    final SimClock clock = new SimClock(HallDaySimulator.hallTime(DAY, LocalTime.of(8, 30)));
    SandboxBackend backend;
    SandboxClient supervisor;
    SandboxClient kiosk;

    @BeforeEach
    void start() throws Exception {
        backend = SandboxBackend.start(dataDir, 0, clock);
        supervisor = new SandboxClient(backend.baseUri()).signIn("supervisor");
        kiosk = new SandboxClient(backend.baseUri());
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void simulatedMorningAddsUpInTheHallStats() throws Exception {
        HallDaySimulator sim = HallDaySimulator.builder(backend.baseUri()).clock(clock).seed(3).build();
        sim.advanceTo(HallDaySimulator.hallTime(DAY, LocalTime.of(11, 0)));

        JsonNode stats = supervisor.get("/api/v1/supervisor/hall-stats?day=" + DAY).body();
        int issued = 0;
        int served = 0;
        int waiting = 0;
        for (JsonNode c : stats.path("categories")) {
            issued += c.path("issued").asInt();
            served += c.path("served").asInt();
            waiting += c.path("waiting").asInt();
        }
        assertThat(sim.issued()).as("a morning of a busy hall").isGreaterThan(80);
        assertThat(issued).isEqualTo(sim.issued());
        assertThat(served).isEqualTo(sim.served()).isPositive();
        int perHour = 0;
        for (JsonNode h : stats.path("servedPerHour")) {
            perHour += h.path("count").asInt();
            assertThat(h.path("hour").asInt()).isBetween(8, 10);
        }
        assertThat(perHour).isEqualTo(served);
        int called = 0;
        for (JsonNode b : stats.path("waitDistribution")) {
            called += b.path("count").asInt();
        }
        assertThat(called).as("every call has a waiting time").isGreaterThanOrEqualTo(served);
        JsonNode ratings = stats.path("ratings").path("counts");
        int rated = 0;
        for (JsonNode n : ratings) {
            rated += n.asInt();
        }
        assertThat(rated).isEqualTo(sim.rated()).isPositive();
        JsonNode series = stats.path("waitingSeries");
        assertThat(series.size()).isGreaterThan(30);
        assertThat(series.get(series.size() - 1).path("waiting").asInt()).isEqualTo(waiting);
        assertThat(stats.path("windows").get(5).path("windowId").asText()).isEqualTo("W6");
        assertThat(stats.path("windows").get(5).path("lastActivityAt").isNull()).as("W6 is unstaffed").isTrue();
        assertThat(stats.path("windows").get(0).path("served").asInt()).isPositive();
        JsonNode sb = stats.path("categories").get(0);
        assertThat(sb.path("averageServiceSeconds").asLong()).as("social security takes ~6 min").isBetween(200L, 600L);
    }

    @Test
    void movingTicketsKeepsTheCountsAndIsAudited() throws Exception {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            numbers.add(kiosk.ok("/api/v1/queue/tickets", "{\"category\":\"SB\"}").path("number").asText());
        }
        JsonNode moved = supervisor.ok("/api/v1/supervisor/tickets/move",
                "{\"fromCategory\":\"SB\",\"toCategory\":\"ZH\",\"count\":2}").path("moved");
        assertThat(moved).hasSize(2);
        assertThat(moved.get(0).path("number").asText()).isEqualTo(numbers.get(0));
        assertThat(moved.get(0).path("category").asText()).isEqualTo("ZH");

        JsonNode stats = supervisor.get("/api/v1/supervisor/hall-stats").body();
        assertThat(stats.path("categories").get(0).path("waiting").asInt()).isEqualTo(1);
        assertThat(stats.path("categories").get(3).path("waiting").asInt()).isEqualTo(2);
        // the queue's own counts moved too: W5 serves only HJ, W4 serves BDC + ZH
        assertThat(kiosk.get("/api/v1/queue/windows/W4").body().path("waitingCount").asInt()).isEqualTo(2);

        JsonNode audit = supervisor.get("/api/v1/supervisor/audit").body().path("items");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("action").asText()).isEqualTo("TICKETS_MOVED");
        assertThat(audit.get(0).path("actor").asText()).isEqualTo("赵主任");
        assertThat(audit.get(0).path("detail").asText()).contains("SB -> ZH").contains(numbers.get(0));
    }

    @Test
    void supervisorPausesAndReassignsAWindowWithoutTakingItOver() throws Exception {
        SandboxClient clerk = new SandboxClient(backend.baseUri()).signIn("demo");
        kiosk.ok("/api/v1/queue/tickets", "{\"category\":\"SB\"}");
        clerk.ok("/api/v1/queue/windows/W1/call-next", null);

        JsonNode paused = supervisor.ok("/api/v1/supervisor/windows/W1/pause", null);
        assertThat(paused.path("status").asText()).isEqualTo("PAUSED");
        assertThat(paused.path("clerkName").asText()).as("the clerk stays on the window").isEqualTo("王晓梅");
        JsonNode changed = supervisor.put("/api/v1/supervisor/windows/W1/categories", "{\"categories\":[\"HJ\"]}").body();
        assertThat(changed.path("categories").toString()).isEqualTo("[\"HJ\"]");
        assertThat(clerk.put("/api/v1/supervisor/windows/W1/categories", "{\"categories\":[\"SB\"]}").status())
                .as("a clerk may not").isEqualTo(403);

        JsonNode audit = supervisor.get("/api/v1/supervisor/audit").body().path("items");
        assertThat(audit).extracting(a -> a.path("action").asText()).containsExactly("WINDOW_PAUSED", "WINDOW_CATEGORIES");
        assertThat(audit.get(1).path("detail").asText()).isEqualTo("SB,ZH -> HJ");
    }

    @Test
    void ratingsNeedAServedTicketAndReasonsWhenLow() throws Exception {
        SandboxClient clerk = new SandboxClient(backend.baseUri()).signIn("demo");
        long id = kiosk.ok("/api/v1/queue/tickets", "{\"category\":\"SB\"}").path("id").asLong();
        assertThat(kiosk.post("/api/v1/ratings", "{\"ticketId\":" + id + ",\"level\":\"SATISFIED\"}").status()).isEqualTo(409);
        clerk.ok("/api/v1/queue/windows/W1/call-next", null);
        clerk.ok("/api/v1/queue/windows/W1/finish", null);
        assertThat(kiosk.post("/api/v1/ratings", "{\"ticketId\":" + id + ",\"level\":\"DISSATISFIED\"}").status()).isEqualTo(400);
        assertThat(kiosk.post("/api/v1/ratings", "{\"ticketId\":" + id
                + ",\"level\":\"DISSATISFIED\",\"reasons\":[\"WAITED_TOO_LONG\"]}").status()).isEqualTo(201);
        assertThat(kiosk.post("/api/v1/ratings", "{\"ticketId\":" + id + ",\"level\":\"SATISFIED\"}").status())
                .as("once per ticket").isEqualTo(409);
        JsonNode counts = supervisor.get("/api/v1/supervisor/hall-stats").body().path("ratings").path("counts");
        assertThat(counts.path("DISSATISFIED").asInt()).isEqualTo(1);
    }

    @Test
    void alertsAreRecordedAndAcknowledgedOnce() throws Exception {
        JsonNode alert = supervisor.ok("/api/v1/supervisor/alerts",
                "{\"kind\":\"WAIT_TIME\",\"category\":\"SB\",\"value\":1900,\"threshold\":1800}");
        long id = alert.path("id").asLong();
        assertThat(alert.path("acknowledgedAt").isNull()).isTrue();
        JsonNode acked = supervisor.ok("/api/v1/supervisor/alerts/" + id + "/acknowledge", null);
        assertThat(acked.path("acknowledgedBy").asText()).isEqualTo("赵主任");
        supervisor.ok("/api/v1/supervisor/alerts/" + id + "/acknowledge", null);
        assertThat(supervisor.get("/api/v1/supervisor/alerts").body().path("items")).hasSize(1);
        assertThat(supervisor.get("/api/v1/supervisor/audit").body().path("items")).hasSize(1);
        assertThat(kiosk.get("/api/v1/supervisor/alerts").status()).isEqualTo(401);
    }
}
