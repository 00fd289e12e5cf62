package org.onewindow.sandbox.features.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.sandbox.http.Json;

class QueueFeatureTest {
    private static final String Q = "/api/v1/queue";

    @TempDir
    Path dataDir;
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-30T01:00:00Z"));
    private SandboxBackend backend;
    private SandboxClient clerk;
    private SandboxClient kiosk;

    @BeforeEach
    void start() throws Exception {
        backend = SandboxBackend.start(dataDir, 0, clock);
        clerk = new SandboxClient(backend.baseUri()).signIn("demo");
        kiosk = new SandboxClient(backend.baseUri());
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    private JsonNode issue(String category, String priority) throws Exception {
        JsonNode t = kiosk.ok(Q + "/tickets", "{\"category\":\"" + category + "\",\"priority\":\"" + priority + "\"}");
        clock.advance(Duration.ofSeconds(30));
        return t;
    }

    private JsonNode callNext(String window) throws Exception {
        return clerk.ok(Q + "/windows/" + window + "/call-next", null);
    }

    @Test
    void seedsFourCategoriesAndSixWindows() throws Exception {
        assertThat(kiosk.get(Q + "/categories").body().get("items")).extracting(n -> n.get("name").asText())
                .containsExactly("社保", "不动产", "户籍", "综合");
        assertThat(kiosk.get(Q + "/windows").body().get("items")).hasSize(6);
    }

    @Test
    void ticketNumbersCountUpPerCategoryWithItsPrefix() throws Exception {
        assertThat(issue("SB", "REGULAR").get("number").asText()).isEqualTo("A001");
        assertThat(issue("SB", "REGULAR").get("number").asText()).isEqualTo("A002");
        assertThat(issue("BDC", "REGULAR").get("number").asText()).isEqualTo("B001");
    }

    @Test
    void callNextTakesHighestPriorityThenLongestWaiting() throws Exception {
        issue("SB", "REGULAR");                   // A001, oldest walk-in
        issue("SB", "APPOINTMENT");               // A002
        JsonNode elderly = issue("SB", "ELDERLY"); // A003
        JsonNode disabled = issue("SB", "DISABLED"); // A004, same rank as elderly but younger

        assertThat(callNext("W2").at("/current/number").asText()).isEqualTo(elderly.get("number").asText());
        assertThat(callNext("W2").at("/current/number").asText()).isEqualTo(disabled.get("number").asText());
        assertThat(callNext("W2").at("/current/number").asText()).isEqualTo("A002");
        assertThat(callNext("W2").at("/current/number").asText()).isEqualTo("A001");
        JsonNode empty = callNext("W2");
        assertThat(empty.get("current").isNull()).isTrue();
        assertThat(kiosk.get(Q + "/tickets/" + disabled.get("id").asLong()).body().get("state").asText()).isEqualTo("DONE");
    }

    @Test
    void windowCallsOnlyFromItsOwnCategories() throws Exception {
        issue("HJ", "ELDERLY");
        JsonNode sb = issue("SB", "REGULAR");
        JsonNode w2 = callNext("W2"); // 社保 only
        assertThat(w2.at("/current/id").asLong()).isEqualTo(sb.get("id").asLong());
        assertThat(w2.get("current").get("windowId").asText()).isEqualTo("W2");
        assertThat(w2.get("clerkName").asText()).isEqualTo("王晓梅");
        assertThat(callNext("W3").get("current").isNull()).isTrue(); // 不动产: nobody
    }

    @Test
    void transferToCategoryKeepsIssueTimeAndGoesToThatQueue() throws Exception {
        JsonNode first = issue("SB", "REGULAR");
        issue("BDC", "REGULAR");
        callNext("W2");
        JsonNode after = clerk.ok(Q + "/windows/W2/transfer", "{\"toCategory\":\"BDC\"}");
        assertThat(after.get("current").isNull()).isTrue();
        // the transferred ticket was issued before the waiting B001, so it is called first at 不动产
        JsonNode w3 = callNext("W3");
        assertThat(w3.at("/current/id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(w3.at("/current/category").asText()).isEqualTo("BDC");
        assertThat(w3.at("/current/issuedAt").asText()).isEqualTo(first.get("issuedAt").asText());
    }

    @Test
    void transferToWindowIsCalledByThatWindowOnly() throws Exception {
        JsonNode t = issue("SB", "REGULAR");
        callNext("W2");
        clerk.ok(Q + "/windows/W2/transfer", "{\"toWindow\":\"W5\"}");
        assertThat(callNext("W1").get("current").isNull()).isTrue(); // also serves 社保, but not its ticket
        assertThat(clerk.get(Q + "/windows/W5").body().get("waitingCount").asInt()).isEqualTo(1);
        assertThat(callNext("W5").at("/current/id").asLong()).isEqualTo(t.get("id").asLong());
    }

    @Test
    void transferNeedsExactlyOneKnownTarget() throws Exception {
        issue("SB", "REGULAR");
        callNext("W2");
        assertThat(clerk.post(Q + "/windows/W2/transfer", "{}").status()).isEqualTo(400);
        assertThat(clerk.post(Q + "/windows/W2/transfer", "{\"toCategory\":\"XX\"}").status()).isEqualTo(400);
        assertThat(clerk.post(Q + "/windows/W2/transfer", "{\"toWindow\":\"W99\"}").status()).isEqualTo(404);
        assertThat(clerk.get(Q + "/windows/W2").body().at("/current/state").asText()).isEqualTo("CALLED");
    }

    @Test
    void noShowEndsTheTicketAndRecallCountsAnnouncements() throws Exception {
        JsonNode t = issue("SB", "REGULAR");
        callNext("W2");
        assertThat(clerk.ok(Q + "/windows/W2/recall", null).at("/current/recallCount").asInt()).isEqualTo(1);
        assertThat(clerk.ok(Q + "/windows/W2/no-show", null).get("current").isNull()).isTrue();
        assertThat(kiosk.get(Q + "/tickets/" + t.get("id").asLong()).body().get("state").asText()).isEqualTo("NO_SHOW");
        assertThat(clerk.post(Q + "/windows/W2/recall", null).status()).isEqualTo(409);
    }

    @Test
    void parkedTicketWaitsAtItsWindowUntilResumed() throws Exception {
        JsonNode a = issue("SB", "REGULAR");
        JsonNode b = issue("SB", "REGULAR");
        callNext("W2");
        JsonNode parked = clerk.ok(Q + "/windows/W2/park", null);
        assertThat(parked.get("parked")).extracting(n -> n.get("id").asLong()).containsExactly(a.get("id").asLong());
        assertThat(callNext("W2").at("/current/id").asLong()).isEqualTo(b.get("id").asLong());
        // another window cannot resume it
        assertThat(clerk.post(Q + "/windows/W1/parked/" + a.get("id").asLong() + "/resume", null).status()).isEqualTo(404);
        JsonNode resumed = clerk.ok(Q + "/windows/W2/parked/" + a.get("id").asLong() + "/resume", null);
        assertThat(resumed.at("/current/id").asLong()).isEqualTo(a.get("id").asLong());
        assertThat(resumed.get("parked")).isEmpty();
        assertThat(kiosk.get(Q + "/tickets/" + b.get("id").asLong()).body().get("state").asText()).isEqualTo("DONE");
    }

    @Test
    void pausedWindowCallsNobodyUntilResumed() throws Exception {
        issue("SB", "REGULAR");
        assertThat(clerk.ok(Q + "/windows/W2/pause", null).get("status").asText()).isEqualTo("PAUSED");
        assertThat(clerk.post(Q + "/windows/W2/call-next", null).status()).isEqualTo(409);
        clerk.ok(Q + "/windows/W2/resume", null);
        assertThat(callNext("W2").at("/current/number").asText()).isEqualTo("A001");
    }

    @Test
    void windowOperationsNeedAStaffToken() throws Exception {
        assertThat(kiosk.post(Q + "/windows/W2/call-next", null).status()).isEqualTo(401);
        assertThat(clerk.put(Q + "/windows/W9", "{\"name\":\"9号窗口\",\"categories\":[\"SB\"]}").status()).isEqualTo(403);
        SandboxClient supervisor = new SandboxClient(backend.baseUri()).signIn("supervisor");
        assertThat(supervisor.put(Q + "/windows/W9", "{\"name\":\"9号窗口\",\"categories\":[\"SB\"]}").status()).isEqualTo(200);
    }

    @Test
    void appointmentJoinsWithAppointmentPriorityAtCheckInOnce() throws Exception {
        issue("HJ", "REGULAR");
        String code = kiosk.ok(Q + "/appointments", "{\"category\":\"HJ\",\"slotStart\":\"2026-11-30T02:00:00Z\"}").get("code").asText();
        assertThat(clerk.get(Q + "/windows/W5").body().get("waitingCount").asInt()).isEqualTo(1);
        JsonNode ticket = kiosk.ok(Q + "/appointments/" + code + "/check-in", null);
        assertThat(ticket.get("priority").asText()).isEqualTo("APPOINTMENT");
        assertThat(kiosk.ok(Q + "/appointments/" + code + "/check-in", null).get("id").asLong()).isEqualTo(ticket.get("id").asLong());
        assertThat(callNext("W5").at("/current/id").asLong()).isEqualTo(ticket.get("id").asLong());
        assertThat(kiosk.post(Q + "/appointments/YY-none/check-in", null).status()).isEqualTo(404);
    }

    @Test
    void queueSurvivesARestart() throws Exception {
        issue("SB", "REGULAR");
        JsonNode second = issue("SB", "ELDERLY");
        callNext("W2");
        issue("SB", "REGULAR");
        backend.close();
        backend = SandboxBackend.start(dataDir, 0, clock);
        clerk = new SandboxClient(backend.baseUri()).signIn("demo");
        kiosk = new SandboxClient(backend.baseUri());
        JsonNode w2 = clerk.get(Q + "/windows/W2").body();
        assertThat(w2.at("/current/id").asLong()).isEqualTo(second.get("id").asLong());
        assertThat(w2.get("waitingCount").asInt()).isEqualTo(2);
        assertThat(kiosk.ok(Q + "/tickets", "{\"category\":\"SB\"}").get("number").asText()).isEqualTo("A004");
    }

    @Test
    void eventsArePushedInOrderAndReplayedAfterLastEventId() throws Exception {
        issue("SB", "REGULAR");
        HttpResponse<InputStream> stream = openEvents(null);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(in.readLine()).isEqualTo("event: hello");
            in.readLine();
            in.readLine();
            callNext("W2");
            List<JsonNode> events = read(in, 1);
            assertThat(events.get(0).get("type").asText()).isEqualTo("TICKET_CALLED");
            assertThat(events.get(0).at("/ticket/number").asText()).isEqualTo("A001");
            assertThat(events.get(0).at("/waitingByCategory/SB").asInt()).isZero();
        }
        long calledSeq;
        HttpResponse<InputStream> replay = openEvents("1");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(replay.body(), StandardCharsets.UTF_8))) {
            in.readLine();
            in.readLine();
            in.readLine();
            JsonNode called = read(in, 1).get(0);
            calledSeq = called.get("seq").asLong();
            assertThat(calledSeq).isEqualTo(2);
            assertThat(called.get("type").asText()).isEqualTo("TICKET_CALLED");
        }
    }

    private HttpResponse<InputStream> openEvents(String lastEventId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(backend.baseUri().resolve(Q + "/events"))
                .header("X-OneWindow-Workstation", "test-ws");
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> r = kiosk.http().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        return r;
    }

    private static List<JsonNode> read(BufferedReader in, int count) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        String line;
        while (out.size() < count && (line = in.readLine()) != null) {
            if (line.startsWith("data: ")) {
                out.add(Json.MAPPER.readTree(line.substring(6)));
            }
        }
        return out;
    }
}
