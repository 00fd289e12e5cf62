package org.onewindow.sandbox.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.zip.GZIPOutputStream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.onewindow.sandbox.SandboxContext;
import org.onewindow.sandbox.SandboxFeature;
import org.onewindow.sandbox.http.HttpError;
import org.onewindow.sandbox.http.Json;
import org.onewindow.sandbox.http.Response;

/**
 * Trust lists and bitstring status lists for offline verification, each served as a signed envelope
 * {@code {"alg":"ES256","payload":<base64url JSON>,"signature":<base64 DER>}} by the sandbox's trust-list
 * signer (its certificate: GET /api/v1/trust-lists/signer, which a real deployment provisions instead).
 *
 * <p>Sandbox-only administration (not part of the contract): POST /api/v1/sandbox/trust-list/issuers adds a
 * trusted key ({@code "replace": true} first drops entries of the same name), POST /api/v1/sandbox/status-lists/{id}/revoke sets a bit, POST
 * /api/v1/sandbox/trust-list/revoked-hcerts adds an HCERT UCI hash. The list's sequence grows with each change.
 */
public final class TrustListFeature implements SandboxFeature {
    /** 16 KB of bits, the W3C minimum size that keeps one index from identifying a holder. */
    private static final int STATUS_LIST_BYTES = 16 * 1024;
    public static final String DEFAULT_STATUS_LIST = "elicense-1";

    private SandboxContext ctx;
    private KeyPair signer;
    private byte[] signerCertificate;

