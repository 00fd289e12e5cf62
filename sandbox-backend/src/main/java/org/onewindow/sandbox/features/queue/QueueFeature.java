package org.onewindow.sandbox.features.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.onewindow.sandbox.SandboxContext;
import org.onewindow.sandbox.SandboxFeature;
import org.onewindow.sandbox.Sessions;
import org.onewindow.sandbox.http.HttpError;
import org.onewindow.sandbox.http.Json;
import org.onewindow.sandbox.http.Request;
import org.onewindow.sandbox.http.Response;
import org.onewindow.sandbox.store.SandboxDatabase;

/**
 * The hall's queue (docs/queue.md): categories, windows, tickets with priority classes, call-next by rule,
 * recall, transfer, no-show, park/resume, pause/resume, kiosk issuing, appointment check-in, and every
 * change pushed as a server-sent event. Each operation is one transaction; the conditional update
 * {@code WHERE state = 'WAITING'} and a unique index on the window's called ticket make a double call
 * impossible even if the store's lock were ever relaxed.
 */
public final class QueueFeature implements SandboxFeature {
    private static final Pattern WINDOW_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern APPOINTMENT_CODE = Pattern.compile("[A-Za-z0-9-]{1,40}");
    private static final Set<String> PRIORITIES = Set.of("REGULAR", "APPOINTMENT", "ELDERLY", "DISABLED");
    private static final String TICKET_COLUMNS =
            "id, number, category, priority, state, issued_at, called_at, window_id, target_window, recall_count";

    private SandboxContext ctx;
    private SandboxDatabase db;
    private final QueueEventHub hub = new QueueEventHub();
    // guarded by the store's lock; rebuilt from the tables at start and after any failed transaction
    private final Map<String, Integer> waitingByCategory = new TreeMap<>();
    private final Map<String, Integer> waitingByWindow = new TreeMap<>();
    private long lastSeq;

    record Win(String id, String name, List<String> categories, String status, String clerk) {
    }

    @FunctionalInterface
    interface Mutation<T> {
        T run(Connection c, List<QueueEventHub.Wire> events) throws SQLException;
    }

