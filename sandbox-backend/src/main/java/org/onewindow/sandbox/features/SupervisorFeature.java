package org.onewindow.sandbox.features;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.onewindow.sandbox.SandboxContext;
import org.onewindow.sandbox.SandboxFeature;
import org.onewindow.sandbox.Sessions;
import org.onewindow.sandbox.http.HttpError;
import org.onewindow.sandbox.http.Json;
import org.onewindow.sandbox.http.Request;
import org.onewindow.sandbox.http.Response;
import org.onewindow.sandbox.store.SandboxDatabase;

/**
 * The hall supervisor's figures (issue 9): {@code GET /supervisor/hall-stats} aggregates the day from the
 * persisted queue events (read incrementally, so a request costs only the events since the last one) and
 * the tickets table; the audit trail; recorded alerts and their acknowledgement; and the citizens' 好差评
 * ({@code POST /ratings}). The actions on the queue itself are in the queue feature (SupervisorQueueActions).
 */
public final class SupervisorFeature implements SandboxFeature {
    static final ZoneId HALL_ZONE = ZoneId.of("Asia/Shanghai");
    /** Upper bounds (minutes, exclusive) of the waiting-time distribution's bars; the last bar is open. */
    static final int[] WAIT_BUCKETS = {5, 10, 15, 20, 30, 45, 60};
    private static final Set<String> LEVELS = Set.of("VERY_SATISFIED", "SATISFIED", "BASICALLY_SATISFIED",
            "DISSATISFIED", "VERY_DISSATISFIED");
    private static final Set<String> REASONS = Set.of("WAITED_TOO_LONG", "ATTITUDE", "NOT_EXPLAINED",
            "MATERIALS_ASKED_AGAIN", "NOT_DONE", "OTHER");
    private static final Set<String> ALERT_KINDS = Set.of("WAIT_TIME", "SERVICE_TIME", "QUEUE_LENGTH");

    private SandboxContext ctx;
    private SandboxDatabase db;
    // guarded by the store's lock (every use is inside db.with)
    private final Map<LocalDate, Day> days = new HashMap<>();
    private long seenSeq;

    /** What the events of one hall day add up to. */
    private static final class Day {
        final Map<String, long[]> waits = new HashMap<>();      // category -> {sum seconds, count}
        final Map<String, long[]> services = new HashMap<>();   // category -> {sum seconds, count}
        final Map<String, Integer> noShows = new HashMap<>();
        final Map<String, Integer> issued = new HashMap<>();
        final Map<String, int[]> servedPerHour = new TreeMap<>();
        final Map<String, Instant> windowLast = new HashMap<>();
        final Map<String, long[]> windowServices = new HashMap<>();
        final int[] waitBuckets = new int[WAIT_BUCKETS.length + 1];
        final TreeMap<Instant, Integer> waitingByMinute = new TreeMap<>();
    }

    @Override
    public void install(SandboxContext context) {
        this.ctx = context;
        this.db = context.db();
        SupervisorAudit.createTable(db);
        db.execute("""
                CREATE TABLE IF NOT EXISTS supervisor_ratings (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, ticket_id INTEGER NOT NULL UNIQUE, window_id TEXT,
                  category TEXT NOT NULL, level TEXT NOT NULL, reasons TEXT NOT NULL, rated_at TEXT NOT NULL,
                  rated_ms INTEGER NOT NULL)""", """
                CREATE TABLE IF NOT EXISTS supervisor_alerts (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, category TEXT NOT NULL, window_id TEXT,
                  value INTEGER NOT NULL, threshold INTEGER NOT NULL, raised_at TEXT NOT NULL, raised_ms INTEGER NOT NULL,
                  raised_by TEXT NOT NULL, acknowledged_at TEXT, acknowledged_by TEXT)""");
        var r = ctx.router();
        r.route("GET", "/api/v1/supervisor/hall-stats", req -> {
            supervisor(req);
            LocalDate day = day(req);
            return Response.ok(db.with(c -> hallStats(c, day)));
        });
        r.route("GET", "/api/v1/supervisor/audit", req -> {
            supervisor(req);
            LocalDate day = day(req);
            return Response.ok(Map.of("items", db.with(c -> SupervisorAudit.between(c, start(day), start(day.plusDays(1))))));
        });
        r.route("POST", "/api/v1/supervisor/alerts", this::recordAlert);
        r.route("GET", "/api/v1/supervisor/alerts", req -> {
            supervisor(req);
            LocalDate day = day(req);
            return Response.ok(Map.of("items", db.with(c -> alerts(c, "raised_ms >= ? AND raised_ms < ? ORDER BY id",
                    start(day).toEpochMilli(), start(day.plusDays(1)).toEpochMilli()))));
        });
        r.route("POST", "/api/v1/supervisor/alerts/{alertId}/acknowledge", this::acknowledge);
        r.route("POST", "/api/v1/ratings", this::recordRating);
    }

