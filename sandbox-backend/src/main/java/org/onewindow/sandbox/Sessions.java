package org.onewindow.sandbox;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.onewindow.sandbox.http.HttpError;
import org.onewindow.sandbox.http.Request;

/** Bearer tokens of signed-in staff. In memory: a sandbox restart signs everybody out, as a real one may. */
public final class Sessions {
    /** Who a token belongs to. */
    public record Principal(String account, String displayName, java.util.Set<String> roles) {
    }

    private final Map<String, Principal> byToken = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public String open(Principal principal) {
        byte[] raw = new byte[24];
        random.nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        byToken.put(token, principal);
        return token;
    }

    public Optional<Principal> find(String token) {
        return Optional.ofNullable(byToken.get(token));
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
}
