package org.onewindow.verification.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wire form of trust lists and status lists: a signed envelope
 * {@code {"alg":"ES256","payload":"<base64url JSON>","signature":"<base64 DER ECDSA>"}} whose payload is
 * the list. Signing the payload bytes (not re-serialised JSON) avoids canonicalisation. The envelope is
 * verified with the trust-list signer key the client was provisioned with.
 */
public final class TrustListCodec {
    public static final String TRUST_LIST_TYPE = "onewindow-trust-list";
    public static final String STATUS_LIST_TYPE = "onewindow-status-list";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TrustListCodec.class);

    private TrustListCodec() {
    }

    /** Verifies an envelope and answers its payload bytes. */
    public static byte[] openEnvelope(byte[] envelope, PublicKey signer) throws TrustListException {
        JsonNode n = readObject(envelope);
        if (!"ES256".equals(n.path("alg").asText())) {
            throw new TrustListException("unsupported envelope algorithm");
        }
        byte[] payload;
        byte[] sig;
        try {
            payload = Base64.getUrlDecoder().decode(n.path("payload").asText());
            sig = Base64.getDecoder().decode(n.path("signature").asText());
        } catch (IllegalArgumentException e) {
            throw new TrustListException("envelope fields are not base64");
        }
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initVerify(signer);
            s.update(payload);
            if (!s.verify(sig)) {
                throw new TrustListException("trust data signature does not verify");
            }
        } catch (GeneralSecurityException e) {
            throw new TrustListException("trust data signature does not verify: " + e.getMessage());
        }
        return payload;
    }

    /** The payload of an envelope whose signature the caller chose not to check (operator-imported files). */
    static byte[] openEnvelopeUnchecked(byte[] envelope) throws TrustListException {
        try {
            return Base64.getUrlDecoder().decode(readObject(envelope).path("payload").asText());
        } catch (IllegalArgumentException e) {
            throw new TrustListException("envelope payload is not base64url");
        }
    }

    public static boolean isEnvelope(byte[] json) {
        try {
            JsonNode n = JSON.readTree(json);
            return n != null && n.isObject() && n.has("payload") && n.has("signature");
        } catch (IOException e) {
            return false;
        }
    }

    public static byte[] sealEnvelope(byte[] payload, PrivateKey signer) throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(signer);
        s.update(payload);
        ObjectNode n = JSON.createObjectNode().put("alg", "ES256")
                .put("payload", Base64.getUrlEncoder().withoutPadding().encodeToString(payload))
                .put("signature", Base64.getEncoder().encodeToString(s.sign()));
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a trust-list payload (status lists are attached separately). */
    public static TrustList parseTrustList(byte[] payload, String source) throws TrustListException {
        JsonNode n = readObject(payload);
        if (!TRUST_LIST_TYPE.equals(n.path("type").asText())) {
            throw new TrustListException("not a trust list");
        }
        List<TrustedIssuer> issuers = new ArrayList<>();
        for (JsonNode e : n.path("issuers")) {
            try {
                issuers.add(issuer(e));
            } catch (TrustListException bad) {
                // one entry we cannot use (unknown key type, broken certificate) must not void the others
                LOG.warn("skipping trust-list entry {}: {}", e.path("kid").asText("?"), bad.getMessage());
            }
        }
        Set<String> revoked = new HashSet<>();
        for (JsonNode r : n.path("revokedHcerts")) {
            revoked.add(r.asText());
        }
        return new TrustList(n.path("sequence").asLong(), instant(n, "issuedAt"), issuers, Map.of(), revoked, source);
    }

    /** Status-list ids a trust list names. */
    public static List<String> statusListIds(byte[] payload) throws TrustListException {
        List<String> ids = new ArrayList<>();
        for (JsonNode id : readObject(payload).path("statusLists")) {
            ids.add(id.asText());
        }
        return ids;
    }

    public static StatusList parseStatusList(byte[] payload) throws TrustListException {
        JsonNode n = readObject(payload);
        if (!STATUS_LIST_TYPE.equals(n.path("type").asText())) {
            throw new TrustListException("not a status list");
        }
        try {
            return StatusList.decode(n.path("id").asText(), instant(n, "issuedAt"), n.path("encodedList").asText());
        } catch (IOException e) {
            throw new TrustListException("status list bits unreadable: " + e.getMessage());
        }
    }

    /** The JSON payload of a trust list (issuer side: the sandbox, tests and IT tooling). */
    public static byte[] trustListPayload(TrustList list, List<String> statusListIds) {
        ObjectNode n = JSON.createObjectNode().put("type", TRUST_LIST_TYPE).put("sequence", list.sequence())
                .put("issuedAt", list.issuedAt().toString());
        ArrayNode arr = n.putArray("issuers");
        for (TrustedIssuer i : list.issuers()) {
            ObjectNode e = arr.addObject().put("kid", i.kid()).put("name", i.name()).put("issuerId", i.issuerId());
            i.formats().stream().sorted().forEach(e.putArray("formats")::add);
            try {
                if (i.certificate() != null) {
                    e.put("certificate", Base64.getEncoder().encodeToString(i.certificate().getEncoded()));
                } else {
                    e.put("publicKey", Base64.getEncoder().encodeToString(i.publicKey().getEncoded()));
                }
            } catch (java.security.cert.CertificateEncodingException ex) {
                throw new IllegalArgumentException(ex);
            }
        }
        statusListIds.forEach(n.putArray("statusLists")::add);
        list.revokedHcerts().stream().sorted().forEach(n.putArray("revokedHcerts")::add);
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] statusListPayload(String id, Instant issuedAt, byte[] bits) {
        return JSON.createObjectNode().put("type", STATUS_LIST_TYPE).put("id", id).put("issuedAt", issuedAt.toString())
                .put("encodedList", StatusList.encode(bits)).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static TrustedIssuer issuer(JsonNode e) throws TrustListException {
        Set<String> formats = new LinkedHashSet<>();
        e.path("formats").forEach(f -> formats.add(f.asText()));
        try {
            X509Certificate cert = null;
            PublicKey key = null;
            if (e.hasNonNull("certificate")) {
                cert = Certificates.parse(Base64.getDecoder().decode(e.get("certificate").asText()));
            } else if (e.hasNonNull("publicKey")) {
                key = publicKey(Base64.getDecoder().decode(e.get("publicKey").asText()));
            } else {
                throw new TrustListException("trust-list entry without a certificate or key");
            }
            String kid = e.hasNonNull("kid") ? e.get("kid").asText()
                    : cert != null ? Certificates.hcertKid(cert) : null;
            return new TrustedIssuer(kid, e.path("name").asText(""), e.hasNonNull("issuerId") ? e.get("issuerId").asText() : null,
                    formats, cert, key);
        } catch (IllegalArgumentException | GeneralSecurityException ex) {
            throw new TrustListException("bad trust-list entry: " + ex.getMessage());
        }
    }

    static PublicKey publicKey(byte[] spki) throws GeneralSecurityException {
        for (String alg : List.of("EC", "RSA", "Ed25519")) {
            try {
                return KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(spki));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        // SM2 keys use a curve the JDK does not know
        return KeyFactory.getInstance("EC", Certificates.BC).generatePublic(new X509EncodedKeySpec(spki));
    }

    private static JsonNode readObject(byte[] json) throws TrustListException {
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.isObject()) {
                throw new TrustListException("not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new TrustListException("not JSON");
        }
    }

    private static Instant instant(JsonNode n, String field) throws TrustListException {
        try {
            return Instant.parse(n.path(field).asText());
        } catch (DateTimeParseException e) {
            throw new TrustListException("'" + field + "' is not a time");
        }
    }

}
