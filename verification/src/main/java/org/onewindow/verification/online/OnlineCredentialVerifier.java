package org.onewindow.verification.online;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.verify.CredentialIdentifier;
import org.onewindow.core.verify.CredentialPresentation;
import org.onewindow.core.verify.VerificationMode;
import org.onewindow.core.verify.VerificationReason;
import org.onewindow.core.verify.VerificationResult;
import org.onewindow.verification.backend.HttpHallServices;
import org.onewindow.verification.chain.FormatVerifier;
import org.onewindow.verification.chain.Formats;
import org.onewindow.verification.chain.Formats.Checks;
import org.onewindow.verification.chain.Outcome;

/**
 * The e-ID / e-license QR of government apps (亮证): {@code EC1:<token>}, a short-lived one-time token the
 * back-end resolves (POST /api/v1/credentials/resolve) into the credential's metadata. Needs the back-end
 * by nature: offline it is UNVERIFIABLE / OFFLINE. The e-license file is fetched separately by
 * {@link #downloadFile} when the case archives it, and checked against the hash the resolve answered.
 */
public final class OnlineCredentialVerifier implements FormatVerifier {
    public static final String PREFIX = "EC1:";
    public static final String RESOLVE_PATH = "/api/v1/credentials/resolve";
    private static final Pattern TOKEN = Pattern.compile("EC1:([A-Za-z0-9_-]{16,128})");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final HttpHallServices backend;
    private final Clock clock;

    /** {@code backend} may be null on a workstation without one. */
    public OnlineCredentialVerifier(HttpHallServices backend, Clock clock) {
        this.backend = backend;
        this.clock = clock;
    }

    @Override
    public String format() {
        return Formats.ONLINE_CREDENTIAL;
    }

    @Override
    public boolean accepts(CredentialPresentation presentation) {
        return FormatVerifier.text(presentation).startsWith(PREFIX);
    }