    /** Answer of a window operation when it cannot tell the current ticket cheaply. */
    private static final Map<String, Object> UNKNOWN = Map.of();
    // prepared once per SQL text on the store's single connection; guarded by the store's lock
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    @Override
    public void install(SandboxContext context) {
        this.ctx = context;
        this.db = context.db();
        db.execute("""
                CREATE TABLE IF NOT EXISTS queue_categories (
                  code TEXT PRIMARY KEY, name TEXT NOT NULL, prefix TEXT NOT NULL, next_seq INTEGER NOT NULL,
                  sort INTEGER NOT NULL)""", """
                CREATE TABLE IF NOT EXISTS queue_windows (
                  window_id TEXT PRIMARY KEY, name TEXT NOT NULL, categories TEXT NOT NULL, status TEXT NOT NULL,
                  clerk_name TEXT)""", """
                CREATE TABLE IF NOT EXISTS queue_tickets (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, number TEXT NOT NULL, category TEXT NOT NULL,
                  priority TEXT NOT NULL, rank INTEGER NOT NULL, state TEXT NOT NULL, issued_at TEXT NOT NULL,
                  issued_ms INTEGER NOT NULL, called_at TEXT, window_id TEXT, target_window TEXT,
                  recall_count INTEGER NOT NULL DEFAULT 0)""",
                // the head of each queue is one index probe: equality on state/category/target, then order
                "CREATE INDEX IF NOT EXISTS queue_tickets_head ON queue_tickets(state, category, target_window, rank DESC, issued_ms, id)",
                "CREATE INDEX IF NOT EXISTS queue_tickets_targeted ON queue_tickets(state, target_window, rank DESC, issued_ms, id)",
                "CREATE INDEX IF NOT EXISTS queue_tickets_window ON queue_tickets(window_id, state)",
                // a window serves one ticket at a time, enforced by the store itself
                "CREATE UNIQUE INDEX IF NOT EXISTS queue_one_called_per_window ON queue_tickets(window_id) WHERE state = 'CALLED'",
                """
                CREATE TABLE IF NOT EXISTS queue_appointments (
                  code TEXT PRIMARY KEY, category TEXT NOT NULL, slot_start TEXT NOT NULL, ticket_id INTEGER)""", """
                CREATE TABLE IF NOT EXISTS queue_events (seq INTEGER PRIMARY KEY, payload TEXT NOT NULL)""");
        seedCategory("SB", "社保", "A", 1);
        seedCategory("BDC", "不动产", "B", 2);
        seedCategory("HJ", "户籍", "C", 3);
        seedCategory("ZH", "综合", "D", 4);
        seedWindow("W1", "1号窗口", "SB,ZH");
        seedWindow("W2", "2号窗口", "SB");
        seedWindow("W3", "3号窗口", "BDC");
        seedWindow("W4", "4号窗口", "BDC,ZH");
        seedWindow("W5", "5号窗口", "HJ");
        seedWindow("W6", "6号窗口", "ZH,SB,BDC,HJ");
        db.with(c -> {
            recount(c);
            return null;
        });

        var r = ctx.router();
        r.route("GET", "/api/v1/queue/categories", req -> Response.ok(Map.of("items", categories())));
        r.route("GET", "/api/v1/queue/windows", req -> Response.ok(Map.of("items", db.with(c -> {
            List<Map<String, Object>> all = new ArrayList<>();
            for (Win w : allWindows(c)) {
                all.add(windowState(c, w));
            }
            return all;
        }))));
        r.route("GET", "/api/v1/queue/windows/{windowId}", req ->
                Response.ok(db.with(c -> windowState(c, window(c, windowId(req))))));
        r.route("PUT", "/api/v1/queue/windows/{windowId}", this::defineWindow);
        r.route("POST", "/api/v1/queue/windows/{windowId}/call-next", req -> windowOp(req, this::callNext));
        r.route("POST", "/api/v1/queue/windows/{windowId}/recall", req -> windowOp(req, this::recall));
        r.route("POST", "/api/v1/queue/windows/{windowId}/transfer", this::transfer);
        r.route("POST", "/api/v1/queue/windows/{windowId}/no-show", req ->
                windowOp(req, (c, w, ev) -> endCurrent(c, w, "NO_SHOW", "TICKET_NO_SHOW", ev)));
        r.route("POST", "/api/v1/queue/windows/{windowId}/park", req ->
                windowOp(req, (c, w, ev) -> endCurrent(c, w, "PARKED", "TICKET_PARKED", ev)));
        r.route("POST", "/api/v1/queue/windows/{windowId}/finish", req ->
                windowOp(req, (c, w, ev) -> endCurrent(c, w, "DONE", "TICKET_DONE", ev)));
        r.route("POST", "/api/v1/queue/windows/{windowId}/parked/{ticketId}/resume", this::resumeParked);
        r.route("POST", "/api/v1/queue/windows/{windowId}/pause", req ->
                windowOp(req, (c, w, ev) -> setStatus(c, w, "PAUSED", "WINDOW_PAUSED", ev)));
        r.route("POST", "/api/v1/queue/windows/{windowId}/resume", req ->
                windowOp(req, (c, w, ev) -> setStatus(c, w, "OPEN", "WINDOW_RESUMED", ev)));
        r.route("POST", "/api/v1/queue/tickets", this::issue);
        r.route("GET", "/api/v1/queue/tickets/{ticketId}", req -> Response.ok(db.with(c -> {
            Map<String, Object> t = ticket(c, "id = ?", ticketId(req));
            if (t == null) {
                throw new HttpError(404, "ticket-not-found", "no such ticket");
            }
            return t;
        })));
        r.route("POST", "/api/v1/queue/appointments", this::book);
        r.route("POST", "/api/v1/queue/appointments/{code}/check-in", this::checkIn);
        r.stream("GET", "/api/v1/queue/events", (req, exchange) -> hub.stream(req, exchange, this::register));
        new SupervisorQueueActions(this, ctx).install(); // issue 9: audited supervisor actions on the queue
    }

