package org.onewindow.sandbox.features;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.identity.IdCard;
import org.onewindow.core.verify.CredentialIdentifier;
import org.onewindow.sandbox.SandboxContext;
import org.onewindow.sandbox.SandboxFeature;
import org.onewindow.sandbox.http.HttpError;
import org.onewindow.sandbox.http.Response;

/**
 * E-ID and e-license QR codes (亮证) as a provincial credential platform serves them: the citizen's app
 * shows a short-lived, one-time token ({@value #PAYLOAD_PREFIX}&lt;token&gt;); the counter resolves it with
 * POST /api/v1/credentials/resolve into the credential's metadata and fetches the e-license file to archive.
 *
 * <p>Demo data: every demo citizen holds an e-ID credential; some hold e-licenses, one revoked and one
 * expired, so the demo and the tests can show every verdict. POST /api/v1/credentials/demo-tokens plays
 * the citizen's app and issues a token (sandbox only).
 */
public final class CredentialFeature implements SandboxFeature {
    public static final String PAYLOAD_PREFIX = "EC1:";
    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(3);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A credential type: its code in the identifier, its name for people, our stable key. */
    private record Type(String code, String key, String name, String issuerName, String issuerCode) {
    }

    private static final Type EID = new Type("01", "eid", "居民身份证电子证照", "公安部", "11100000000013338W");
    private static final Type BUSINESS = new Type("02", "business-license", "营业执照", "济南市市场监督管理局",
            "11370100004260133A");
    private static final Type MARRIAGE = new Type("03", "marriage-certificate", "结婚证", "济南市历下区民政局",
            "11370102004219548C");
    private static final Type PROPERTY = new Type("04", "property-certificate", "不动产权证书", "青岛市自然资源和规划局",
            "11370200MB1575318T");

