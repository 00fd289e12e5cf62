package org.onewindow.sandbox.features;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.onewindow.sandbox.SandboxContext;
import org.onewindow.sandbox.SandboxFeature;
import org.onewindow.sandbox.http.HttpError;
import org.onewindow.sandbox.http.Response;

/**
 * POST /api/v1/face/compare: the 1:1 compare of a live face with a reference photo, by {@link LbpFaceMatcher}.
 * Each compare is recorded (who, when, score, decision: never the images) and answered with a compare id.
 */
public final class FaceCompareFeature implements SandboxFeature {
    /** Used when the request names no threshold; calibration in docs/face-check.md. */
    public static final double DEFAULT_THRESHOLD = 0.60;

    @Override
    public void install(SandboxContext ctx) {
        ctx.db().execute("""
                CREATE TABLE IF NOT EXISTS face_compares (
                  compare_id TEXT PRIMARY KEY, compared_at TEXT NOT NULL, account TEXT NOT NULL,
                  score REAL NOT NULL, threshold REAL NOT NULL, decision TEXT NOT NULL)""");

        ctx.router().route("POST", "/api/v1/face/compare", req -> {
            var principal = ctx.sessions().require(req);
            JsonNode body = req.json();
            BufferedImage live = image(req.requiredText(body, "liveImage"), "liveImage");
            BufferedImage reference = image(req.requiredText(body, "referenceImage"), "referenceImage");
            LbpFaceMatcher.Box liveFace = box(body.get("liveFace"), "liveFace");
            LbpFaceMatcher.Box referenceFace = box(body.get("referenceFace"), "referenceFace");
            JsonNode t = body.get("threshold");
            double threshold = t == null || t.isNull() ? DEFAULT_THRESHOLD : t.asDouble();
            if (threshold < 0 || threshold > 1) {
                throw new HttpError(400, "bad-threshold", "threshold must lie in [0, 1]");
            }
            double score;
            try {
                score = LbpFaceMatcher.similarity(live, liveFace, reference, referenceFace);
            } catch (IllegalArgumentException e) {
                throw new HttpError(422, "bad-face-region", e.getMessage());
            }
            String decision = score >= threshold ? "MATCH" : "NO_MATCH";
            Instant now = ctx.clock().instant();
            String compareId = "FCC-" + UUID.randomUUID();
            ctx.db().with(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO face_compares(compare_id, compared_at, account, score, threshold, decision) VALUES (?,?,?,?,?,?)")) {
                    ps.setString(1, compareId);
                    ps.setString(2, now.toString());
                    ps.setString(3, principal.account());
                    ps.setDouble(4, score);
                    ps.setDouble(5, threshold);
                    ps.setString(6, decision);
                    return ps.executeUpdate();
                }
            });
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("score", Math.round(score * 10000) / 10000.0);
            out.put("threshold", threshold);
            out.put("decision", decision);
            out.put("compareId", compareId);
            out.put("comparedAt", now.toString());
            out.put("engine", LbpFaceMatcher.ENGINE);
            return Response.ok(out);
        });
    }

    private static BufferedImage image(String base64, String field) {
        try {
            return LbpFaceMatcher.decode(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException | IOException e) {
            throw new HttpError(422, "unreadable-image", "'" + field + "' is not a base64 JPEG or PNG image");
        }
    }

    private static LbpFaceMatcher.Box box(JsonNode n, String field) {
        if (n == null || n.isNull()) {
            return null;
        }
        for (String f : new String[] {"x", "y", "width", "height"}) {
            if (!n.path(f).canConvertToInt() || !n.path(f).isIntegralNumber()) {
                throw new HttpError(400, "missing-field", "'" + field + "." + f + "' must be an integer");
            }
        }
        return new LbpFaceMatcher.Box(n.get("x").asInt(), n.get("y").asInt(), n.get("width").asInt(), n.get("height").asInt());
    }
}
