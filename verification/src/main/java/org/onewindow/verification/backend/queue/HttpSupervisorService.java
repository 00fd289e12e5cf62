package org.onewindow.verification.backend.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.queue.Ticket;
import org.onewindow.core.queue.WindowState;
import org.onewindow.core.rating.RatingLevel;
import org.onewindow.core.rating.RatingReason;
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
import org.onewindow.verification.backend.HttpHallServices;

/**
 * {@link SupervisorService} over the contract's {@code /supervisor} paths and {@code /ratings} (issue 9),
 * through {@link HttpHallServices#callJson} (same pool, the signed-in supervisor's token, typed failures).
 */
public final class HttpSupervisorService implements SupervisorService {
    private static final String S = "/api/v1/supervisor";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpHallServices hall;

    public HttpSupervisorService(HttpHallServices hall) {
        this.hall = Objects.requireNonNull(hall, "hall");
    }

    @Override
    public HallStats hallStats(LocalDate day) throws BackendException {
        JsonNode n = hall.callJson("GET", S + "/hall-stats?day=" + day, null);
        List<CategoryStats> categories = new ArrayList<>();
        for (JsonNode c : n.path("categories")) {
            categories.add(new CategoryStats(QueueJson.text(c, "code"), QueueJson.text(c, "name"), c.path("waiting").asInt(),
                    optionalInstant(c, "oldestWaitingSince"), seconds(c, "averageWaitSeconds"),
                    seconds(c, "averageServiceSeconds"), c.path("served").asInt(), c.path("noShows").asInt(),
                    c.path("issued").asInt()));
        }
        List<WindowActivity> windows = new ArrayList<>();
        for (JsonNode w : n.path("windows")) {
            windows.add(new WindowActivity(QueueJson.text(w, "windowId"), optionalInstant(w, "lastActivityAt"),
                    w.path("served").asInt(), seconds(w, "averageServiceSeconds")));
        }
        List<WaitingSample> series = new ArrayList<>();
        for (JsonNode s : n.path("waitingSeries")) {
            series.add(new WaitingSample(instant(s, "at"), s.path("waiting").asInt()));
        }
        List<HourlyCount> perHour = new ArrayList<>();
        for (JsonNode h : n.path("servedPerHour")) {
            perHour.add(new HourlyCount(QueueJson.text(h, "category"), h.path("hour").asInt(), h.path("count").asInt()));
        }
        List<WaitBucket> distribution = new ArrayList<>();
        for (JsonNode b : n.path("waitDistribution")) {
            distribution.add(new WaitBucket(b.path("fromMinutes").asInt(),
                    b.path("toMinutes").isNull() ? -1 : b.path("toMinutes").asInt(), b.path("count").asInt()));
        }
        Map<RatingLevel, Integer> counts = new EnumMap<>(RatingLevel.class);
        for (RatingLevel l : RatingLevel.values()) {
            counts.put(l, n.path("ratings").path("counts").path(l.name()).asInt(0));
        }
        List<HourlyRating> ratingHours = new ArrayList<>();
        for (JsonNode h : n.path("ratings").path("perHour")) {
            ratingHours.add(new HourlyRating(h.path("hour").asInt(), h.path("count").asInt(), h.path("averageScore").asDouble()));
        }
        LocalDate answeredDay;
        try {
            answeredDay = LocalDate.parse(QueueJson.text(n, "day"));
        } catch (DateTimeParseException e) {
            throw protocol("bad 'day' in hall stats");
        }
        return new HallStats(answeredDay, instant(n, "generatedAt"), categories, windows, series, perHour, distribution,
                new RatingSummary(counts, ratingHours));
    }

    @Override
    public List<AuditRecord> audit(LocalDate day) throws BackendException {
        List<AuditRecord> out = new ArrayList<>();
        for (JsonNode a : hall.callJson("GET", S + "/audit?day=" + day, null).path("items")) {
            out.add(new AuditRecord(a.path("id").asLong(), instant(a, "at"), QueueJson.text(a, "actor"),
                    QueueJson.text(a, "action"), QueueJson.text(a, "target"), a.path("detail").asText("")));
        }
        return out;
    }

