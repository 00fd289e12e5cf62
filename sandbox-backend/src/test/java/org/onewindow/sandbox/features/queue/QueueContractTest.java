package org.onewindow.sandbox.features.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.sandbox.SandboxBackend;

/**
 * The sandbox's queue and catalogue answers against docs/api/onewindow-backend.yaml: every documented
 * operation is served, and real answers fit their documented schema (required fields, types, enums).
 */
class QueueContractTest {
    private static JsonNode contract;

    @TempDir
    Path dataDir;
    private SandboxBackend backend;
    private SandboxClient clerk;
    private SandboxClient supervisor;

    @BeforeAll
    static void readContract() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/api/onewindow-backend.yaml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("docs/api/onewindow-backend.yaml above " + Path.of("").toAbsolutePath()).isNotNull();
        contract = new ObjectMapper(new YAMLFactory()).readTree(dir.resolve("docs/api/onewindow-backend.yaml").toFile());
    }

    @BeforeEach
    void start() throws Exception {
        backend = SandboxBackend.start(dataDir, 0);
        clerk = new SandboxClient(backend.baseUri()).signIn("demo");
        supervisor = new SandboxClient(backend.baseUri()).signIn("supervisor");
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void everyDocumentedQueueAndCatalogueOperationIsServed() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/queue") && !path.getKey().startsWith("/catalogue")
                    || path.getKey().equals("/queue/events")) {
                continue;
            }
            String concrete = "/api/v1" + path.getKey().replace("{windowId}", "W1").replace("{ticketId}", "1")
                    .replace("{code}", "X1");
            for (String method : List.of("get", "post", "put")) {
                if (!path.getValue().has(method)) {
                    continue;
                }
                HttpResponse<byte[]> r = clerk.http().send(HttpRequest.newBuilder(backend.baseUri().resolve(concrete))
                        .method(method.toUpperCase(), HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
                if (r.statusCode() == 405 || body.contains("\"no route for")) {
                    missing.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void answersFitTheirSchemas() throws Exception {
        String q = "/api/v1/queue";
        JsonNode ticket = clerk.ok(q + "/tickets", "{\"category\":\"SB\",\"priority\":\"ELDERLY\"}");
        check("Ticket", ticket);
        check("CategoryList", clerk.get(q + "/categories").body());
        check("WindowState", clerk.ok(q + "/windows/W2/call-next", null));
        check("WindowState", clerk.ok(q + "/windows/W2/recall", null));
        check("WindowState", clerk.ok(q + "/windows/W2/park", null));
        check("WindowState", clerk.ok(q + "/windows/W2/parked/" + ticket.get("id").asLong() + "/resume", null));
        check("WindowState", clerk.ok(q + "/windows/W2/transfer", "{\"toWindow\":\"W3\"}"));
        check("WindowState", clerk.ok(q + "/windows/W2/pause", null));
        check("WindowList", clerk.get(q + "/windows").body());
        check("WindowState", supervisor.put(q + "/windows/W7", "{\"name\":\"7号窗口\",\"categories\":[\"HJ\"]}").body());
        JsonNode appointment = clerk.ok(q + "/appointments", "{\"category\":\"HJ\",\"slotStart\":\"2026-11-30T02:00:00Z\"}");
        check("Appointment", appointment);
        check("Ticket", clerk.ok(q + "/appointments/" + appointment.get("code").asText() + "/check-in", null));
        check("CatalogueDocument", clerk.get("/api/v1/catalogue/items").body());
        check("ServiceItem", clerk.get("/api/v1/catalogue/items/HJ-0001").body());
        check("Problem", clerk.post(q + "/windows/W2/call-next", null).body());
    }

    @Test
    void pushedEventsFitTheQueueEventSchema() throws Exception {
        var stream = clerk.http().send(HttpRequest.newBuilder(backend.baseUri().resolve("/api/v1/queue/events")).build(),
                HttpResponse.BodyHandlers.ofLines());
        clerk.ok("/api/v1/queue/tickets", "{\"category\":\"ZH\"}");
        clerk.ok("/api/v1/queue/windows/W6/call-next", null);
        int checked = 0;
        try (var body = stream.body()) {
            Iterator<String> lines = body.iterator();
            while (checked < 2 && lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("data: {\"seq\"")) {
                    check("QueueEvent", new ObjectMapper().readTree(line.substring(6)));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(2);
    }

    @Test
    void theCheckItselfRejectsWhatDoesNotFit() throws Exception {
        List<String> problems = new ArrayList<>();
        JsonNode bad = new ObjectMapper().readTree("""
                {"id":1,"number":"A001","category":"SB","priority":"VIP","state":"WAITING","recallCount":"0"}""");
        validate(contract.at("/components/schemas/Ticket"), bad, "Ticket", problems);
        assertThat(problems).anyMatch(p -> p.contains("issuedAt")).anyMatch(p -> p.contains("VIP"))
                .anyMatch(p -> p.contains("recallCount"));
    }

    // ---- a small JSON-schema check: $ref, type (also lists), required, properties, items, oneOf, enum ----

    private static void check(String schemaName, JsonNode value) {
        List<String> problems = new ArrayList<>();
        validate(contract.at("/components/schemas/" + schemaName), value, schemaName, problems);
        assertThat(problems).as(schemaName + " " + value).isEmpty();
    }

    private static void validate(JsonNode schema, JsonNode value, String where, List<String> problems) {
        assertThat(schema.isMissingNode()).as("schema at " + where).isFalse();
        if (schema.has("$ref")) {
            validate(contract.at(schema.get("$ref").asText().substring(1)), value, where, problems);
            return;
        }
        if (schema.has("oneOf")) {
            for (JsonNode option : schema.get("oneOf")) {
                List<String> attempt = new ArrayList<>();
                validate(option, value, where, attempt);
                if (attempt.isEmpty()) {
                    return;
                }
            }
            problems.add(where + ": fits none of oneOf");
            return;
        }
        if (schema.has("type") && !typeFits(schema.get("type"), value)) {
            problems.add(where + ": " + value.getNodeType() + " is not " + schema.get("type"));
            return;
        }
        if (schema.has("enum") && value.isTextual()) {
            boolean known = false;
            for (JsonNode e : schema.get("enum")) {
                known |= e.asText().equals(value.asText());
            }
            if (!known) {
                problems.add(where + ": '" + value.asText() + "' not in " + schema.get("enum"));
            }
        }
        if (value.isObject()) {
            for (JsonNode r : schema.path("required")) {
                if (!value.has(r.asText())) {
                    problems.add(where + ": lacks required '" + r.asText() + "'");
                }
            }
            schema.path("properties").fields().forEachRemaining(p -> {
                if (value.has(p.getKey())) {
                    validate(p.getValue(), value.get(p.getKey()), where + "." + p.getKey(), problems);
                }
            });
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                validate(schema.get("items"), value.get(i), where + "[" + i + "]", problems);
            }
        }
    }

    private static boolean typeFits(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeFits(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
