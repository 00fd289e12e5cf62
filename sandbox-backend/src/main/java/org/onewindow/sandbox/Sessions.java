package org.onewindow.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.onewindow.sandbox.http.HttpError;
import org.onewindow.sandbox.http.Request;
import org.onewindow.sandbox.store.SandboxDatabase;

/**
 * Bearer tokens of signed-in staff, kept in the store (only their SHA-256) so a back-end restart does
 * not sign the hall out. Tokens expire after a working day.
 */
public final class Sessions {
    static final Duration LIFETIME = Duration.ofHours(12);

    /** Who a token belongs to. */
    public record Principal(String account, String displayName, Set<String> roles) {
    }

    private final SandboxDatabase db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Sessions(SandboxDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
        db.execute("""
                CREATE TABLE IF NOT EXISTS sessions (
                  token_sha256 TEXT PRIMARY KEY, account TEXT NOT NULL, display_name TEXT NOT NULL,
                  roles TEXT NOT NULL, expires_at TEXT NOT NULL)""");
    }

    public String open(Principal principal) {
        byte[] raw = new byte[24];
        random.nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO sessions(token_sha256, account, display_name, roles, expires_at) VALUES (?,?,?,?,?)")) {
                ps.setString(1, hash(token));
                ps.setString(2, principal.account());
                ps.setString(3, principal.displayName());
                ps.setString(4, String.join(",", principal.roles()));
                ps.setString(5, clock.instant().plus(LIFETIME).toString());
                return ps.executeUpdate();
            }
        });
        return token;
    }

    public Optional<Principal> find(String token) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT account, display_name, roles, expires_at FROM sessions WHERE token_sha256 = ?")) {
                ps.setString(1, hash(token));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || Instant.parse(rs.getString(4)).isBefore(clock.instant())) {
                        return Optional.empty();
                    }
                    return Optional.of(new Principal(rs.getString(1), rs.getString(2),
                            new LinkedHashSet<>(Arrays.asList(rs.getString(3).split(",")))));
                }
            }
        });
    }

    /** The principal of a request's bearer token, or a 401. */
    public Principal require(Request request) {
        String auth = request.header("Authorization").orElse("");
        if (!auth.startsWith("Bearer ")) {
            throw new HttpError(401, "unauthenticated", "a bearer token is required");
        }
        return find(auth.substring(7).trim())
                .orElseThrow(() -> new HttpError(401, "unauthenticated", "unknown or expired token"));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
