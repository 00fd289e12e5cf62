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
import java.time.Clock;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.verify.VerificationMode;
import org.onewindow.core.verify.VerificationReason;
import org.onewindow.core.verify.VerificationResult;
import org.onewindow.verification.backend.HttpHallServices;
import org.onewindow.verification.chain.Formats;
import org.onewindow.verification.chain.Outcome;

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

    /**
     * The look-up as a result for the card and the archive: VALID when the registry confirms a record (its
     * facts and receipt as claims), INVALID / IDENTITY_UNKNOWN when it holds none, UNVERIFIABLE when the
     * back-end cannot be asked or answers outside the contract.
     */
    public VerificationResult verify(DataShareKind kind, String idNumber, Clock clock) {
        var o = new Outcome("data-share:" + kind.path(),
                VerificationMode.NOT_VERIFIED, clock.instant());
        DataShareAnswer a;
        try {
            a = lookUp(kind, idNumber);
        } catch (BackendException e) {
            return switch (e.kind()) {
                case UNREACHABLE, TIMEOUT -> o.unverifiable(VerificationReason.OFFLINE, e.getMessage());
                default -> o.unverifiable(VerificationReason.BACKEND_ERROR, e.getMessage());
            };
        }
        o.mode(VerificationMode.ONLINE);
        o.check(Formats.Checks.ONLINE, a.found());
        if (a.signatureVerified() != null) {
            o.check(Formats.Checks.SIGNATURE, a.signatureVerified());
        }
        o.claim("credentialType", kind.path());
        o.claim("holderId", idNumber.trim().toUpperCase());
        o.claim("receiptId", a.receiptId());
        o.claim("answeredAt", a.answeredAt().toString());
        a.facts().forEach((k, v) -> o.claim("fact." + k, v));
        return a.found() ? o.valid("confirmed by the registry, receipt " + a.receiptId())
                : o.invalid(VerificationReason.IDENTITY_UNKNOWN,
                "the registry holds no record, receipt " + a.receiptId());
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
