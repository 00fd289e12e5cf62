package org.onewindow.sandbox.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.sandbox.SandboxContext;
import org.onewindow.sandbox.SandboxFeature;
import org.onewindow.sandbox.http.HttpError;
import org.onewindow.sandbox.http.Json;
import org.onewindow.sandbox.http.Response;

/**
 * The service catalogue (事项): items, their materials and the evidence that satisfies each, seeded with a
 * few realistic items. Public information, so no token is needed. The version is a hash of the content,
 * so a client cache knows when to refresh.
 */
public final class CatalogueFeature implements SandboxFeature {
    private SandboxContext ctx;

    @Override
    public void install(SandboxContext context) {
        this.ctx = context;
        ctx.db().execute("""
                CREATE TABLE IF NOT EXISTS catalogue_items (
                  code TEXT PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL, sort INTEGER NOT NULL)""", """
                CREATE TABLE IF NOT EXISTS catalogue_materials (
                  item_code TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, required INTEGER NOT NULL,
                  sort INTEGER NOT NULL, PRIMARY KEY (item_code, code))""", """
                CREATE TABLE IF NOT EXISTS catalogue_evidence (
                  item_code TEXT NOT NULL, material_code TEXT NOT NULL, sort INTEGER NOT NULL, kind TEXT NOT NULL,
                  type TEXT NOT NULL, description TEXT NOT NULL, PRIMARY KEY (item_code, material_code, sort))""");
        seed();
        ctx.router().route("GET", "/api/v1/catalogue/items", req -> {
            List<Map<String, Object>> items = items();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("version", version(items));
            String category = req.query("category").orElse(null);
            out.put("items", category == null ? items
                    : items.stream().filter(i -> category.equals(i.get("category"))).toList());
            return Response.ok(out);
        });
        ctx.router().route("GET", "/api/v1/catalogue/items/{code}", req -> {
            String code = req.pathParam("code");
            return Response.ok(items().stream().filter(i -> code.equals(i.get("code"))).findFirst()
                    .orElseThrow(() -> new HttpError(404, "item-not-found", "no such service item")));
        });
    }