    @Override
    public VerificationResult verify(CredentialPresentation presentation) {
        Instant now = clock.instant();
        Outcome o = new Outcome(Formats.ONLINE_CREDENTIAL, VerificationMode.NOT_VERIFIED, now);
        Matcher m = TOKEN.matcher(FormatVerifier.text(presentation));
        if (!m.matches()) {
            return o.malformed("not an EC1 token");
        }
        o.check(Checks.DECODE, true);
        if (backend == null) {
            return o.unverifiable(VerificationReason.OFFLINE, "this format needs the back-end, and none is configured");
        }
        JsonNode answer;
        try {
            answer = backend.callJson("POST", RESOLVE_PATH, JsonNodeFactory.instance.objectNode().put("token", m.group(1)));
        } catch (BackendException e) {
            return switch (e.kind()) {
                case UNREACHABLE, TIMEOUT -> o.unverifiable(VerificationReason.OFFLINE, "back-end not reachable: " + e.getMessage());
                default -> o.unverifiable(VerificationReason.BACKEND_ERROR, e.getMessage());
            };
        }
        o.mode(VerificationMode.ONLINE);
        o.claim("resolveId", answer.path("resolveId").asText(null));
        String outcome = answer.path("outcome").asText();
        switch (outcome) {
            case "RESOLVED" -> { }
            case "TOKEN_EXPIRED" -> {
                o.check(Checks.ONLINE, false).check(Checks.EXPIRY, false);
                return o.invalid(VerificationReason.EXPIRED, "the QR code has expired: ask the citizen to refresh it");
            }
            case "TOKEN_USED" -> {
                o.check(Checks.ONLINE, false).check(Checks.EXPIRY, false);
                return o.invalid(VerificationReason.EXPIRED, "the QR code was already used (one-time): ask for a fresh one");
            }
            case "TOKEN_UNKNOWN" -> {
                o.check(Checks.ONLINE, false);
                return o.invalid(VerificationReason.BAD_SIGNATURE, "the back-end did not issue this QR code");
            }
            default -> {
                return o.unverifiable(VerificationReason.BACKEND_ERROR, "unknown resolve outcome from the back-end");
            }
        }
        o.check(Checks.ONLINE, true);
        JsonNode c = answer.path("credential");
        Optional<CredentialIdentifier> id = CredentialIdentifier.parse(c.path("identifier").asText(null));
        LocalDate from;
        LocalDate until;
        try {
            from = LocalDate.parse(c.path("validFrom").asText());
            until = c.hasNonNull("validUntil") ? LocalDate.parse(c.get("validUntil").asText()) : null;
        } catch (DateTimeException e) {
            o.check(Checks.SCHEMA, false);
            return o.unverifiable(VerificationReason.BACKEND_ERROR, "the back-end sent a bad validity date");
        }
        if (id.isEmpty() || !c.path("credentialType").isTextual() || !c.path("status").isTextual()) {
            o.check(Checks.SCHEMA, false);
            return o.unverifiable(VerificationReason.BACKEND_ERROR, "the back-end sent a credential without a valid identifier");
        }
        o.check(Checks.SCHEMA, true);
        o.check(Checks.TRUST, true);
        o.claim("credentialType", c.path("credentialType").asText());
        o.claim("typeName", c.path("typeName").asText(null));
        o.claim("identifier", id.get().toString());
        o.claim("holderName", c.path("holder").path("name").asText(null));
        o.claim("holderId", c.path("holder").path("idNumber").asText(null));
        o.claim("issuer", c.path("issuer").path("name").asText(null));
        o.claim("issuerCreditCode", id.get().issuerCode());
        o.claim("validFrom", from.toString());
        o.claim("validUntil", until == null ? "long-term" : until.toString());
        o.claim("status", c.path("status").asText());
        if (c.path("file").isObject()) {
            o.claim("filePath", c.path("file").path("path").asText(null));
            o.claim("fileMediaType", c.path("file").path("mediaType").asText(null));
            o.claim("fileSha256", c.path("file").path("sha256").asText(null));
        }
        String status = c.path("status").asText();
        if ("REVOKED".equals(status) || "SUSPENDED".equals(status)) {
            o.check(Checks.REVOCATION, false);
            return o.invalid(VerificationReason.REVOKED, "the issuer has " + status.toLowerCase() + " this credential");
        }
        o.check(Checks.REVOCATION, true);
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        if (today.isBefore(from)) {
            o.check(Checks.EXPIRY, false);
            return o.invalid(VerificationReason.NOT_YET_VALID, "valid from " + from);
        }
        if ("EXPIRED".equals(status) || (until != null && today.isAfter(until))) {
            o.check(Checks.EXPIRY, false);
            return o.invalid(VerificationReason.EXPIRED, "expired on " + until);
        }
        o.check(Checks.EXPIRY, true);
        return o.valid("resolved by the back-end (" + answer.path("resolveId").asText() + ")");
    }

    /** The e-license file of a VALID online result, checked against the hash the back-end gave. */
    public ElicenseFile downloadFile(VerificationResult result) throws BackendException {
        Map<String, Object> claims = result.claims();
        // only the file of this credential, under the documented path: a resolve answer must not steer the
        // signed-in client to another resource
        if (backend == null || !(claims.get("filePath") instanceof String path) || !(claims.get("identifier") instanceof String id)
                || !path.equals("/api/v1/credentials/files/" + id)) {
            throw new BackendException(BackendException.Kind.PROTOCOL, "the result names no e-license file");
        }
        byte[] bytes = backend.callBytes("GET", path);
        String sha = sha256Hex(bytes);
        if (!sha.equals(claims.get("fileSha256"))) {
            throw new BackendException(BackendException.Kind.PROTOCOL, "the e-license file does not match its hash");
        }
        return new ElicenseFile(bytes, String.valueOf(claims.get("fileMediaType")), sha);
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