    @Override
    public void install(SandboxContext ctx) {
        ctx.db().execute("""
                CREATE TABLE IF NOT EXISTS credentials (
                  identifier TEXT PRIMARY KEY, type_key TEXT NOT NULL, type_code TEXT NOT NULL, type_name TEXT NOT NULL,
                  holder_id TEXT NOT NULL, holder_name TEXT NOT NULL, issuer_name TEXT NOT NULL, issuer_code TEXT NOT NULL,
                  valid_from TEXT NOT NULL, valid_until TEXT, status TEXT NOT NULL, file_sha256 TEXT NOT NULL,
                  file BLOB NOT NULL)""", """
                CREATE TABLE IF NOT EXISTS credential_tokens (
                  token TEXT PRIMARY KEY, identifier TEXT NOT NULL, issued_at TEXT NOT NULL, expires_at TEXT NOT NULL,
                  used_at TEXT)""", """
                CREATE TABLE IF NOT EXISTS credential_resolutions (
                  resolve_id TEXT PRIMARY KEY, token_hash TEXT NOT NULL, account TEXT NOT NULL, outcome TEXT NOT NULL,
                  resolved_at TEXT NOT NULL)""");
        seed(ctx);

        ctx.router().route("POST", "/api/v1/credentials/demo-tokens", req -> {
            JsonNode body = req.json();
            String idNumber = req.requiredText(body, "idNumber").trim().toUpperCase();
            String type = body.path("credentialType").asText("eid");
            String identifier = ctx.db().with(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT identifier FROM credentials WHERE holder_id = ? AND type_key = ? ORDER BY identifier LIMIT 1")) {
                    ps.setString(1, idNumber);
                    ps.setString(2, type);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            });
            if (identifier == null) {
                throw new HttpError(404, "no-credential", "this citizen holds no credential of that type");
            }
            Instant now = ctx.clock().instant();
            byte[] raw = new byte[18];
            RANDOM.nextBytes(raw);
            String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            Instant expires = now.plus(TOKEN_LIFETIME);
            ctx.db().with(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO credential_tokens(token, identifier, issued_at, expires_at) VALUES (?,?,?,?)")) {
                    ps.setString(1, token);
                    ps.setString(2, identifier);
                    ps.setString(3, now.toString());
                    ps.setString(4, expires.toString());
                    return ps.executeUpdate();
                }
            });
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("token", token);
            out.put("payload", PAYLOAD_PREFIX + token);
            out.put("expiresAt", expires.toString());
            return Response.ok(out);
        });

        ctx.router().route("POST", "/api/v1/credentials/resolve", req -> {
            var principal = ctx.sessions().require(req);
            String token = req.requiredText(req.json(), "token").trim();
            Instant now = ctx.clock().instant();
            String resolveId = "CRS-" + UUID.randomUUID();
            Map<String, Object> out = ctx.db().inTransaction(c -> {
                String identifier;
                String outcome;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT identifier, expires_at, used_at FROM credential_tokens WHERE token = ?")) {
                    ps.setString(1, token);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            identifier = null;
                            outcome = "TOKEN_UNKNOWN";
                        } else if (rs.getString(3) != null) {
                            identifier = null;
                            outcome = "TOKEN_USED";
                        } else if (!now.isBefore(Instant.parse(rs.getString(2)))) {
                            identifier = null;
                            outcome = "TOKEN_EXPIRED";
                        } else {
                            identifier = rs.getString(1);
                            outcome = "RESOLVED";
                        }
                    }
                }
                if (identifier != null) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE credential_tokens SET used_at = ? WHERE token = ?")) {
                        ps.setString(1, now.toString());
                        ps.setString(2, token);
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO credential_resolutions(resolve_id, token_hash, account, outcome, resolved_at)
                        VALUES (?,?,?,?,?)""")) {
                    ps.setString(1, resolveId);
                    ps.setString(2, sha256Hex(token.getBytes(StandardCharsets.UTF_8)));
                    ps.setString(3, principal.account());
                    ps.setString(4, outcome);
                    ps.setString(5, now.toString());
                    ps.executeUpdate();
                }
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("outcome", outcome);
                answer.put("resolveId", resolveId);
                answer.put("resolvedAt", now.toString());
                if (identifier != null) {
                    answer.put("credential", credential(c, identifier));
                }
                return answer;
            });
            return Response.ok(out);
        });

        ctx.router().route("GET", "/api/v1/credentials/files/{identifier}", req -> {
            ctx.sessions().require(req);
            String identifier = req.pathParam("identifier");
            byte[] file = ctx.db().with(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT file FROM credentials WHERE identifier = ?")) {
                    ps.setString(1, identifier);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getBytes(1) : null;
                    }
                }
            });
            if (file == null) {
                throw new HttpError(404, "not-found", "no such credential file");
            }
            return Response.bytes(200, "application/pdf", file);
        });
    }

    private static Map<String, Object> credential(java.sql.Connection c, String identifier) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT type_key, type_code, type_name, holder_id, holder_name, issuer_name, issuer_code, valid_from,
                  valid_until, status, file_sha256 FROM credentials WHERE identifier = ?""")) {
            ps.setString(1, identifier);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("identifier", identifier);
                m.put("credentialType", rs.getString(1));
                m.put("typeCode", rs.getString(2));
                m.put("typeName", rs.getString(3));
                m.put("holder", Map.of("idNumber", rs.getString(4), "name", rs.getString(5)));
                m.put("issuer", Map.of("name", rs.getString(6), "creditCode", rs.getString(7)));
                m.put("validFrom", rs.getString(8));
                m.put("validUntil", rs.getString(9));
                m.put("status", rs.getString(10));
                Map<String, Object> file = new LinkedHashMap<>();
                file.put("path", "/api/v1/credentials/files/" + identifier);
                file.put("mediaType", "application/pdf");
                file.put("sha256", rs.getString(11));
                m.put("file", file);
                return m;
            }
        }
    }

    private static void seed(SandboxContext ctx) {
        int serial = 1;
        for (IdCard card : DemoCitizens.all()) {
            LocalDate until = card.longTerm() ? null : card.validUntil();
            insert(ctx, EID, serial++, card, card.validFrom(), until, "VALID");
        }
        insert(ctx, BUSINESS, 101, DemoCitizens.ZHANG_WEI, LocalDate.of(2019, 4, 2), null, "VALID");
        insert(ctx, MARRIAGE, 102, DemoCitizens.ZHANG_WEI, LocalDate.of(2018, 10, 1), null, "VALID");
        insert(ctx, PROPERTY, 103, DemoCitizens.LI_NA, LocalDate.of(2015, 7, 20), null, "VALID");
        insert(ctx, BUSINESS, 104, DemoCitizens.MA_XIULAN, LocalDate.of(2010, 3, 1), LocalDate.of(2030, 3, 1), "REVOKED");
        insert(ctx, PROPERTY, 105, DemoCitizens.MA_XIULAN, LocalDate.of(2012, 5, 5), LocalDate.of(2022, 5, 5), "VALID");
    }

    private static void insert(SandboxContext ctx, Type type, int serial, IdCard holder, LocalDate from, LocalDate until,
                               String status) {
        String identifier = new CredentialIdentifier(type.code(), type.issuerCode(), String.format("%08d", serial), "001")
                .toString();
        byte[] file = DemoPdf.of("OneWindow sandbox e-license", type.key() + " " + identifier,
                "Issued by the sandbox for demo and tests. Not a real credential.");
        ctx.db().with(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT OR IGNORE INTO credentials(identifier, type_key, type_code, type_name, holder_id, holder_name,
                      issuer_name, issuer_code, valid_from, valid_until, status, file_sha256, file)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""")) {
                ps.setString(1, identifier);
                ps.setString(2, type.key());
                ps.setString(3, type.code());
                ps.setString(4, type.name());
                ps.setString(5, holder.idNumber());
                ps.setString(6, holder.displayName());
                ps.setString(7, type.issuerName());
                ps.setString(8, type.issuerCode());
                ps.setString(9, from.toString());
                ps.setString(10, until == null ? null : until.toString());
                ps.setString(11, status);
                ps.setString(12, sha256Hex(file));
                ps.setBytes(13, file);
                return ps.executeUpdate();
            }
        });
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