    @Override
    public void install(SandboxContext context) {
        this.ctx = context;
        loadSigner(context.dataDir());
        ctx.db().execute("""
                CREATE TABLE IF NOT EXISTS trust_issuers (
                  kid TEXT NOT NULL, name TEXT NOT NULL, issuer_id TEXT, formats TEXT NOT NULL, certificate TEXT,
                  public_key TEXT, PRIMARY KEY (kid, name))""", """
                CREATE TABLE IF NOT EXISTS status_lists (id TEXT PRIMARY KEY, bits BLOB NOT NULL)""", """
                CREATE TABLE IF NOT EXISTS revoked_hcerts (uci_hash TEXT PRIMARY KEY)""", """
                CREATE TABLE IF NOT EXISTS trust_meta (k TEXT PRIMARY KEY, v INTEGER NOT NULL)""",
                "INSERT OR IGNORE INTO trust_meta(k, v) VALUES ('sequence', 1)");
        ctx.db().with(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO status_lists(id, bits) VALUES (?, ?)")) {
                ps.setString(1, DEFAULT_STATUS_LIST);
                ps.setBytes(2, new byte[STATUS_LIST_BYTES]);
                return ps.executeUpdate();
            }
        });

        ctx.router().route("GET", "/api/v1/trust-lists/signer", req ->
                Response.bytes(200, "application/x-pem-file", pem(signerCertificate).getBytes(StandardCharsets.US_ASCII)));
        ctx.router().route("GET", "/api/v1/trust-lists/current", req -> envelope(trustListPayload()));
        ctx.router().route("GET", "/api/v1/status-lists/{id}", req -> envelope(statusListPayload(req.pathParam("id"))));

        ctx.router().route("POST", "/api/v1/sandbox/trust-list/issuers", req -> {
            JsonNode b = req.json();
            String kid = req.requiredText(b, "kid");
            String name = req.requiredText(b, "name");
            if (!b.hasNonNull("certificate") && !b.hasNonNull("publicKey")) {
                throw new HttpError(400, "missing-field", "certificate or publicKey is required");
            }
            ctx.db().with(c -> {
                if (b.path("replace").asBoolean(false)) {
                    // the demo re-registers fresh keys under the same name on every start
                    try (PreparedStatement del = c.prepareStatement("DELETE FROM trust_issuers WHERE name = ?")) {
                        del.setString(1, name);
                        del.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT OR REPLACE INTO trust_issuers(kid, name, issuer_id, formats, certificate, public_key)
                        VALUES (?,?,?,?,?,?)""")) {
                    ps.setString(1, kid);
                    ps.setString(2, name);
                    ps.setString(3, b.path("issuerId").asText(null));
                    ps.setString(4, b.path("formats").toString());
                    ps.setString(5, b.path("certificate").asText(null));
                    ps.setString(6, b.path("publicKey").asText(null));
                    return ps.executeUpdate();
                }
            });
            bumpSequence();
            return Response.ok(java.util.Map.of("status", "done"));
        });
        ctx.router().route("POST", "/api/v1/sandbox/status-lists/{id}/revoke", req -> {
            String id = req.pathParam("id");
            long index = req.json().path("index").asLong(-1);
            boolean changed = ctx.db().inTransaction(c -> {
                byte[] bits = bits(c, id);
                if (bits == null || index < 0 || index >= bits.length * 8L) {
                    return false;
                }
                bits[(int) (index / 8)] |= (byte) (0x80 >>> (int) (index % 8));
                try (PreparedStatement ps = c.prepareStatement("UPDATE status_lists SET bits = ? WHERE id = ?")) {
                    ps.setBytes(1, bits);
                    ps.setString(2, id);
                    ps.executeUpdate();
                }
                return true;
            });
            if (!changed) {
                throw new HttpError(404, "not-found", "no such status list or index");
            }
            return Response.ok(java.util.Map.of("status", "done"));
        });
        ctx.router().route("POST", "/api/v1/sandbox/trust-list/revoked-hcerts", req -> {
            String hash = req.requiredText(req.json(), "uciHash");
            ctx.db().with(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO revoked_hcerts(uci_hash) VALUES (?)")) {
                    ps.setString(1, hash);
                    return ps.executeUpdate();
                }
            });
            bumpSequence();
            return Response.ok(java.util.Map.of("status", "done"));
        });
    }

    private void bumpSequence() {
        ctx.db().execute("UPDATE trust_meta SET v = v + 1 WHERE k = 'sequence'");
    }

    private static byte[] bits(java.sql.Connection c, String id) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT bits FROM status_lists WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    private byte[] trustListPayload() {
        return ctx.db().with(c -> {
            ObjectNode n = Json.MAPPER.createObjectNode().put("type", "onewindow-trust-list");
            try (ResultSet rs = c.createStatement().executeQuery("SELECT v FROM trust_meta WHERE k = 'sequence'")) {
                rs.next();
                n.put("sequence", rs.getLong(1));
            }
            // issued now: the sandbox re-issues on every download, as a back-end with a fresh cache would
            n.put("issuedAt", ctx.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString());
            ArrayNode issuers = n.putArray("issuers");
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT kid, name, issuer_id, formats, certificate, public_key FROM trust_issuers ORDER BY kid, name")) {
                while (rs.next()) {
                    ObjectNode e = issuers.addObject().put("kid", rs.getString(1)).put("name", rs.getString(2))
                            .put("issuerId", rs.getString(3));
                    try {
                        e.set("formats", Json.MAPPER.readTree(rs.getString(4)));
                    } catch (IOException ex) {
                        e.putArray("formats");
                    }
                    if (rs.getString(5) != null) {
                        e.put("certificate", rs.getString(5));
                    } else {
                        e.put("publicKey", rs.getString(6));
                    }
                }
            }
            ArrayNode lists = n.putArray("statusLists");
            try (ResultSet rs = c.createStatement().executeQuery("SELECT id FROM status_lists ORDER BY id")) {
                while (rs.next()) {
                    lists.add(rs.getString(1));
                }
            }
            ArrayNode revoked = n.putArray("revokedHcerts");
            try (ResultSet rs = c.createStatement().executeQuery("SELECT uci_hash FROM revoked_hcerts ORDER BY uci_hash")) {
                while (rs.next()) {
                    revoked.add(rs.getString(1));
                }
            }
            return n.toString().getBytes(StandardCharsets.UTF_8);
        });
    }

    private byte[] statusListPayload(String id) {
        byte[] bits = ctx.db().with(c -> bits(c, id));
        if (bits == null) {
            throw new HttpError(404, "not-found", "no such status list");
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(bits);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Json.MAPPER.createObjectNode().put("type", "onewindow-status-list").put("id", id)
                .put("issuedAt", ctx.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("encodedList", Base64.getUrlEncoder().withoutPadding().encodeToString(gz.toByteArray()))
                .toString().getBytes(StandardCharsets.UTF_8);
    }

    private Response envelope(byte[] payload) throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(signer.getPrivate());
        s.update(payload);
        ObjectNode n = Json.MAPPER.createObjectNode().put("alg", "ES256")
                .put("payload", Base64.getUrlEncoder().withoutPadding().encodeToString(payload))
                .put("signature", Base64.getEncoder().encodeToString(s.sign()));
        return Response.ok(n);
    }

    /** The trust-list signer: an ES256 key and a self-signed certificate, made on first start and kept. */
    private void loadSigner(Path dataDir) {
        Path keyFile = dataDir.resolve("trust-signer.pk8");
        Path certFile = dataDir.resolve("trust-signer.crt");
        try {
            if (Files.exists(keyFile) && Files.exists(certFile)) {
                PrivateKey priv = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(keyFile)));
                signerCertificate = Files.readAllBytes(certFile);
                var cert = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                        .generateCertificate(new java.io.ByteArrayInputStream(signerCertificate));
                signer = new KeyPair(cert.getPublicKey(), priv);
                return;
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            signer = g.generateKeyPair();
            X500Name name = new X500Name("CN=OneWindow sandbox trust-list signer,O=OneWindow sandbox,C=CN");
            Instant now = ctx.clock().instant();
            var holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.getEpochSecond()),
                    Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(3650, ChronoUnit.DAYS)), name,
                    signer.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate()));
            signerCertificate = holder.getEncoded();
            Files.write(keyFile, signer.getPrivate().getEncoded());
            Files.write(certFile, signerCertificate);
        } catch (IOException | GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot set up the trust-list signer", e);
        }
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END CERTIFICATE-----\n";
    }
}
