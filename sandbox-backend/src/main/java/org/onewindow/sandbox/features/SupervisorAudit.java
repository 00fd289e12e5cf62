package org.onewindow.sandbox.features;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.sandbox.store.SandboxDatabase;

/**
 * The supervisor audit trail (issue 9): one row per action, written in the same transaction as the action
 * itself so an action is never done without its record. Details name windows, categories and ticket
 * numbers only, never citizen data.
 */
public final class SupervisorAudit {
    private SupervisorAudit() {
    }

    public static void createTable(SandboxDatabase db) {
        db.execute("""
                CREATE TABLE IF NOT EXISTS supervisor_audit (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, at_ms INTEGER NOT NULL,
                  actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, detail TEXT NOT NULL)""");
    }

    public static void record(Connection c, Instant at, String actor, String action, String target, String detail)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO supervisor_audit(at, at_ms, actor, action, target, detail) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, at.toString());
            ps.setLong(2, at.toEpochMilli());
            ps.setString(3, actor);
            ps.setString(4, action);
            ps.setString(5, target);
            ps.setString(6, detail);
            ps.executeUpdate();
        }
    }

    /** Records between {@code from} (inclusive) and {@code to} (exclusive), oldest first. */
    public static List<Map<String, Object>> between(Connection c, Instant from, Instant to) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, at, actor, action, target, detail FROM supervisor_audit
                WHERE at_ms >= ? AND at_ms < ? ORDER BY id""")) {
            ps.setLong(1, from.toEpochMilli());
            ps.setLong(2, to.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getLong(1));
                    m.put("at", rs.getString(2));
                    m.put("actor", rs.getString(3));
                    m.put("action", rs.getString(4));
                    m.put("target", rs.getString(5));
                    m.put("detail", rs.getString(6));
                    out.add(m);
                }
            }
        }
        return out;
    }
}