    @Override
    public WindowState setWindowCategories(String windowId, List<String> categoryCodes) throws BackendException {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode categories = body.putArray("categories");
        categoryCodes.forEach(categories::add);
        return QueueJson.window(hall.callJson("PUT", S + "/windows/" + segment(windowId) + "/categories", body));
    }

    @Override
    public WindowState pauseWindow(String windowId) throws BackendException {
        return QueueJson.window(hall.callJson("POST", S + "/windows/" + segment(windowId) + "/pause", null));
    }

    @Override
    public WindowState resumeWindow(String windowId) throws BackendException {
        return QueueJson.window(hall.callJson("POST", S + "/windows/" + segment(windowId) + "/resume", null));
    }

    @Override
    public List<Ticket> moveWaitingTickets(String fromCategory, String toCategory, int count) throws BackendException {
        ObjectNode body = JSON.createObjectNode().put("fromCategory", fromCategory).put("toCategory", toCategory)
                .put("count", count);
        List<Ticket> out = new ArrayList<>();
        for (JsonNode t : hall.callJson("POST", S + "/tickets/move", body).path("moved")) {
            out.add(QueueJson.ticket(t));
        }
        return out;
    }

    @Override
    public HallAlert recordAlert(HallAlert alert) throws BackendException {
        ObjectNode body = JSON.createObjectNode().put("kind", alert.kind().name()).put("category", alert.category())
                .put("value", alert.value()).put("threshold", alert.threshold())
                .put("raisedAt", alert.raisedAt().toString());
        if (alert.windowId() != null) {
            body.put("windowId", alert.windowId());
        }
        return alert(hall.callJson("POST", S + "/alerts", body));
    }

    @Override
    public HallAlert acknowledgeAlert(long alertId) throws BackendException {
        return alert(hall.callJson("POST", S + "/alerts/" + alertId + "/acknowledge", null));
    }

    @Override
    public List<HallAlert> alerts(LocalDate day) throws BackendException {
        List<HallAlert> out = new ArrayList<>();
        for (JsonNode a : hall.callJson("GET", S + "/alerts?day=" + day, null).path("items")) {
            out.add(alert(a));
        }
        return out;
    }

    @Override
    public void recordRating(long ticketId, ServiceRating rating) throws BackendException {
        ObjectNode body = JSON.createObjectNode().put("ticketId", ticketId).put("level", rating.level().name());
        ArrayNode reasons = body.putArray("reasons");
        for (RatingReason r : rating.reasons()) {
            reasons.add(r.name());
        }
        hall.callJson("POST", "/api/v1/ratings", body);
    }

    private static HallAlert alert(JsonNode a) throws BackendException {
        HallAlert.Kind kind;
        try {
            kind = HallAlert.Kind.valueOf(QueueJson.text(a, "kind"));
        } catch (IllegalArgumentException e) {
            throw protocol("unknown alert kind");
        }
        return new HallAlert(a.path("id").asLong(), kind, QueueJson.text(a, "category"),
                a.path("windowId").isTextual() ? a.path("windowId").asText() : null, a.path("value").asLong(),
                a.path("threshold").asLong(), instant(a, "raisedAt"), optionalInstant(a, "acknowledgedAt"),
                a.path("acknowledgedBy").isTextual() ? a.path("acknowledgedBy").asText() : null);
    }

    private static Duration seconds(JsonNode n, String field) {
        return Duration.ofSeconds(Math.max(0, n.path(field).asLong(0)));
    }

    private static Instant instant(JsonNode n, String field) throws BackendException {
        try {
            return Instant.parse(QueueJson.text(n, field));
        } catch (DateTimeParseException e) {
            throw protocol("bad time in '" + field + "'");
        }
    }

    private static Instant optionalInstant(JsonNode n, String field) throws BackendException {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : instant(n, field);
    }

    private static String segment(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static BackendException protocol(String message) {
        return new BackendException(BackendException.Kind.PROTOCOL, "back-end " + message);
    }
}
