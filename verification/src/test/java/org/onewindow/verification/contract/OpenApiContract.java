package org.onewindow.verification.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.onewindow.sandbox.http.RecordedExchange;

/**
 * Checks real HTTP exchanges between the client and the sandbox against docs/api/onewindow-backend.yaml:
 * each request hits a documented operation, its JSON body fits the request schema, the status is
 * documented, and the JSON response fits the response schema. Any feature's test can reuse it on the
 * exchanges it recorded.
 */
public final class OpenApiContract {
    public static final Path DOCUMENT = Path.of("..", "docs", "api", "onewindow-backend.yaml");
    private static final String BASE = "/api/v1";

    private final JsonNode root;
    private final String documentUri;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Set<String> exercised = new TreeSet<>();

    private OpenApiContract(JsonNode root, String documentUri) {
        this.root = root;
        this.documentUri = documentUri;
    }

    public static OpenApiContract load() throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(DOCUMENT));
        return new OpenApiContract(root, DOCUMENT.toAbsolutePath().normalize().toUri().toString());
    }

    /** Every operation ("GET /health") the document declares. */
    public Set<String> operations() {
        Set<String> ops = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> m = path.getValue().fieldNames(); m.hasNext(); ) {
                String method = m.next();
                if (!method.equals("parameters")) {
                    ops.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        return ops;
    }

    /** Operations seen so far in {@link #violations}. */
    public Set<String> exercised() {
        return exercised;
    }

    /** What in these exchanges breaks the contract; empty when all conform. */
    public List<String> violations(List<RecordedExchange> exchanges) throws IOException {
        List<String> problems = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (RecordedExchange x : exchanges) {
            String where = x.method() + " " + x.path() + " -> " + x.status();
            if (!x.path().startsWith(BASE)) {
                problems.add(where + ": outside " + BASE);
                continue;
            }
            String template = template(x.path().substring(BASE.length()), x.method());
            if (template == null) {
                problems.add(where + ": no documented operation");
                continue;
            }
            exercised.add(x.method() + " " + template);
            String opPointer = "/paths/" + escape(template) + "/" + x.method().toLowerCase();
            JsonNode op = root.at(opPointer);
            JsonNode requestSchema = op.at("/requestBody/content/application~1json/schema");
            if (!requestSchema.isMissingNode() && x.requestBody().length > 0 && x.status() != 400) {
                check(problems, where + " request", opPointer + "/requestBody/content/application~1json/schema",
                        json.readTree(x.requestBody()));
            }
            JsonNode response = op.path("responses").path(String.valueOf(x.status()));
            if (response.isMissingNode()) {
                problems.add(where + ": status " + x.status() + " not documented");
                continue;
            }
            String responsePointer = opPointer + "/responses/" + x.status();
            if (response.has("$ref")) {
                responsePointer = response.get("$ref").asText().substring(1);
                response = root.at(responsePointer);
            }
            JsonNode schema = response.at("/content/application~1json/schema");
            if (!schema.isMissingNode()) {
                if (x.responseContentType() == null || !x.responseContentType().startsWith("application/json")) {
                    problems.add(where + ": expected a JSON body");
                    continue;
                }
                check(problems, where + " response", responsePointer + "/content/application~1json/schema",
                        json.readTree(x.responseBody()));
            }
        }
        return problems;
    }

    private void check(List<String> problems, String where, String pointer, JsonNode body) {
        JsonSchema schema = factory.getSchema(SchemaLocation.of(documentUri + "#" + pointer));
        Set<ValidationMessage> errors = schema.validate(body);
        errors.forEach(e -> problems.add(where + ": " + e.getMessage()));
    }

    private String template(String path, String method) {
        String[] parts = path.split("/");
        for (Iterator<String> it = root.path("paths").fieldNames(); it.hasNext(); ) {
            String t = it.next();
            String[] tp = t.split("/");
            if (tp.length != parts.length || !root.path("paths").path(t).has(method.toLowerCase())) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < tp.length && match; i++) {
                match = tp[i].startsWith("{") || tp[i].equals(parts[i]);
            }
            if (match) {
                return t;
            }
        }
        return null;
    }

    private static String escape(String template) {
        return template.replace("~", "~0").replace("/", "~1");
    }
}
