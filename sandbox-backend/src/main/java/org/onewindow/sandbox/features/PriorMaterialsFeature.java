package org.onewindow.sandbox.features;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.sandbox.SandboxContext;
import org.onewindow.sandbox.SandboxFeature;
import org.onewindow.sandbox.http.Json;
import org.onewindow.sandbox.http.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Digital assets are not resubmitted": when a finished case reaches the archive (a package with a
 * {@code case-summary} item), the materials it satisfied are indexed by the citizen's ID number, and
 * POST /api/v1/citizens/prior-materials returns them so a later case can reuse them.
 */
public final class PriorMaterialsFeature implements SandboxFeature {
    private static final Logger LOG = LoggerFactory.getLogger(PriorMaterialsFeature.class);
    private final ArchiveFeature archive;

    public PriorMaterialsFeature(ArchiveFeature archive) {
        this.archive = archive;
    }

    @Override
    public void install(SandboxContext ctx) {
        ctx.db().execute("""
                CREATE TABLE IF NOT EXISTS citizen_materials (
                  id_number TEXT NOT NULL, kind TEXT NOT NULL, type TEXT NOT NULL, reference TEXT NOT NULL,
                  label TEXT, verified_at TEXT NOT NULL, package_id TEXT NOT NULL,
                  PRIMARY KEY (id_number, kind, type, reference))""");
        archive.addArchivedListener((manifest, blobs) -> {
            for (JsonNode item : manifest.path("items")) {
                if ("case-summary".equals(item.path("kind").asText())) {
                    try {
                        index(ctx, manifest.path("packageId").asText(), Json.MAPPER.readTree(blobs.read(item.path("sha256").asText())));
                    } catch (IOException e) {
                        LOG.warn("case summary of package {} not indexed: {}", manifest.path("packageId").asText(), e.getMessage());
                    }
                }
            }
        });

        ctx.router().route("POST", "/api/v1/citizens/prior-materials", req -> {
            ctx.sessions().require(req);
            String idNumber = req.requiredText(req.json(), "idNumber").trim().toUpperCase();
            List<Map<String, Object>> out = ctx.db().with(c -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT kind, type, reference, label, verified_at FROM citizen_materials
                        WHERE id_number = ? ORDER BY verified_at DESC""")) {
                    ps.setString(1, idNumber);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("kind", rs.getString(1));
                            m.put("type", rs.getString(2));
                            m.put("reference", rs.getString(3));
                            m.put("label", rs.getString(4));
                            m.put("verifiedAt", rs.getString(5));
                            rows.add(m);
                        }
                    }
                }
                return rows;
            });
            return Response.ok(Map.of("materials", out));
        });
    }

    private static void index(SandboxContext ctx, String packageId, JsonNode summary) {
        String idNumber = summary.path("idNumber").asText("");
        if (idNumber.isEmpty()) {
            return;
        }
        ctx.db().with(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT OR IGNORE INTO citizen_materials(id_number, kind, type, reference, label, verified_at, package_id)
                    VALUES (?,?,?,?,?,?,?)""")) {
                for (JsonNode m : summary.path("materials")) {
                    String status = m.path("status").asText();
                    // only what this case verified itself; reused evidence is already indexed
                    if (!"SATISFIED".equals(status) || "ID_CARD".equals(m.path("kind").asText())) {
                        continue;
                    }
                    ps.setString(1, idNumber);
                    ps.setString(2, m.path("kind").asText());
                    ps.setString(3, m.path("type").asText(""));
                    ps.setString(4, m.path("reference").asText(""));
                    ps.setString(5, m.path("label").asText(null));
                    ps.setString(6, m.path("verifiedAt").asText());
                    ps.setString(7, packageId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }
}
