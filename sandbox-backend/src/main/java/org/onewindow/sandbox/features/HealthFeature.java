package org.onewindow.sandbox.features;

import java.util.LinkedHashMap;
import java.util.Map;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.sandbox.SandboxContext;
import org.onewindow.sandbox.SandboxFeature;
import org.onewindow.sandbox.http.Response;

/** GET /api/v1/health. */
public final class HealthFeature implements SandboxFeature {
    @Override
    public void install(SandboxContext ctx) {
        ctx.router().route("GET", "/api/v1/health", req -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "UP");
            body.put("version", SandboxBackend.VERSION);
            body.put("serverTime", ctx.clock().instant().toString());
            return Response.ok(body);
        });
    }
}
