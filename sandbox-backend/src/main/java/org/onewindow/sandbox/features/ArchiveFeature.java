package org.onewindow.sandbox.features;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.onewindow.sandbox.SandboxContext;
import org.onewindow.sandbox.SandboxFeature;
import org.onewindow.sandbox.http.FaultRule;
import org.onewindow.sandbox.http.HttpError;
import org.onewindow.sandbox.http.Json;
import org.onewindow.sandbox.http.Request;
import org.onewindow.sandbox.http.Response;

/**
 * The evidence archive: blobs keyed by SHA-256 (PUT is idempotent), then a manifest per package answered
 * with a numbered receipt signed by the sandbox key. Committing the same manifest again returns the same
 * receipt; a different manifest under the same package id is a conflict.
 */
public final class ArchiveFeature implements SandboxFeature {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern PACKAGE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    /** Told about each newly archived package: its manifest, and a way to read its blobs. */
    public interface ArchivedListener {
        void archived(JsonNode manifest, BlobReader blobs);
    }

    /** Reads an archived blob by its SHA-256. */
    public interface BlobReader {
        byte[] read(String sha256) throws IOException;
    }

    private final List<ArchivedListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private SandboxContext ctx;
    private Path blobDir;

    public void addArchivedListener(ArchivedListener listener) {
        listeners.add(listener);
    }

    @Override
    public void install(SandboxContext context) {
        this.ctx = context;
        this.blobDir = context.dataDir().resolve("archive-blobs");
        try {
            Files.createDirectories(blobDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + blobDir, e);
        }
        ctx.db().execute("""
                CREATE TABLE IF NOT EXISTS archive_blobs (
                  sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, stored_at TEXT NOT NULL)""", """
                CREATE TABLE IF NOT EXISTS archive_packages (
                  seq INTEGER PRIMARY KEY AUTOINCREMENT, package_id TEXT UNIQUE NOT NULL,
                  workstation TEXT, manifest_sha256 TEXT NOT NULL, manifest BLOB NOT NULL,
                  receipt_number TEXT NOT NULL, archived_at TEXT NOT NULL, signature TEXT NOT NULL)""");

        ctx.router().route("HEAD", "/api/v1/archive/blobs/{sha256}", req ->
                Response.empty(blobExists(sha(req)) ? 200 : 404));
        ctx.router().route("PUT", "/api/v1/archive/blobs/{sha256}", this::putBlob);
        ctx.router().route("PUT", "/api/v1/archive/packages/{packageId}", this::commit);
        ctx.router().route("GET", "/api/v1/archive/packages/{packageId}", req -> {
            Map<String, Object> receipt = receipt(packageId(req));
            if (receipt == null) {
                throw new HttpError(404, "not-found", "no such package");
            }
            return Response.ok(receipt);
        });
    }

    private static String sha(Request req) {
        String sha = req.pathParam("sha256");
        if (!SHA256.matcher(sha).matches()) {
            throw new HttpError(400, "bad-hash", "blob key must be a lower-case hex SHA-256");
        }
        return sha;
    }

    private static String packageId(Request req) {
        String id = req.pathParam("packageId");
        if (!PACKAGE_ID.matcher(id).matches()) {
            throw new HttpError(400, "bad-package-id", "package id has invalid characters");
        }
        return id;
    }

