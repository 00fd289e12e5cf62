package org.onewindow.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/** One incoming request with its path parameters; the body is read once, lazily. */
public final class Request {
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final HttpExchange exchange;
    private final Map<String, String> pathParams;
    private byte[] body;

    Request(HttpExchange exchange, Map<String, String> pathParams) {
        this.exchange = exchange;
        this.pathParams = pathParams;
    }

    public String method() {
        return exchange.getRequestMethod();
    }

    public String path() {
        return exchange.getRequestURI().getPath();
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    public Optional<String> query(String name) {
        String q = exchange.getRequestURI().getRawQuery();
        if (q == null) {
            return Optional.empty();
        }
        for (String part : q.split("&")) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            if (key.equals(name)) {
                return Optional.of(java.net.URLDecoder.decode(eq < 0 ? "" : part.substring(eq + 1),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    public byte[] body() {
        if (body == null) {
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            } catch (IOException e) {
                throw new HttpError(400, "unreadable-body", "request body could not be read");
            }
            if (body.length > MAX_BODY) {
                throw new HttpError(413, "too-large", "request body exceeds " + MAX_BODY + " bytes");
            }
        }
        return body;
    }

    public JsonNode json() {
        try {
            JsonNode node = Json.MAPPER.readTree(body());
            if (node == null || node.isMissingNode()) {
                throw new HttpError(400, "malformed-json", "a JSON body is required");
            }
            return node;
        } catch (IOException e) {
            throw new HttpError(400, "malformed-json", "request body is not valid JSON");
        }
    }

    /** A required text field of the JSON body. */
    public String requiredText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new HttpError(400, "missing-field", "field '" + field + "' is required");
        }
        return v.asText();
    }

    HttpExchange exchange() {
        return exchange;
    }
}
