package org.onewindow.sandbox.features;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.identity.IdCard;
import org.onewindow.core.identity.IdNumberCheck;
import org.onewindow.core.identity.IdNumbers;
import org.onewindow.sandbox.SandboxContext;
import org.onewindow.sandbox.SandboxFeature;
import org.onewindow.sandbox.http.Response;

/**
 * POST /api/v1/identity/check: the population registry's "does this number belong to this name" answer,
 * on the demo data set. Every look-up is recorded and answered with a check id (the receipt).
 */
public final class IdentityFeature implements SandboxFeature {

    @Override
    public void install(SandboxContext ctx) {
        ctx.db().execute("""
                CREATE TABLE IF NOT EXISTS citizens (
                  id_number TEXT PRIMARY KEY, name TEXT NOT NULL, english_name TEXT, card_type TEXT NOT NULL,
                  birth_date TEXT)""", """
                CREATE TABLE IF NOT EXISTS identity_checks (
                  check_id TEXT PRIMARY KEY, checked_at TEXT NOT NULL, account TEXT NOT NULL,
                  outcome TEXT NOT NULL)""");
        for (IdCard card : DemoCitizens.all()) {
            ctx.db().with(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT OR IGNORE INTO citizens(id_number, name, english_name, card_type, birth_date) VALUES (?,?,?,?,?)")) {
                    ps.setString(1, card.idNumber());
                    ps.setString(2, card.name());
                    ps.setString(3, card.englishName());
                    ps.setString(4, card.type().name());
                    ps.setString(5, String.valueOf(card.birthDate()));
                    return ps.executeUpdate();
                }
            });
        }

        ctx.router().route("POST", "/api/v1/identity/check", req -> {
            var principal = ctx.sessions().require(req);
            JsonNode body = req.json();
            String number = req.requiredText(body, "idNumber").trim().toUpperCase();
            String name = req.requiredText(body, "name").trim();
            Instant now = ctx.clock().instant();

            String outcome;
            String reason;
            // the registry answers for what it holds (2017 permanent-resident numbers have no GB 11643 form)
            String[] registered = registered(ctx, number);
            IdNumberCheck rules = IdNumbers.check(number, LocalDate.ofInstant(now, ZoneId.of("Asia/Shanghai")));
            if (registered == null && !rules.valid()) {
                outcome = "UNKNOWN";
                reason = "number-invalid: " + rules.problem().describe();
            } else {
                if (registered == null) {
                    outcome = "UNKNOWN";
                    reason = "no record for this number";
                } else if (name.equals(registered[0]) || name.equalsIgnoreCase(String.valueOf(registered[1]))) {
                    outcome = "MATCH";
                    reason = "number and name match the registry";
                } else {
                    outcome = "NO_MATCH";
                    reason = "the registry holds a different name for this number";
                }
            }
            String checkId = "IDC-" + UUID.randomUUID();
            ctx.db().with(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO identity_checks(check_id, checked_at, account, outcome) VALUES (?,?,?,?)")) {
                    ps.setString(1, checkId);
                    ps.setString(2, now.toString());
                    ps.setString(3, principal.account());
                    ps.setString(4, outcome);
                    return ps.executeUpdate();
                }
            });
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("outcome", outcome);
            out.put("reason", reason);
            out.put("checkId", checkId);
            out.put("checkedAt", now.toString());
            return Response.ok(out);
        });
    }

    private static String[] registered(SandboxContext ctx, String number) {
        return ctx.db().with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, english_name FROM citizens WHERE id_number = ?")) {
                ps.setString(1, number);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
                }
            }
        });
    }
}