    private boolean blobExists(String sha) {
        return ctx.db().with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM archive_blobs WHERE sha256 = ?")) {
                ps.setString(1, sha);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private Response putBlob(Request req) throws IOException {
        String sha = sha(req);
        byte[] body = req.body();
        if (!sha256Hex(body).equals(sha)) {
            throw new HttpError(400, "hash-mismatch", "content does not hash to the key it was sent under");
        }
        if (blobExists(sha)) {
            return Response.empty(200);
        }
        Path file = blobDir.resolve(sha.substring(0, 2)).resolve(sha);
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), sha, ".part");
        Files.write(tmp, body);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        ctx.db().with(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO archive_blobs(sha256, size, stored_at) VALUES (?,?,?)")) {
                ps.setString(1, sha);
                ps.setLong(2, body.length);
                ps.setString(3, ctx.clock().instant().toString());
                return ps.executeUpdate();
            }
        });
        return Response.empty(201);
    }

    private Response commit(Request req) {
        String packageId = packageId(req);
        byte[] manifest = req.body();
        JsonNode node = req.json();
        if (!packageId.equals(node.path("packageId").asText())) {
            throw new HttpError(400, "package-id-mismatch", "manifest packageId differs from the path");
        }
        List<String> missing = new ArrayList<>();
        for (JsonNode item : node.path("items")) {
            String sha = item.path("sha256").asText();
            if (!SHA256.matcher(sha).matches()) {
                throw new HttpError(400, "bad-manifest", "item without a valid sha256");
            }
            if (!blobExists(sha)) {
                missing.add(sha);
            }
        }
        if (!missing.isEmpty()) {
            throw new HttpError(422, "missing-blobs", "blobs not uploaded: " + String.join(",", missing));
        }
        String manifestSha = sha256Hex(manifest);
        boolean[] fresh = {false};
        Map<String, Object> receipt = ctx.db().inTransaction(c -> {
            Map<String, Object> existing = receipt(packageId);
            if (existing != null) {
                if (!manifestSha.equals(existing.get("manifestSha256"))) {
                    throw new HttpError(409, "conflict", "package id already archived with a different manifest");
                }
                return existing;
            }
            Instant now = ctx.clock().instant();
            long next;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COALESCE(MAX(seq), 0) + 1 FROM archive_packages")) {
                rs.next();
                next = rs.getLong(1);
            }
            String number = String.format("ARC-%d-%08d", now.atZone(java.time.ZoneOffset.UTC).getYear(), next);
            String signature = sign(packageId + "|" + number + "|" + manifestSha + "|" + now);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO archive_packages(package_id, workstation, manifest_sha256, manifest, receipt_number,
                      archived_at, signature) VALUES (?,?,?,?,?,?,?)""")) {
                ps.setString(1, packageId);
                ps.setString(2, node.path("workstation").asText(null));
                ps.setString(3, manifestSha);
                ps.setBytes(4, manifest);
                ps.setString(5, number);
                ps.setString(6, now.toString());
                ps.setString(7, signature);
                ps.executeUpdate();
            }
            fresh[0] = true;
            return receipt(packageId);
        });
        if (fresh[0]) {
            for (ArchivedListener l : listeners) {
                l.archived(node, sha -> Files.readAllBytes(blobDir.resolve(sha.substring(0, 2)).resolve(sha)));
            }
        }
        if (ctx.router().takeFault(FaultRule.Action.WRONG_RECEIPT, req.method(), req.path())) {
            Map<String, Object> lie = new LinkedHashMap<>(receipt);
            lie.put("manifestSha256", sha256Hex((manifestSha + "lie").getBytes(StandardCharsets.UTF_8)));
            return Response.ok(lie);
        }
        return Response.ok(receipt);
    }

    private Map<String, Object> receipt(String packageId) {
        return ctx.db().with(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT receipt_number, manifest_sha256, archived_at, signature FROM archive_packages
                    WHERE package_id = ?""")) {
                ps.setString(1, packageId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("packageId", packageId);
                    r.put("receiptNumber", rs.getString(1));
                    r.put("manifestSha256", rs.getString(2));
                    r.put("archivedAt", rs.getString(3));
                    r.put("signature", rs.getString(4));
                    return r;
                }
            }
        });
    }

    /** How many packages the archive holds (tests check "exactly once"). */
    public int packageCount() {
        return ctx.db().with(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM archive_packages")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** The ids of the archived packages, in archive order. */
    public List<String> packageIds() {
        return ctx.db().with(c -> {
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT package_id FROM archive_packages ORDER BY seq")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    /** The manifest the archive holds for a package, or null. */
    public JsonNode manifest(String packageId) {
        byte[] raw = ctx.db().with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT manifest FROM archive_packages WHERE package_id = ?")) {
                ps.setString(1, packageId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            }
        });
        try {
            return raw == null ? null : Json.MAPPER.readTree(raw);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(String text) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(ctx.signingKey().getPrivate());
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