    /** Open event-stream connections (tests wait for their clients to be connected). */
    public int eventConnections() {
        return hub.connections();
    }

    // ---- operations ------------------------------------------------------------------------------

    /** A clerk's operation on a window; answers the window's current ticket after it, or {@link #UNKNOWN}. */
    @FunctionalInterface
    private interface WindowOperation {
        Map<String, Object> run(Connection c, Win window, List<QueueEventHub.Wire> events) throws SQLException;
    }

    /** Runs a clerk's operation on a window and answers with the window's state after it. */
    private Response windowOp(Request req, WindowOperation op) {
        Sessions.Principal clerk = ctx.sessions().require(req);
        String windowId = windowId(req);
        return Response.ok(mutate((c, events) -> {
            Win w = window(c, windowId);
            Map<String, Object> current = op.run(c, w, events);
            if (!clerk.displayName().equals(w.clerk())) {
                try (PreparedStatement ps = ps(c, "UPDATE queue_windows SET clerk_name = ? WHERE window_id = ?")) {
                    ps.setString(1, clerk.displayName());
                    ps.setString(2, windowId);
                    ps.executeUpdate();
                }
            }
            if (current == UNKNOWN) {
                return windowState(c, window(c, windowId));
            }
            Win after = new Win(w.id(), w.name(), w.categories(), w.status(), clerk.displayName());
            return windowState(c, after, current);
        }));
    }