    private List<Map<String, Object>> items() {
        return ctx.db().with(c -> {
            List<Map<String, Object>> items = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT code, name, category FROM catalogue_items ORDER BY sort")) {
                while (rs.next()) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("code", rs.getString(1));
                    item.put("name", rs.getString(2));
                    item.put("category", rs.getString(3));
                    items.add(item);
                }
            }
            for (Map<String, Object> item : items) {
                item.put("materials", materials(c, (String) item.get("code")));
            }
            return items;
        });
    }

    private static List<Map<String, Object>> materials(Connection c, String itemCode) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT code, name, required FROM catalogue_materials WHERE item_code = ? ORDER BY sort")) {
            ps.setString(1, itemCode);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("code", rs.getString(1));
                    m.put("name", rs.getString(2));
                    m.put("required", rs.getInt(3) != 0);
                    out.add(m);
                }
            }
        }
        for (Map<String, Object> m : out) {
            List<Map<String, Object>> accepted = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT kind, type, description FROM catalogue_evidence WHERE item_code = ? AND material_code = ?
                    ORDER BY sort""")) {
                ps.setString(1, itemCode);
                ps.setString(2, (String) m.get("code"));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> e = new LinkedHashMap<>();
                        e.put("kind", rs.getString(1));
                        e.put("type", rs.getString(2));
                        e.put("description", rs.getString(3));
                        accepted.add(e);
                    }
                }
            }
            m.put("accepted", accepted);
        }
        return out;
    }

    private static String version(List<Map<String, Object>> items) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    Json.MAPPER.writeValueAsString(items).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- seed data -------------------------------------------------------------------------------

    private record Ev(String kind, String type, String description) {
    }

    private record Mat(String code, String name, boolean required, List<Ev> accepted) {
    }

    // Evidence types are the keys the verification side issues: e-license types of the credential
    // service (eid, property-certificate, marriage-certificate, business-license) and data-share kinds
    // (household-registration, property-registration, social-security), so evidence ticks materials.
    private static final Ev ID_CARD = new Ev("ID_CARD", "", "居民身份证（读卡）");
    private static final Ev E_ID = new Ev("E_LICENSE", "eid", "居民身份证电子证照");
    private static final Ev REAL_ESTATE_LICENSE = new Ev("E_LICENSE", "property-certificate", "不动产权证书电子证照");
    private static final Ev REAL_ESTATE_SHARE = new Ev("DATA_SHARE", "property-registration", "不动产登记共享核验");

    private void seed() {
        item("SB-0001", "社保卡补领", "SB", 1, List.of(
                new Mat("id-card", "居民身份证", true, List.of(ID_CARD, E_ID)),
                new Mat("photo", "近期免冠彩色照片", true, List.of(
                        new Ev("DATA_SHARE", "id-photo", "公安人口库证件照片共享"),
                        new Ev("SCANNED_PAGE", "photo", "照片扫描件"))),
                new Mat("enrollment", "参保证明", true, List.of(
                        new Ev("DATA_SHARE", "social-security", "社保参保信息共享核验")))));
        item("BDC-0001", "不动产登记资料查询", "BDC", 2, List.of(
                new Mat("id-card", "居民身份证", true, List.of(ID_CARD, E_ID)),
                new Mat("certificate", "不动产权证书", true, List.of(REAL_ESTATE_LICENSE, REAL_ESTATE_SHARE,
                        new Ev("SCANNED_PAGE", "real-estate-certificate", "不动产权证书扫描件"))),
                new Mat("power-of-attorney", "授权委托书（代办时）", false, List.of(
                        new Ev("SCANNED_PAGE", "power-of-attorney", "授权委托书扫描件")))));
        item("HJ-0001", "户口迁移", "HJ", 3, List.of(
                new Mat("id-card", "居民身份证", true, List.of(ID_CARD, E_ID)),
                new Mat("household", "居民户口簿", true, List.of(
                        new Ev("DATA_SHARE", "household-registration", "户籍信息共享核验"),
                        new Ev("SCANNED_PAGE", "household-register", "户口簿扫描件"))),
                new Mat("housing", "合法稳定住所证明", true, List.of(REAL_ESTATE_LICENSE, REAL_ESTATE_SHARE,
                        new Ev("SCANNED_PAGE", "purchase-contract", "购房合同扫描件"))),
                new Mat("marriage", "结婚证（投靠配偶时）", false, List.of(
                        new Ev("E_LICENSE", "marriage-certificate", "结婚证电子证照"),
                        new Ev("DATA_SHARE", "marriage-register", "婚姻登记信息共享核验")))));
        item("ZH-0001", "个体工商户设立登记", "ZH", 4, List.of(
                new Mat("id-card", "经营者居民身份证", true, List.of(ID_CARD, E_ID)),
                new Mat("premises", "经营场所证明", true, List.of(REAL_ESTATE_LICENSE,
                        new Ev("SCANNED_PAGE", "lease-contract", "租赁合同扫描件")))));
    }

    private void item(String code, String name, String category, int sort, List<Mat> materials) {
        ctx.db().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO catalogue_items(code, name, category, sort) VALUES (?,?,?,?)")) {
                ps.setString(1, code);
                ps.setString(2, name);
                ps.setString(3, category);
                ps.setInt(4, sort);
                if (ps.executeUpdate() == 0) {
                    return null; // seeded on an earlier start; keep whatever the store holds
                }
            }
            for (int m = 0; m < materials.size(); m++) {
                Mat mat = materials.get(m);
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO catalogue_materials(item_code, code, name, required, sort) VALUES (?,?,?,?,?)")) {
                    ps.setString(1, code);
                    ps.setString(2, mat.code());
                    ps.setString(3, mat.name());
                    ps.setInt(4, mat.required() ? 1 : 0);
                    ps.setInt(5, m);
                    ps.executeUpdate();
                }
                for (int e = 0; e < mat.accepted().size(); e++) {
                    Ev ev = mat.accepted().get(e);
                    try (PreparedStatement ps = c.prepareStatement("""
                            INSERT INTO catalogue_evidence(item_code, material_code, sort, kind, type, description)
                            VALUES (?,?,?,?,?,?)""")) {
                        ps.setString(1, code);
                        ps.setString(2, mat.code());
                        ps.setInt(3, e);
                        ps.setString(4, ev.kind());
                        ps.setString(5, ev.type());
                        ps.setString(6, ev.description());
                        ps.executeUpdate();
                    }
                }
            }
            return null;
        });
    }
}
