package org.onewindow.sandbox.features;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.onewindow.sandbox.SandboxContext;
import org.onewindow.sandbox.SandboxFeature;
import org.onewindow.sandbox.Sessions;
import org.onewindow.sandbox.http.HttpError;
import org.onewindow.sandbox.http.Response;

/**
 * POST /api/v1/auth/sign-in. Demo staff accounts (password "demo"): {@code demo} (clerk),
 * {@code supervisor} (supervisor + clerk), {@code it} (IT). Passwords are stored salted and hashed.
 */
public final class AuthFeature implements SandboxFeature {

    @Override
    public void install(SandboxContext ctx) {
        ctx.db().execute("""
                CREATE TABLE IF NOT EXISTS staff (
                  account TEXT PRIMARY KEY, display_name TEXT NOT NULL, roles TEXT NOT NULL,
                  salt TEXT NOT NULL, password_hash TEXT NOT NULL)""");
        seed(ctx, "demo", "王晓梅", "CLERK");
        seed(ctx, "demo2", "李建国", "CLERK");
        seed(ctx, "supervisor", "赵主任", "SUPERVISOR,CLERK");
        seed(ctx, "it", "IT 运维", "IT");

        ctx.router().route("POST", "/api/v1/auth/sign-in", req -> {
            JsonNode body = req.json();
            String account = req.requiredText(body, "account");
            String password = req.requiredText(body, "password");
            Sessions.Principal principal = ctx.db().with(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT display_name, roles, salt, password_hash FROM staff WHERE account = ?")) {
                    ps.setString(1, account);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next() || !MessageDigest.isEqual(
                                hash(rs.getString(3), password).getBytes(StandardCharsets.US_ASCII),
                                rs.getString(4).getBytes(StandardCharsets.US_ASCII))) {
                            return null;
                        }
                        Set<String> roles = new LinkedHashSet<>(Arrays.asList(rs.getString(2).split(",")));
                        return new Sessions.Principal(account, rs.getString(1), roles);
                    }
                }
            });
            if (principal == null) {
                throw new HttpError(401, "bad-credentials", "account or password is wrong");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("account", principal.account());
            out.put("displayName", principal.displayName());
            out.put("roles", principal.roles());
            out.put("token", ctx.sessions().open(principal));
            return Response.ok(out);
        });
    }

    private static void seed(SandboxContext ctx, String account, String name, String roles) {
        String salt = account + "-salt";
        ctx.db().with(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO staff(account, display_name, roles, salt, password_hash) VALUES (?,?,?,?,?)")) {
                ps.setString(1, account);
                ps.setString(2, name);
                ps.setString(3, roles);
                ps.setString(4, salt);
                ps.setString(5, hash(salt, "demo"));
                return ps.executeUpdate();
            }
        });
    }

    static String hash(String salt, String password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
