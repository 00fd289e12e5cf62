package org.onewindow.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, content type, bytes. */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static Response json(int status, Object value) {
        try {
            return new Response(status, "application/json", Json.MAPPER.writeValueAsBytes(value), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise response", e);
        }
    }

    public static Response ok(Object value) {
        return json(200, value);
    }

    public static Response empty(int status) {
        return new Response(status, null, new byte[0], Map.of());
    }

    public static Response bytes(int status, String contentType, byte[] body) {
        return new Response(status, contentType, body, Map.of());
    }

    public static Response problem(int status, String code, String message) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("status", status);
        p.put("code", code);
        p.put("message", message);
        return json(status, p);
    }

    public Response withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Response(status, contentType, body, h);
    }

    @Override
    public String toString() {
        return status + " " + (contentType == null ? "" : contentType) + " "
                + (contentType != null && contentType.startsWith("application/json")
                ? new String(body, StandardCharsets.UTF_8) : body.length + " bytes");
    }
}