    private Sessions.Principal supervisor(Request req) {
        Sessions.Principal who = ctx.sessions().require(req);
        if (!who.roles().contains("SUPERVISOR")) {
            throw new HttpError(403, "forbidden", "only a supervisor may see this");
        }
        return who;
    }

    private LocalDate day(Request req) {
        try {
            return req.query("day").map(LocalDate::parse).orElse(LocalDate.ofInstant(ctx.clock().instant(), HALL_ZONE));
        } catch (DateTimeParseException e) {
            throw new HttpError(400, "bad-day", "day must be YYYY-MM-DD");
        }
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(HALL_ZONE).toInstant();
    }

    // ---- hall stats ------------------------------------------------------------------------------

    private Map<String, Object> hallStats(Connection c, LocalDate date) throws SQLException {
        catchUp(c);
        Day day = days.getOrDefault(date, new Day());
        Instant now = ctx.clock().instant();
        Map<String, int[]> waitingNow = new HashMap<>();     // category -> {count}
        Map<String, Long> oldest = new HashMap<>();
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT category, COUNT(*), MIN(issued_ms) FROM queue_tickets WHERE state = 'WAITING' GROUP BY category")) {
            while (rs.next()) {
                waitingNow.put(rs.getString(1), new int[]{rs.getInt(2)});
                oldest.put(rs.getString(1), rs.getLong(3));
            }
        }
        Map<String, Integer> served = new HashMap<>();
        day.servedPerHour.forEach((cat, hours) -> {
            int n = 0;
            for (int h : hours) {
                n += h;
            }
            served.put(cat, n);
        });
        List<Map<String, Object>> categories = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT code, name FROM queue_categories ORDER BY sort")) {
            while (rs.next()) {
                String code = rs.getString(1);
                codes.add(code);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", code);
                m.put("name", rs.getString(2));
                m.put("waiting", waitingNow.getOrDefault(code, new int[1])[0]);
                m.put("oldestWaitingSince", oldest.containsKey(code) ? Instant.ofEpochMilli(oldest.get(code)).toString() : null);
                m.put("averageWaitSeconds", mean(day.waits.get(code)));
                m.put("averageServiceSeconds", mean(day.services.get(code)));
                m.put("served", served.getOrDefault(code, 0));
                m.put("noShows", day.noShows.getOrDefault(code, 0));
                m.put("issued", day.issued.getOrDefault(code, 0));
                categories.add(m);
            }
        }
        List<Map<String, Object>> windows = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT window_id FROM queue_windows ORDER BY window_id")) {
            while (rs.next()) {
                String id = rs.getString(1);
                long[] s = day.windowServices.get(id);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("windowId", id);
                Instant last = day.windowLast.get(id);
                m.put("lastActivityAt", last == null ? null : last.toString());
                m.put("served", s == null ? 0 : (int) s[1]);
                m.put("averageServiceSeconds", mean(s));
                windows.add(m);
            }
        }
        List<Map<String, Object>> series = new ArrayList<>();
        day.waitingByMinute.forEach((at, n) -> series.add(Map.of("at", at.toString(), "waiting", n)));
        List<Map<String, Object>> perHour = new ArrayList<>();
        for (String code : codes) {
            int[] hours = day.servedPerHour.get(code);
            if (hours == null) {
                continue;
            }
            for (int h = 0; h < 24; h++) {
                if (hours[h] > 0) {
                    perHour.add(Map.of("category", code, "hour", h, "count", hours[h]));
                }
            }
        }
        List<Map<String, Object>> distribution = new ArrayList<>();
        for (int i = 0; i <= WAIT_BUCKETS.length; i++) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("fromMinutes", i == 0 ? 0 : WAIT_BUCKETS[i - 1]);
            b.put("toMinutes", i == WAIT_BUCKETS.length ? null : WAIT_BUCKETS[i]);
            b.put("count", day.waitBuckets[i]);
            distribution.add(b);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("day", date.toString());
        out.put("generatedAt", now.toString());
        out.put("categories", categories);
        out.put("windows", windows);
        out.put("waitingSeries", series);
        out.put("servedPerHour", perHour);
        out.put("waitDistribution", distribution);
        out.put("ratings", ratings(c, date));
        return out;
    }

    private static long mean(long[] sumAndCount) {
        return sumAndCount == null || sumAndCount[1] == 0 ? 0 : Math.round(sumAndCount[0] / (double) sumAndCount[1]);
    }

    /** Folds the queue events this feature has not seen yet into the day aggregates. */
    private void catchUp(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, payload FROM queue_events WHERE seq > ? ORDER BY seq")) {
            ps.setLong(1, seenSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seenSeq = rs.getLong(1);
                    try {
                        fold(Json.MAPPER.readTree(rs.getString(2)));
                    } catch (IOException | RuntimeException e) {
                        // a malformed event must not stop the dashboard; it is simply not counted
                        org.slf4j.LoggerFactory.getLogger(SupervisorFeature.class)
                                .warn("skipping queue event {}: {}", seenSeq, e.getMessage());
                    }
                }
            }
        }
    }

    private void fold(JsonNode e) {
        Instant at = Instant.parse(e.path("at").asText());
        ZonedDateTime local = at.atZone(HALL_ZONE);
        Day day = days.computeIfAbsent(local.toLocalDate(), d -> new Day());
        String type = e.path("type").asText();
        JsonNode t = e.path("ticket");
        String category = t.path("category").asText(null);
        String windowId = e.path("windowId").isTextual() ? e.path("windowId").asText() : null;
        if (windowId != null) {
            day.windowLast.put(windowId, at);
        }
        switch (type) {
            case "TICKET_ISSUED" -> day.issued.merge(category, 1, Integer::sum);
            case "TICKET_CALLED" -> {
                long waited = Math.max(0, Duration.between(Instant.parse(t.path("issuedAt").asText()), at).toSeconds());
                add(day.waits, category, waited);
                int bucket = WAIT_BUCKETS.length;
                for (int i = 0; i < WAIT_BUCKETS.length; i++) {
                    if (waited < WAIT_BUCKETS[i] * 60L) {
                        bucket = i;
                        break;
                    }
                }
                day.waitBuckets[bucket]++;
            }
            case "TICKET_DONE" -> {
                if (t.path("calledAt").isTextual()) {
                    long service = Math.max(0, Duration.between(Instant.parse(t.path("calledAt").asText()), at).toSeconds());
                    add(day.services, category, service);
                    if (windowId != null) {
                        add(day.windowServices, windowId, service);
                    }
                }
                day.servedPerHour.computeIfAbsent(category, k -> new int[24])[local.getHour()]++;
            }
            case "TICKET_NO_SHOW" -> day.noShows.merge(category, 1, Integer::sum);
            default -> { }
        }
        int waiting = 0;
        for (JsonNode n : e.path("waitingByCategory")) {
            waiting += n.asInt();
        }
        for (JsonNode n : e.path("waitingByWindow")) {
            waiting += n.asInt();
        }
        day.waitingByMinute.put(at.truncatedTo(ChronoUnit.MINUTES), waiting);
    }

    private static void add(Map<String, long[]> sums, String key, long value) {
        long[] s = sums.computeIfAbsent(key, k -> new long[2]);
        s[0] += value;
        s[1]++;
    }

    // ---- ratings ---------------------------------------------------------------------------------

    private Map<String, Object> ratings(Connection c, LocalDate date) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String level : List.of("VERY_SATISFIED", "SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED", "VERY_DISSATISFIED")) {
            counts.put(level, 0);
        }
        int[] perHourCount = new int[24];
        int[] perHourScore = new int[24];
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT level, rated_ms FROM supervisor_ratings WHERE rated_ms >= ? AND rated_ms < ?")) {
            ps.setLong(1, start(date).toEpochMilli());
            ps.setLong(2, start(date.plusDays(1)).toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String level = rs.getString(1);
                    counts.merge(level, 1, Integer::sum);
                    int hour = Instant.ofEpochMilli(rs.getLong(2)).atZone(HALL_ZONE).getHour();
                    perHourCount[hour]++;
                    perHourScore[hour] += score(level);
                }
            }
        }
        List<Map<String, Object>> perHour = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            if (perHourCount[h] > 0) {
                perHour.add(Map.of("hour", h, "count", perHourCount[h],
                        "averageScore", Math.round(perHourScore[h] * 100.0 / perHourCount[h]) / 100.0));
            }
        }
        return Map.of("counts", counts, "perHour", perHour);
    }

    private static int score(String level) {
        return switch (level) {
            case "VERY_SATISFIED" -> 5;
            case "SATISFIED" -> 4;
            case "BASICALLY_SATISFIED" -> 3;
            case "DISSATISFIED" -> 2;
            default -> 1;
        };
    }

    private Response recordRating(Request req) {
        JsonNode body = req.json();
        if (!body.path("ticketId").canConvertToLong()) {
            throw new HttpError(400, "missing-field", "field 'ticketId' is required");
        }
        long ticketId = body.path("ticketId").asLong();
        String level = req.requiredText(body, "level");
        if (!LEVELS.contains(level)) {
            throw new HttpError(400, "bad-level", "level must be one of " + LEVELS);
        }
        List<String> reasons = new ArrayList<>();
        for (JsonNode n : body.path("reasons")) {
            if (!REASONS.contains(n.asText())) {
                throw new HttpError(400, "bad-reason", "unknown reason: " + n.asText());
            }
            reasons.add(n.asText());
        }
        boolean low = level.equals("DISSATISFIED") || level.equals("VERY_DISSATISFIED");
        if (low == reasons.isEmpty()) {
            throw new HttpError(400, "bad-reasons", low ? "a low rating needs a reason" : "only low ratings take reasons");
        }
        Instant at = ctx.clock().instant();
        return Response.json(201, db.inTransaction(c -> {
            String category;
            String windowId;
            try (PreparedStatement ps = c.prepareStatement("SELECT category, window_id, state FROM queue_tickets WHERE id = ?")) {
                ps.setLong(1, ticketId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new HttpError(404, "ticket-not-found", "no such ticket");
                    }
                    if (!"DONE".equals(rs.getString(3))) {
                        throw new HttpError(409, "not-served", "only a served ticket can be rated");
                    }
                    category = rs.getString(1);
                    windowId = rs.getString(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO supervisor_ratings(ticket_id, window_id, category, level, reasons, rated_at, rated_ms)
                    VALUES (?,?,?,?,?,?,?) ON CONFLICT(ticket_id) DO NOTHING""")) {
                ps.setLong(1, ticketId);
                ps.setString(2, windowId);
                ps.setString(3, category);
                ps.setString(4, level);
                ps.setString(5, String.join(",", reasons));
                ps.setString(6, at.toString());
                ps.setLong(7, at.toEpochMilli());
                if (ps.executeUpdate() != 1) {
                    throw new HttpError(409, "already-rated", "this ticket was rated already");
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ticketId", ticketId);
            out.put("windowId", windowId);
            out.put("category", category);
            out.put("level", level);
            out.put("reasons", reasons);
            out.put("ratedAt", at.toString());
            return out;
        }));
    }

    // ---- alerts ----------------------------------------------------------------------------------

    private Response recordAlert(Request req) {
        Sessions.Principal who = supervisor(req);
        JsonNode body = req.json();
        String kind = req.requiredText(body, "kind");
        if (!ALERT_KINDS.contains(kind)) {
            throw new HttpError(400, "bad-kind", "kind must be one of " + ALERT_KINDS);
        }
        String category = req.requiredText(body, "category");
        String windowId = body.path("windowId").isTextual() ? body.path("windowId").asText() : null;
        long value = body.path("value").asLong();
        long threshold = body.path("threshold").asLong();
        Instant at;
        try {
            at = body.path("raisedAt").isTextual() ? Instant.parse(body.path("raisedAt").asText()) : ctx.clock().instant();
        } catch (DateTimeParseException e) {
            throw new HttpError(400, "bad-time", "raisedAt must be an ISO-8601 instant");
        }
        return Response.json(201, db.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO supervisor_alerts(kind, category, window_id, value, threshold, raised_at, raised_ms, raised_by)
                    VALUES (?,?,?,?,?,?,?,?)""", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, kind);
                ps.setString(2, category);
                ps.setString(3, windowId);
                ps.setLong(4, value);
                ps.setLong(5, threshold);
                ps.setString(6, at.toString());
                ps.setLong(7, at.toEpochMilli());
                ps.setString(8, who.displayName());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            return alerts(c, "id = ?", id).get(0);
        }));
    }

    private Response acknowledge(Request req) {
        Sessions.Principal who = supervisor(req);
        long id;
        try {
            id = Long.parseLong(req.pathParam("alertId"));
        } catch (NumberFormatException e) {
            throw new HttpError(400, "bad-alert-id", "alert id must be a number");
        }
        Instant at = ctx.clock().instant();
        return Response.ok(db.inTransaction(c -> {
            List<Map<String, Object>> found = alerts(c, "id = ?", id);
            if (found.isEmpty()) {
                throw new HttpError(404, "alert-not-found", "no such alert");
            }
            if (found.get(0).get("acknowledgedAt") == null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE supervisor_alerts SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ?")) {
                    ps.setString(1, at.toString());
                    ps.setString(2, who.displayName());
                    ps.setLong(3, id);
                    ps.executeUpdate();
                }
                Map<String, Object> a = found.get(0);
                SupervisorAudit.record(c, at, who.displayName(), "ALERT_ACKNOWLEDGED", String.valueOf(id),
                        a.get("kind") + " " + a.get("category") + (a.get("windowId") == null ? "" : " " + a.get("windowId")));
            }
            return alerts(c, "id = ?", id).get(0);
        }));
    }

    private static List<Map<String, Object>> alerts(Connection c, String where, Object... args) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, kind, category, window_id, value, threshold, raised_at, acknowledged_at, acknowledged_by
                FROM supervisor_alerts WHERE\s""" + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getLong(1));
                    m.put("kind", rs.getString(2));
                    m.put("category", rs.getString(3));
                    m.put("windowId", rs.getString(4));
                    m.put("value", rs.getLong(5));
                    m.put("threshold", rs.getLong(6));
                    m.put("raisedAt", rs.getString(7));
                    m.put("acknowledgedAt", rs.getString(8));
                    m.put("acknowledgedBy", rs.getString(9));
                    out.add(m);
                }
            }
        }
        return out;
    }
}
