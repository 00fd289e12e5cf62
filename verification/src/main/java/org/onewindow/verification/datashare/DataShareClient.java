package org.onewindow.verification.datashare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onewindow.core.backend.BackendException;
import org.onewindow.verification.backend.HttpHallServices;

/**
 * Data-share look-ups for a verified identity (POST /api/v1/data-share/{kind}). Every answer carries a
 * receipt; when the back-end's receipt key is configured its signature is checked, and a receipt that
 * does not verify is a PROTOCOL failure (a wrong or lying back-end), not an answer.
 */
public final class DataShareClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpHallServices backend;
    private final PublicKey receiptKey;

    /** {@code receiptKey} may be null (receipts then stay unchecked: {@code signatureVerified == null}). */
    public DataShareClient(HttpHallServices backend, PublicKey receiptKey) {
        this.backend = backend;
        this.receiptKey = receiptKey;
    }

    public DataShareAnswer lookUp(DataShareKind kind, String idNumber) throws BackendException {
        String normalised = idNumber.trim().toUpperCase();
        JsonNode n = backend.callJson("POST", "/api/v1/data-share/" + kind.path(),
                JsonNodeFactory.instance.objectNode().put("idNumber", normalised));
        if (!kind.path().equals(n.path("kind").asText()) || !n.path("found").isBoolean()
                || !n.path("receiptId").isTextual() || !n.path("signature").isTextual()) {
            throw new BackendException(BackendException.Kind.PROTOCOL, "data-share answer does not fit the contract");
        }
        Instant answeredAt;
        try {
            answeredAt = Instant.parse(n.path("answeredAt").asText());
        } catch (DateTimeParseException e) {
            throw new BackendException(BackendException.Kind.PROTOCOL, "data-share answer has a bad time");
        }
        boolean found = n.path("found").asBoolean();
        String receiptId = n.path("receiptId").asText();
        String signature = n.path("signature").asText();
        Boolean verified = null;
        if (receiptKey != null) {
            verified = verify(kind.path() + "|" + receiptId + "|" + answeredAt + "|" + found + "|" + sha256Hex(normalised), signature);
            if (!verified) {
                throw new BackendException(BackendException.Kind.PROTOCOL, "data-share receipt signature does not verify");
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = n.path("facts").isObject() ? JSON.convertValue(n.get("facts"), LinkedHashMap.class) : Map.of();
        return new DataShareAnswer(kind, found, facts, receiptId, answeredAt, signature, verified);
    }

    private boolean verify(String text, String signatureB64) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(receiptKey);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signatureB64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
