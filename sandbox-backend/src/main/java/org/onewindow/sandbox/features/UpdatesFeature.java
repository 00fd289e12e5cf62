package org.onewindow.sandbox.features;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.sandbox.SandboxContext;
import org.onewindow.sandbox.SandboxFeature;
import org.onewindow.sandbox.http.HttpError;
import org.onewindow.sandbox.http.Json;
import org.onewindow.sandbox.http.Response;

/**
 * GET /api/v1/updates/manifest: the signed version manifest clients check for updates. The manifest is
 * {@code <data>/update-manifest.json} when present (how a test or a trainer announces a newer version),
 * else one naming the sandbox's own version. The exact manifest bytes travel Base64-encoded next to their
 * Ed25519 signature (the sandbox's signing key), so the client verifies what it parses, with no JSON
 * canonicalisation to agree on.
 */
public final class UpdatesFeature implements SandboxFeature {
    public static final String MANIFEST_FILE = "update-manifest.json";

    @Override
    public void install(SandboxContext ctx) {
        ctx.router().route("GET", "/api/v1/updates/manifest", req -> {
            byte[] manifest = manifestBytes(ctx);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("algorithm", "Ed25519");
            body.put("manifest", Base64.getEncoder().encodeToString(manifest));
            body.put("signature", Base64.getEncoder().encodeToString(sign(ctx, manifest)));
            return Response.ok(body).withHeader("Cache-Control", "no-cache");
        });
    }

    private static byte[] manifestBytes(SandboxContext ctx) throws IOException {
        Path file = ctx.dataDir().resolve(MANIFEST_FILE);
        if (Files.exists(file)) {
            byte[] bytes = Files.readAllBytes(file);
            try {
                Json.MAPPER.readTree(bytes);
            } catch (IOException e) {
                throw new HttpError(500, "bad-manifest", MANIFEST_FILE + " in the sandbox data folder is not JSON");
            }
            return bytes;
        }
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.put("product", "onewindow");
        m.put("latestVersion", SandboxBackend.VERSION);
        m.put("publishedAt", ctx.clock().instant().toString());
        m.put("notes", "Sandbox: no newer version published.");
        m.putArray("packages");
        return Json.MAPPER.writeValueAsBytes(m);
    }

    private static byte[] sign(SandboxContext ctx, byte[] data) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(ctx.signingKey().getPrivate());
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the update manifest", e);
        }
    }
}