    private Map<String, Object> callNext(Connection c, Win w, List<QueueEventHub.Wire> events) throws SQLException {
        if ("PAUSED".equals(w.status())) {
            throw new HttpError(409, "window-paused", "the window is paused");
        }
        Head next = head(c, w);
        closeCurrentAsDone(c, w, events);
        if (next == null) {
            return null;
        }
        try (PreparedStatement ps = ps(c, """
                UPDATE queue_tickets SET state = 'CALLED', window_id = ?, called_at = ?
                WHERE id = ? AND state = 'WAITING'""")) {
            ps.setString(1, w.id());
            ps.setString(2, now().toString());
            ps.setLong(3, next.id());
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("ticket " + next.id() + " was taken during the call");
            }
        }
        countWaiting(next.category(), next.targetWindow(), -1);
        Map<String, Object> called = ticket(c, "id = ?", next.id());
        emit(c, events, "TICKET_CALLED", w.id(), called);
        return called;
    }

    private record Head(long id, int rank, long issuedMs, String category, String targetWindow) {
        boolean before(Head other) {
            return other == null || rank > other.rank
                    || rank == other.rank && (issuedMs < other.issuedMs || issuedMs == other.issuedMs && id < other.id);
        }
    }

    /** The ticket the window calls next: the best head among its categories' queues and its own. */
    private Head head(Connection c, Win w) throws SQLException {
        Head best;
        try (PreparedStatement own = ps(c, """
                SELECT id, rank, issued_ms, category, target_window FROM queue_tickets
                WHERE state = 'WAITING' AND target_window = ? ORDER BY rank DESC, issued_ms, id LIMIT 1""")) {
            own.setString(1, w.id());
            best = head(own);
        }
        for (String category : w.categories()) {
            try (PreparedStatement ps = ps(c, """
                    SELECT id, rank, issued_ms, category, target_window FROM queue_tickets
                    WHERE state = 'WAITING' AND category = ? AND target_window IS NULL
                    ORDER BY rank DESC, issued_ms, id LIMIT 1""")) {
                ps.setString(1, category);
                Head h = head(ps);
                if (h != null && h.before(best)) {
                    best = h;
                }
            }
        }
        return best;
    }

    private static Head head(PreparedStatement probe) throws SQLException {
        try (ResultSet rs = probe.executeQuery()) {
            return rs.next() ? new Head(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5)) : null;
        }
    }

    private void closeCurrentAsDone(Connection c, Win w, List<QueueEventHub.Wire> events) throws SQLException {
        Map<String, Object> current = ticket(c, "window_id = ? AND state = 'CALLED'", w.id());
        if (current != null) {
            setState(c, (Long) current.get("id"), "DONE");
            Map<String, Object> done = new LinkedHashMap<>(current);
            done.put("state", "DONE");
            emit(c, events, "TICKET_DONE", w.id(), done);
        }
    }

    private Map<String, Object> recall(Connection c, Win w, List<QueueEventHub.Wire> events) throws SQLException {
        Map<String, Object> current = requireCurrent(c, w);
        try (PreparedStatement ps = ps(c, 
                "UPDATE queue_tickets SET recall_count = recall_count + 1 WHERE id = ?")) {
            ps.setLong(1, (Long) current.get("id"));
            ps.executeUpdate();
        }
        Map<String, Object> recalled = ticket(c, "id = ?", current.get("id"));
        emit(c, events, "TICKET_RECALLED", w.id(), recalled);
        return recalled;
    }

    private Map<String, Object> endCurrent(Connection c, Win w, String state, String eventType,
                                           List<QueueEventHub.Wire> events) throws SQLException {
        Map<String, Object> current = requireCurrent(c, w);
        setState(c, (Long) current.get("id"), state);
        Map<String, Object> ended = new LinkedHashMap<>(current);
        ended.put("state", state);
        emit(c, events, eventType, w.id(), ended);
        return null;
    }

    Map<String, Object> setStatus(Connection c, Win w, String status, String eventType,
                                  List<QueueEventHub.Wire> events) throws SQLException {
        try (PreparedStatement ps = ps(c, "UPDATE queue_windows SET status = ? WHERE window_id = ?")) {
            ps.setString(1, status);
            ps.setString(2, w.id());
            ps.executeUpdate();
        }
        emit(c, events, eventType, w.id(), null);
        return UNKNOWN;
    }

    private Response transfer(Request req) {
        JsonNode body = req.json();
        String toCategory = body.path("toCategory").isTextual() ? body.path("toCategory").asText() : null;
        String toWindow = body.path("toWindow").isTextual() ? body.path("toWindow").asText() : null;
        if ((toCategory == null) == (toWindow == null)) {
            throw new HttpError(400, "bad-transfer", "give exactly one of toCategory and toWindow");
        }
        return windowOp(req, (c, w, events) -> {
            Map<String, Object> current = requireCurrent(c, w);
            long id = (Long) current.get("id");
            String category = (String) current.get("category");
            if (toCategory != null) {
                if (!categoryExists(c, toCategory)) {
                    throw new HttpError(400, "unknown-category", "no such category: " + toCategory);
                }
                category = toCategory;
            } else {
                if (toWindow.equals(w.id())) {
                    throw new HttpError(400, "bad-transfer", "a ticket cannot be transferred to its own window");
                }
                window(c, toWindow);
            }
            try (PreparedStatement ps = ps(c, """
                    UPDATE queue_tickets SET state = 'WAITING', category = ?, target_window = ?, window_id = NULL,
                      called_at = NULL WHERE id = ?""")) {
                ps.setString(1, category);
                ps.setString(2, toWindow);
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            Map<String, Object> after = ticket(c, "id = ?", id);
            countWaiting(category, toWindow, +1);
            emit(c, events, "TICKET_TRANSFERRED", w.id(), after);
            return null;
        });
    }

    private Response resumeParked(Request req) {
        long ticketId = ticketId(req);
        return windowOp(req, (c, w, events) -> {
            Map<String, Object> parked = ticket(c, "id = ? AND window_id = ? AND state = 'PARKED'", ticketId, w.id());
            if (parked == null) {
                throw new HttpError(404, "not-parked-here", "this window holds no such parked ticket");
            }
            closeCurrentAsDone(c, w, events);
            try (PreparedStatement ps = ps(c, 
                    "UPDATE queue_tickets SET state = 'CALLED', called_at = ? WHERE id = ?")) {
                ps.setString(1, now().toString());
                ps.setLong(2, ticketId);
                ps.executeUpdate();
            }
            Map<String, Object> resumed = ticket(c, "id = ?", ticketId);
            emit(c, events, "TICKET_RESUMED", w.id(), resumed);
            return resumed;
        });
    }

    private Response defineWindow(Request req) {
        Sessions.Principal who = ctx.sessions().require(req);
        if (!who.roles().contains("SUPERVISOR")) {
            throw new HttpError(403, "forbidden", "only a supervisor defines windows");
        }
        String windowId = windowId(req);
        JsonNode body = req.json();
        String name = req.requiredText(body, "name");
        List<String> categories = new ArrayList<>();
        body.path("categories").forEach(n -> categories.add(n.asText()));
        if (categories.isEmpty()) {
            throw new HttpError(400, "missing-field", "field 'categories' needs at least one category");
        }
        return Response.ok(mutate((c, events) -> {
            for (String category : categories) {
                if (!categoryExists(c, category)) {
                    throw new HttpError(400, "unknown-category", "no such category: " + category);
                }
            }
            try (PreparedStatement ps = ps(c, """
                    INSERT INTO queue_windows(window_id, name, categories, status) VALUES (?,?,?,'OPEN')
                    ON CONFLICT(window_id) DO UPDATE SET name = excluded.name, categories = excluded.categories""")) {
                ps.setString(1, windowId);
                ps.setString(2, name);
                ps.setString(3, String.join(",", categories));
                ps.executeUpdate();
            }
            emit(c, events, "WINDOW_CHANGED", windowId, null);
            return windowState(c, window(c, windowId));
        }));
    }

    private Response issue(Request req) {
        JsonNode body = req.json();
        String category = req.requiredText(body, "category");
        String priority = body.path("priority").asText("REGULAR");
        if (!PRIORITIES.contains(priority)) {
            throw new HttpError(400, "bad-priority", "priority must be one of " + PRIORITIES);
        }
        return Response.json(201, mutate((c, events) -> {
            long id = newTicket(c, category, priority);
            Map<String, Object> t = ticket(c, "id = ?", id);
            emit(c, events, "TICKET_ISSUED", null, t);
            return t;
        }));
    }

    private Response book(Request req) {
        JsonNode body = req.json();
        String category = req.requiredText(body, "category");
        Instant slot;
        try {
            slot = Instant.parse(req.requiredText(body, "slotStart"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new HttpError(400, "bad-time", "slotStart must be an ISO-8601 instant");
        }
        return Response.json(201, db.inTransaction(c -> {
            if (!categoryExists(c, category)) {
                throw new HttpError(400, "unknown-category", "no such category: " + category);
            }
            long n;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) + 1 FROM queue_appointments")) {
                rs.next();
                n = rs.getLong(1);
            }
            String code = String.format("YY-%s-%05d", category, n);
            try (PreparedStatement ps = ps(c, 
                    "INSERT INTO queue_appointments(code, category, slot_start) VALUES (?,?,?)")) {
                ps.setString(1, code);
                ps.setString(2, category);
                ps.setString(3, slot.toString());
                ps.executeUpdate();
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("code", code);
            out.put("category", category);
            out.put("slotStart", slot.toString());
            out.put("ticketId", null);
            return out;
        }));
    }

    private Response checkIn(Request req) {
        String code = req.pathParam("code");
        if (!APPOINTMENT_CODE.matcher(code).matches()) {
            throw new HttpError(400, "bad-code", "appointment code has invalid characters");
        }
        return Response.ok(mutate((c, events) -> {
            String category;
            Long existing;
            try (PreparedStatement ps = ps(c, 
                    "SELECT category, ticket_id FROM queue_appointments WHERE code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new HttpError(404, "appointment-not-found", "no such appointment");
                    }
                    category = rs.getString(1);
                    long t = rs.getLong(2);
                    existing = rs.wasNull() ? null : t;
                }
            }
            if (existing != null) {
                return ticket(c, "id = ?", existing);
            }
            long id = newTicket(c, category, "APPOINTMENT");
            try (PreparedStatement ps = ps(c, "UPDATE queue_appointments SET ticket_id = ? WHERE code = ?")) {
                ps.setLong(1, id);
                ps.setString(2, code);
                ps.executeUpdate();
            }
            Map<String, Object> t = ticket(c, "id = ?", id);
            emit(c, events, "TICKET_ISSUED", null, t);
            return t;
        }));
    }

    private long newTicket(Connection c, String category, String priority) throws SQLException {
        String prefix;
        long seq;
        try (PreparedStatement ps = ps(c, "SELECT prefix, next_seq FROM queue_categories WHERE code = ?")) {
            ps.setString(1, category);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new HttpError(400, "unknown-category", "no such category: " + category);
                }
                prefix = rs.getString(1);
                seq = rs.getLong(2);
            }
        }
        try (PreparedStatement ps = ps(c, "UPDATE queue_categories SET next_seq = next_seq + 1 WHERE code = ?")) {
            ps.setString(1, category);
            ps.executeUpdate();
        }
        Instant now = now();
        try (PreparedStatement ps = ps(c, """
                INSERT INTO queue_tickets(number, category, priority, rank, state, issued_at, issued_ms)
                VALUES (?,?,?,?,'WAITING',?,?)""", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, prefix + String.format("%03d", seq));
            ps.setString(2, category);
            ps.setString(3, priority);
            ps.setInt(4, rank(priority));
            ps.setString(5, now.toString());
            ps.setLong(6, now.toEpochMilli());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                waitingByCategory.merge(category, 1, Integer::sum);
                return id;
            }
        }
    }

    /** Same ranks as org.onewindow.core.queue.PriorityClass. */
    private static int rank(String priority) {
        return switch (priority) {
            case "ELDERLY", "DISABLED" -> 2;
            case "APPOINTMENT" -> 1;
            default -> 0;
        };
    }

    // ---- events ----------------------------------------------------------------------------------

    /** Runs {@code m} as one transaction, then publishes its events in commit order. */
    <T> T mutate(Mutation<T> m) {
        return db.with(outer -> {
            List<QueueEventHub.Wire> events = new ArrayList<>();
            T result;
            try {
                result = db.inTransaction(c -> m.run(c, events));
            } catch (RuntimeException e) {
                // the transaction rolled back: the in-memory counts and seq may have moved with it
                recount(outer);
                throw e;
            }
            hub.publish(events);
            return result;
        });
    }

    void emit(Connection c, List<QueueEventHub.Wire> events, String type, String windowId,
                      Map<String, Object> ticket) throws SQLException {
        long seq = ++lastSeq;
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("seq", seq);
        e.put("type", type);
        e.put("at", now().toString());
        e.put("windowId", windowId);
        e.put("ticket", ticket);
        e.put("waitingByCategory", new TreeMap<>(waitingByCategory));
        e.put("waitingByWindow", new TreeMap<>(waitingByWindow));
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot encode queue event", ex);
        }
        try (PreparedStatement ps = ps(c, "INSERT INTO queue_events(seq, payload) VALUES (?,?)")) {
            ps.setLong(1, seq);
            ps.setString(2, json);
            ps.executeUpdate();
        }
        events.add(new QueueEventHub.Wire(seq, json));
    }

    /** Registers a stream under the store's lock and reads what it must replay (at most the last 10 000). */
    private List<QueueEventHub.Wire> register(QueueEventHub.Subscriber subscriber, long afterSeq) {
        return db.with(c -> {
            hub.add(subscriber);
            List<QueueEventHub.Wire> replay = new ArrayList<>();
            if (afterSeq < 0 || afterSeq >= lastSeq || lastSeq - afterSeq > 10_000) {
                return replay;
            }
            try (PreparedStatement ps = ps(c, "SELECT seq, payload FROM queue_events WHERE seq > ? ORDER BY seq")) {
                ps.setLong(1, afterSeq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        replay.add(new QueueEventHub.Wire(rs.getLong(1), rs.getString(2)));
                    }
                }
            }
            return replay;
        });
    }

    void countWaiting(String category, String targetWindow, int delta) {
        if (targetWindow != null) {
            waitingByWindow.merge(targetWindow, delta, Integer::sum);
            waitingByWindow.values().removeIf(v -> v == 0);
        } else {
            waitingByCategory.merge(category, delta, Integer::sum);
        }
    }

    private void recount(Connection c) throws SQLException {
        waitingByCategory.clear();
        waitingByWindow.clear();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT code FROM queue_categories")) {
                while (rs.next()) {
                    waitingByCategory.put(rs.getString(1), 0);
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    SELECT category, target_window, COUNT(*) FROM queue_tickets WHERE state = 'WAITING'
                    GROUP BY category, target_window""")) {
                while (rs.next()) {
                    String target = rs.getString(2);
                    if (target == null) {
                        waitingByCategory.merge(rs.getString(1), rs.getInt(3), Integer::sum);
                    } else {
                        waitingByWindow.merge(target, rs.getInt(3), Integer::sum);
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM queue_events")) {
                rs.next();
                lastSeq = rs.getLong(1);
            }
        }
    }

    // ---- reading ---------------------------------------------------------------------------------

    private List<Map<String, Object>> categories() {
        return db.with(c -> {
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT code, name, prefix FROM queue_categories ORDER BY sort")) {
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("code", rs.getString(1));
                    m.put("name", rs.getString(2));
                    m.put("prefix", rs.getString(3));
                    out.add(m);
                }
            }
            return out;
        });
    }

    boolean categoryExists(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = ps(c, "SELECT 1 FROM queue_categories WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    Win window(Connection c, String windowId) throws SQLException {
        try (PreparedStatement ps = ps(c, 
                "SELECT window_id, name, categories, status, clerk_name FROM queue_windows WHERE window_id = ?")) {
            ps.setString(1, windowId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new HttpError(404, "window-not-found", "no such window: " + windowId);
                }
                return win(rs);
            }
        }
    }

    private List<Win> allWindows(Connection c) throws SQLException {
        List<Win> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT window_id, name, categories, status, clerk_name FROM queue_windows ORDER BY window_id")) {
            while (rs.next()) {
                out.add(win(rs));
            }
        }
        return out;
    }

    private static Win win(ResultSet rs) throws SQLException {
        return new Win(rs.getString(1), rs.getString(2), Arrays.asList(rs.getString(3).split(",")), rs.getString(4),
                rs.getString(5));
    }

    Map<String, Object> windowState(Connection c, Win w) throws SQLException {
        return windowState(c, w, ticket(c, "window_id = ? AND state = 'CALLED'", w.id()));
    }

    private Map<String, Object> windowState(Connection c, Win w, Map<String, Object> current) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("windowId", w.id());
        m.put("name", w.name());
        m.put("categories", w.categories());
        m.put("status", w.status());
        m.put("clerkName", w.clerk());
        m.put("current", current);
        int waiting = waitingByWindow.getOrDefault(w.id(), 0);
        for (String category : w.categories()) {
            waiting += waitingByCategory.getOrDefault(category, 0);
        }
        m.put("waitingCount", waiting);
        m.put("parked", tickets(c, "window_id = ? AND state = 'PARKED' ORDER BY called_at, id", w.id()));
        return m;
    }

    private Map<String, Object> requireCurrent(Connection c, Win w) throws SQLException {
        Map<String, Object> current = ticket(c, "window_id = ? AND state = 'CALLED'", w.id());
        if (current == null) {
            throw new HttpError(409, "no-current-ticket", "the window is not serving a ticket");
        }
        return current;
    }

    private void setState(Connection c, long id, String state) throws SQLException {
        try (PreparedStatement ps = ps(c, "UPDATE queue_tickets SET state = ? WHERE id = ?")) {
            ps.setString(1, state);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    Map<String, Object> ticket(Connection c, String where, Object... args) throws SQLException {
        List<Map<String, Object>> found = tickets(c, where + (where.contains("ORDER BY") ? "" : " LIMIT 1"), args);
        return found.isEmpty() ? null : found.get(0);
    }

    List<Map<String, Object>> tickets(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = ps(c, "SELECT " + TICKET_COLUMNS + " FROM queue_tickets WHERE " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("id", rs.getLong(1));
                    t.put("number", rs.getString(2));
                    t.put("category", rs.getString(3));
                    t.put("priority", rs.getString(4));
                    t.put("state", rs.getString(5));
                    t.put("issuedAt", rs.getString(6));
                    t.put("calledAt", rs.getString(7));
                    t.put("windowId", rs.getString(8));
                    t.put("targetWindowId", rs.getString(9));
                    t.put("recallCount", rs.getInt(10));
                    out.add(t);
                }
            }
            return out;
        }
    }

    private static String windowId(Request req) {
        String id = req.pathParam("windowId");
        if (!WINDOW_ID.matcher(id).matches()) {
            throw new HttpError(400, "bad-window-id", "window id has invalid characters");
        }
        return id;
    }

    private static long ticketId(Request req) {
        try {
            return Long.parseLong(req.pathParam("ticketId"));
        } catch (NumberFormatException e) {
            throw new HttpError(400, "bad-ticket-id", "ticket id must be a number");
        }
    }

    /**
     * A prepared statement reused across calls: the hot path (call-next) runs a dozen statements, and
     * compiling them anew each time costs more than running them. Closing it only clears its parameters.
     */
    private PreparedStatement ps(Connection c, String sql, int... autoGeneratedKeys) throws SQLException {
        String key = autoGeneratedKeys.length == 0 ? sql : sql + "#keys";
        PreparedStatement cached = statements.get(key);
        if (cached == null) {
            PreparedStatement real = autoGeneratedKeys.length == 0 ? c.prepareStatement(sql)
                    : c.prepareStatement(sql, autoGeneratedKeys[0]);
            cached = (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close") && method.getParameterCount() == 0) {
                            real.clearParameters();
                            return null;
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            statements.put(key, cached);
        }
        return cached;
    }

    private Instant now() {
        return ctx.clock().instant();
    }

    private void seedCategory(String code, String name, String prefix, int sort) {
        db.with(c -> {
            try (PreparedStatement ps = ps(c, 
                    "INSERT OR IGNORE INTO queue_categories(code, name, prefix, next_seq, sort) VALUES (?,?,?,1,?)")) {
                ps.setString(1, code);
                ps.setString(2, name);
                ps.setString(3, prefix);
                ps.setInt(4, sort);
                return ps.executeUpdate();
            }
        });
    }

    private void seedWindow(String id, String name, String categories) {
        db.with(c -> {
            try (PreparedStatement ps = ps(c, 
                    "INSERT OR IGNORE INTO queue_windows(window_id, name, categories, status) VALUES (?,?,?,'OPEN')")) {
                ps.setString(1, id);
                ps.setString(2, name);
                ps.setString(3, categories);
                return ps.executeUpdate();
            }
        });
    }

    /** Waiting counts as the feature holds them (tests compare them with the tables). */
    Map<String, Integer> waitingByCategorySnapshot() {
        return db.with(c -> new HashMap<>(waitingByCategory));
    }
}
