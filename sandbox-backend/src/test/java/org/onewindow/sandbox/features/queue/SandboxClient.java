package org.onewindow.sandbox.features.queue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.onewindow.sandbox.http.Json;

/** A bare JDK HTTP client for sandbox tests: status and JSON, nothing clever. */
final class SandboxClient {
    record Answer(int status, JsonNode body) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private String token;

    SandboxClient(URI base) {
        this.base = base;
    }

    SandboxClient signIn(String account) throws Exception {
        token = post("/api/v1/auth/sign-in", "{\"account\":\"" + account + "\",\"password\":\"demo\"}").body().get("token").asText();
        return this;
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json))
                .header("Content-Type", "application/json"));
    }

    Answer put(String path, String json) throws IOException, InterruptedException {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json"));
    }

    /** POST that must succeed; the JSON answer. */
    JsonNode ok(String path, String json) throws IOException, InterruptedException {
        Answer a = post(path, json);
        if (a.status() / 100 != 2) {
            throw new AssertionError("POST " + path + " answered " + a.status() + " " + a.body());
        }
        return a.body();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("X-OneWindow-Workstation", "test-ws");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Answer send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), r.body().length == 0 ? null : Json.MAPPER.readTree(r.body()));
    }

    HttpClient http() {
        return http;
    }
}
