package org.onewindow.verification.backend;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.onewindow.core.backend.ArchiveReceipt;
import org.onewindow.core.backend.ArchiveService;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.backend.BackendHealth;
import org.onewindow.core.backend.ClerkSession;
import org.onewindow.core.backend.HallServices;
import org.onewindow.core.backend.IdentityCheckRequest;
import org.onewindow.core.backend.IdentityCheckResult;
import org.onewindow.core.casework.MaterialEvidence;
import org.onewindow.core.casework.PriorMaterials;
import org.onewindow.core.catalogue.EvidenceKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link HallServices} over the OpenAPI contract with Apache HttpClient 5 and Jackson. Maps every failure
 * to a typed {@link BackendException}: transport problems are transient, 4xx are rejections, and an answer
 * that does not fit the contract is PROTOCOL (a lying or wrong back-end), never a NullPointerException.
 */
public final class HttpHallServices implements HallServices, ArchiveService, PriorMaterials, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpHallServices.class);
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final BackendConfig config;
    private final CloseableHttpClient http;
    private volatile String bearerToken;

    public HttpHallServices(BackendConfig config) {
        this.config = config;
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(config.connectTimeout()))
                        .setSocketTimeout(Timeout.of(config.requestTimeout()))
                        // a back-end restart leaves pooled connections dead: check each before reuse (about 1 ms)
                        .setValidateAfterInactivity(TimeValue.ZERO_MILLISECONDS)
                        .build())
                .setMaxConnTotal(16)
                .setMaxConnPerRoute(16)
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(config.requestTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(config.connectTimeout()))
                        .build())
                .disableAutomaticRetries()
                .evictIdleConnections(Timeout.of(30, TimeUnit.SECONDS))
                .setUserAgent("OneWindow/0.1")
                .build();
    }

    public BackendConfig config() {
        return config;
    }

    /** Uses this token on staff calls (set by {@link #signIn} or restored by the caller). */
    public void useToken(String token) {
        this.bearerToken = token;
    }

    @Override
    public BackendHealth health() throws BackendException {
        JsonNode n = json(call("GET", "/api/v1/health", null, null));
        return new BackendHealth(text(n, "status"), text(n, "version"), instant(n, "serverTime"));
    }

    @Override
    public ClerkSession signIn(String account, char[] password) throws BackendException {
        ObjectNode body = JSON.createObjectNode().put("account", account).put("password", new String(password));
        JsonNode n = json(call("POST", "/api/v1/auth/sign-in", bytes(body), ContentType.APPLICATION_JSON));
        Set<ClerkSession.Role> roles = EnumSet.noneOf(ClerkSession.Role.class);
        for (JsonNode r : n.path("roles")) {
            try {
                roles.add(ClerkSession.Role.valueOf(r.asText()));
            } catch (IllegalArgumentException e) {
                LOG.warn("ignoring unknown role from back-end: {}", r.asText());
            }
        }
        ClerkSession session = new ClerkSession(text(n, "account"), text(n, "displayName"), roles, text(n, "token"));
        useToken(session.token());
        return session;
    }

    @Override
    public IdentityCheckResult checkIdentity(IdentityCheckRequest request) throws BackendException {
        ObjectNode body = JSON.createObjectNode().put("idNumber", request.idNumber()).put("name", request.name());
        JsonNode n = json(call("POST", "/api/v1/identity/check", bytes(body), ContentType.APPLICATION_JSON));
        IdentityCheckResult.Outcome outcome;
        try {
            outcome = IdentityCheckResult.Outcome.valueOf(text(n, "outcome"));
        } catch (IllegalArgumentException e) {
            throw new BackendException(BackendException.Kind.PROTOCOL, "unknown identity outcome from back-end");
        }
        return new IdentityCheckResult(outcome, n.path("reason").asText(""), text(n, "checkId"), instant(n, "checkedAt"));
    }

    @Override
    public ArchiveService archive() {
        return this;
    }

    @Override
    public boolean hasBlob(String sha256) throws BackendException {
        Reply r = exchange("HEAD", "/api/v1/archive/blobs/" + sha256, null, null);
        if (r.status == 200) {
            return true;
        }
        if (r.status == 404) {
            return false;
        }
        throw failure(r);
    }

    @Override
    public void putBlob(String sha256, byte[] content) throws BackendException {
        call("PUT", "/api/v1/archive/blobs/" + sha256, content, ContentType.APPLICATION_OCTET_STREAM);
    }

    @Override
    public ArchiveReceipt commitManifest(String packageId, byte[] manifestJson) throws BackendException {
        JsonNode n = json(call("PUT", "/api/v1/archive/packages/" + packageId, manifestJson, ContentType.APPLICATION_JSON));
        ArchiveReceipt receipt = new ArchiveReceipt(text(n, "packageId"), text(n, "receiptNumber"),
                text(n, "manifestSha256"), instant(n, "archivedAt"), text(n, "signature"));
        if (!packageId.equals(receipt.packageId())) {
            throw new BackendException(BackendException.Kind.PROTOCOL, "receipt names another package");
        }
        return receipt;
    }

    @Override
    public java.util.List<MaterialEvidence> priorMaterials(String idNumber) throws BackendException {
        JsonNode n = json(call("POST", "/api/v1/citizens/prior-materials",
                bytes(JSON.createObjectNode().put("idNumber", idNumber)), ContentType.APPLICATION_JSON));
        java.util.List<MaterialEvidence> out = new java.util.ArrayList<>();
        for (JsonNode m : n.path("materials")) {
            try {
                out.add(new MaterialEvidence(EvidenceKind.valueOf(text(m, "kind")), m.path("type").asText(""),
                        text(m, "reference"), m.path("label").asText(null), instant(m, "verifiedAt")));
            } catch (IllegalArgumentException e) {
                throw new BackendException(BackendException.Kind.PROTOCOL, "unknown evidence kind from back-end");
            }
        }
        return out;
    }

    /** A raw exchange for features that extend the contract (credentials, queue, ...). */
    public JsonNode callJson(String method, String path, JsonNode body) throws BackendException {
        return json(call(method, path, body == null ? null : bytes(body), body == null ? null : ContentType.APPLICATION_JSON));
    }

    /** A raw exchange returning the body bytes. */
    public byte[] callBytes(String method, String path) throws BackendException {
        return call(method, path, null, null);
    }

    private record Reply(int status, byte[] body) {
    }

    private byte[] call(String method, String path, byte[] body, ContentType type) throws BackendException {
        Reply r = exchange(method, path, body, type);
        if (r.status >= 200 && r.status < 300) {
            return r.body;
        }
        throw failure(r);
    }

    private Reply exchange(String method, String path, byte[] body, ContentType type) throws BackendException {
        URI uri = config.baseUri().resolve(path);
        HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
        request.setHeader("X-OneWindow-Workstation", config.workstationId());
        String token = bearerToken;
        if (token != null) {
            request.setHeader("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.setEntity(new ByteArrayEntity(body, type));
        }
        try {
            return http.execute(request, response -> new Reply(response.getCode(),
                    response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
        } catch (ConnectException | UnknownHostException e) {
            throw new BackendException(BackendException.Kind.UNREACHABLE, "back-end unreachable at " + config.baseUri(), e);
        } catch (InterruptedIOException e) {
            throw new BackendException(BackendException.Kind.TIMEOUT, method + " " + path + " timed out", e);
        } catch (NoHttpResponseException e) {
            throw new BackendException(BackendException.Kind.UNREACHABLE, "back-end dropped the connection", e);
        } catch (IOException e) {
            throw new BackendException(BackendException.Kind.UNREACHABLE, method + " " + path + " failed: " + e.getMessage(), e);
        }
    }

    private static BackendException failure(Reply r) {
        String detail = problemMessage(r.body);
        String message = "back-end answered " + r.status + (detail.isEmpty() ? "" : ": " + detail);
        if (r.status == 401 || r.status == 403) {
            return new BackendException(BackendException.Kind.UNAUTHORIZED, message);
        }
        if (r.status >= 500) {
            return new BackendException(BackendException.Kind.SERVER_ERROR, message);
        }
        if (r.status >= 400) {
            return new BackendException(BackendException.Kind.REJECTED, message);
        }
        return new BackendException(BackendException.Kind.PROTOCOL, message);
    }

    private static String problemMessage(byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n == null ? "" : n.path("code").asText("") + (n.has("message") ? " (" + n.path("message").asText() + ")" : "");
        } catch (IOException e) {
            return "";
        }
    }

    private static byte[] bytes(JsonNode node) throws BackendException {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new BackendException(BackendException.Kind.PROTOCOL, "cannot encode request", e);
        }
    }

    private static JsonNode json(byte[] body) throws BackendException {
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) {
                throw new BackendException(BackendException.Kind.PROTOCOL, "back-end answered something that is not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new BackendException(BackendException.Kind.PROTOCOL, "back-end answered malformed JSON", e);
        }
    }

    private static String text(JsonNode n, String field) throws BackendException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new BackendException(BackendException.Kind.PROTOCOL, "back-end answer lacks '" + field + "'");
        }
        return v.asText();
    }

    private static Instant instant(JsonNode n, String field) throws BackendException {
        try {
            return Instant.parse(text(n, field));
        } catch (DateTimeParseException e) {
            throw new BackendException(BackendException.Kind.PROTOCOL, "back-end sent a bad time in '" + field + "'");
        }
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            LOG.debug("closing HTTP client: {}", e.getMessage());
        }
    }
}
