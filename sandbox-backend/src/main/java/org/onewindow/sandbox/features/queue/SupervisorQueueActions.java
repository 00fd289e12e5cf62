package org.onewindow.sandbox.features.queue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.onewindow.sandbox.SandboxContext;
import org.onewindow.sandbox.Sessions;
import org.onewindow.sandbox.features.SupervisorAudit;
import org.onewindow.sandbox.http.HttpError;
import org.onewindow.sandbox.http.Request;
import org.onewindow.sandbox.http.Response;

/**
 * The supervisor's actions on the queue (issue 9): change a window's categories, pause or resume a window
 * without taking it over, move waiting tickets between categories. They live beside {@link QueueFeature}
 * because they must keep its waiting counts and event sequence exact; each runs in one transaction with
 * its audit record and pushes the same events a clerk's action would.
 */
final class SupervisorQueueActions {
    private static final Pattern WINDOW_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final int MAX_MOVE = 200;

    private final QueueFeature queue;
    private final SandboxContext ctx;

    SupervisorQueueActions(QueueFeature queue, SandboxContext ctx) {
        this.queue = queue;
        this.ctx = ctx;
    }

    void install() {
        SupervisorAudit.createTable(ctx.db());
        var r = ctx.router();
        r.route("PUT", "/api/v1/supervisor/windows/{windowId}/categories", this::setCategories);
        r.route("POST", "/api/v1/supervisor/windows/{windowId}/pause", req -> setStatus(req, "PAUSED"));
        r.route("POST", "/api/v1/supervisor/windows/{windowId}/resume", req -> setStatus(req, "OPEN"));
        r.route("POST", "/api/v1/supervisor/tickets/move", this::moveTickets);
    }

    private Sessions.Principal supervisor(Request req) {
        Sessions.Principal who = ctx.sessions().require(req);
        if (!who.roles().contains("SUPERVISOR")) {
            throw new HttpError(403, "forbidden", "only a supervisor may do this");
        }
        return who;
    }

    private static String windowId(Request req) {
        String id = req.pathParam("windowId");
        if (!WINDOW_ID.matcher(id).matches()) {
            throw new HttpError(400, "bad-window-id", "window id has invalid characters");
        }
        return id;
    }

    private Response setCategories(Request req) {
        Sessions.Principal who = supervisor(req);
        String windowId = windowId(req);
        List<String> categories = new ArrayList<>();
        req.json().path("categories").forEach(n -> {
            if (!categories.contains(n.asText())) {
                categories.add(n.asText());
            }
        });
        if (categories.isEmpty()) {
            throw new HttpError(400, "missing-field", "field 'categories' needs at least one category");
        }
        return Response.ok(queue.mutate((c, events) -> {
            QueueFeature.Win before = queue.window(c, windowId);
            for (String category : categories) {
                if (!queue.categoryExists(c, category)) {
                    throw new HttpError(400, "unknown-category", "no such category: " + category);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE queue_windows SET categories = ? WHERE window_id = ?")) {
                ps.setString(1, String.join(",", categories));
                ps.setString(2, windowId);
                ps.executeUpdate();
            }
            SupervisorAudit.record(c, ctx.clock().instant(), who.displayName(), "WINDOW_CATEGORIES", windowId,
                    String.join(",", before.categories()) + " -> " + String.join(",", categories));
            queue.emit(c, events, "WINDOW_CHANGED", windowId, null);
            return queue.windowState(c, queue.window(c, windowId));
        }));
    }

    private Response setStatus(Request req, String status) {
        Sessions.Principal who = supervisor(req);
        String windowId = windowId(req);
        return Response.ok(queue.mutate((c, events) -> {
            QueueFeature.Win w = queue.window(c, windowId);
            if (!status.equals(w.status())) {
                queue.setStatus(c, w, status, "PAUSED".equals(status) ? "WINDOW_PAUSED" : "WINDOW_RESUMED", events);
                SupervisorAudit.record(c, ctx.clock().instant(), who.displayName(),
                        "PAUSED".equals(status) ? "WINDOW_PAUSED" : "WINDOW_RESUMED", windowId, w.name());
            }
            return queue.windowState(c, queue.window(c, windowId));
        }));
    }

    private Response moveTickets(Request req) {
        Sessions.Principal who = supervisor(req);
        JsonNode body = req.json();
        String from = req.requiredText(body, "fromCategory");
        String to = req.requiredText(body, "toCategory");
        int count = body.path("count").asInt(0);
        if (count < 1 || count > MAX_MOVE) {
            throw new HttpError(400, "bad-count", "count must be 1.." + MAX_MOVE);
        }
        if (from.equals(to)) {
            throw new HttpError(400, "bad-move", "the categories must differ");
        }
        List<Map<String, Object>> moved = queue.mutate((c, events) -> {
            for (String category : List.of(from, to)) {
                if (!queue.categoryExists(c, category)) {
                    throw new HttpError(400, "unknown-category", "no such category: " + category);
                }
            }
            // the longest-waiting first: they keep their issue time, so they head the other queue too
            List<Map<String, Object>> picked = queue.tickets(c, """
                    state = 'WAITING' AND category = ? AND target_window IS NULL
                    ORDER BY rank DESC, issued_ms, id LIMIT ?""", from, count);
            List<Map<String, Object>> after = new ArrayList<>();
            List<String> numbers = new ArrayList<>();
            for (Map<String, Object> t : picked) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE queue_tickets SET category = ? WHERE id = ?")) {
                    ps.setString(1, to);
                    ps.setLong(2, (Long) t.get("id"));
                    ps.executeUpdate();
                }
                queue.countWaiting((String) t.get("category"), (String) t.get("targetWindowId"), -1);
                Map<String, Object> now = queue.ticket(c, "id = ?", t.get("id"));
                queue.countWaiting((String) now.get("category"), (String) now.get("targetWindowId"), +1);
                queue.emit(c, events, "TICKET_TRANSFERRED", null, now);
                after.add(now);
                numbers.add((String) t.get("number"));
            }
            if (!picked.isEmpty()) {
                SupervisorAudit.record(c, ctx.clock().instant(), who.displayName(), "TICKETS_MOVED", from,
                        picked.size() + " " + from + " -> " + to + ": " + String.join(",", numbers));
            }
            return after;
        });
        return Response.ok(Map.of("moved", moved));
    }
}
