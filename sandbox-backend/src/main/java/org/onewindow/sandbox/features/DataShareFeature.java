package org.onewindow.sandbox.features;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.sandbox.SandboxContext;
import org.onewindow.sandbox.SandboxFeature;
import org.onewindow.sandbox.http.HttpError;
import org.onewindow.sandbox.http.Json;
import org.onewindow.sandbox.http.Response;

/**
 * Data-share look-ups ("data runs instead of the citizen"): POST /api/v1/data-share/{kind} with an
 * identity number answers whether the registry holds a record and the facts to show, with a receipt id
 * and the sandbox key's Ed25519 signature over {@code kind|receiptId|answeredAt|found|sha256(idNumber)}.
 * Kinds: household-registration, property-registration, social-security. Demo data only.
 */
public final class DataShareFeature implements SandboxFeature {
    public static final Set<String> KINDS = Set.of("household-registration", "property-registration", "social-security");

    @Override
    public void install(SandboxContext ctx) {
        ctx.db().execute("""
                CREATE TABLE IF NOT EXISTS data_share_facts (
                  kind TEXT NOT NULL, id_number TEXT NOT NULL, facts TEXT NOT NULL, PRIMARY KEY (kind, id_number))""", """
                CREATE TABLE IF NOT EXISTS data_share_receipts (
                  receipt_id TEXT PRIMARY KEY, kind TEXT NOT NULL, id_number_sha256 TEXT NOT NULL, found INTEGER NOT NULL,
                  account TEXT NOT NULL, answered_at TEXT NOT NULL)""");
        String zhang = DemoCitizens.ZHANG_WEI.idNumber();
        String li = DemoCitizens.LI_NA.idNumber();
        String ma = DemoCitizens.MA_XIULAN.idNumber();
        seed(ctx, "household-registration", zhang, Map.of("registered", true, "householdAddress", "山东省济南市历下区泉城路180号",
                "relationToHead", "户主", "registrationAuthority", "济南市公安局历下分局泉城路派出所"));
        seed(ctx, "household-registration", li, Map.of("registered", true, "householdAddress", "山东省青岛市市南区香港中路61号",
                "relationToHead", "配偶", "registrationAuthority", "青岛市公安局市南分局香港中路派出所"));
        seed(ctx, "household-registration", ma, Map.of("registered", true, "householdAddress", "山东省济南市槐荫区经七路",
                "relationToHead", "户主", "registrationAuthority", "济南市公安局槐荫分局"));
        seed(ctx, "property-registration", li, Map.of("propertyCount", 1, "certificateNumbers",
                java.util.List.of("鲁(2015)青岛市市南区不动产权第0012345号"), "mortgaged", false));
        seed(ctx, "property-registration", ma, Map.of("propertyCount", 1, "certificateNumbers",
                java.util.List.of("鲁(2012)济南市不动产权第0067890号"), "mortgaged", true));
        seed(ctx, "social-security", zhang, Map.of("insured", true, "insuranceTypes", java.util.List.of("养老", "医疗", "失业"),
                "since", "2012-07", "employer", "济南泉城软件有限公司", "paymentStatus", "正常缴费"));
        seed(ctx, "social-security", li, Map.of("insured", true, "insuranceTypes", java.util.List.of("养老", "医疗"),
                "since", "2008-09", "employer", "青岛海滨贸易有限公司", "paymentStatus", "正常缴费"));

        ctx.router().route("POST", "/api/v1/data-share/{kind}", req -> {
            var principal = ctx.sessions().require(req);
            String kind = req.pathParam("kind");
            if (!KINDS.contains(kind)) {
                throw new HttpError(404, "unknown-kind", "no such data-share look-up");
            }
            String idNumber = req.requiredText(req.json(), "idNumber").trim().toUpperCase();
            Instant now = ctx.clock().instant();
            String factsJson = ctx.db().with(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT facts FROM data_share_facts WHERE kind = ? AND id_number = ?")) {
                    ps.setString(1, kind);
                    ps.setString(2, idNumber);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            });
            boolean found = factsJson != null;
            String receiptId = "DSR-" + UUID.randomUUID();
            String idHash = CredentialFeature.sha256Hex(idNumber.getBytes(StandardCharsets.UTF_8));
            ctx.db().with(c -> {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO data_share_receipts(receipt_id, kind, id_number_sha256, found, account, answered_at)
                        VALUES (?,?,?,?,?,?)""")) {
                    ps.setString(1, receiptId);
                    ps.setString(2, kind);
                    ps.setString(3, idHash);
                    ps.setInt(4, found ? 1 : 0);
                    ps.setString(5, principal.account());
                    ps.setString(6, now.toString());
                    return ps.executeUpdate();
                }
            });
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("kind", kind);
            out.put("found", found);
            out.put("facts", found ? Json.MAPPER.readTree(factsJson) : Map.of());
            out.put("receiptId", receiptId);
            out.put("answeredAt", now.toString());
            out.put("signature", sign(ctx, kind + "|" + receiptId + "|" + now + "|" + found + "|" + idHash));
            return Response.ok(out);
        });
    }

    private static void seed(SandboxContext ctx, String kind, String idNumber, Map<String, Object> facts) {
        ctx.db().with(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO data_share_facts(kind, id_number, facts) VALUES (?,?,?)")) {
                ps.setString(1, kind);
                ps.setString(2, idNumber);
                ps.setString(3, Json.MAPPER.writeValueAsString(new java.util.TreeMap<>(facts)));
                return ps.executeUpdate();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String sign(SandboxContext ctx, String text) throws GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(ctx.signingKey().getPrivate());
        s.update(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(s.sign());
    }
}
