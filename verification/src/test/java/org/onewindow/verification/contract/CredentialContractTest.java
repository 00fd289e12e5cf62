package org.onewindow.verification.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.verify.CredentialPresentation;
import org.onewindow.sandbox.http.RecordedExchange;
import org.onewindow.verification.chain.ChainConfig;
import org.onewindow.verification.chain.VerifierChains;
import org.onewindow.verification.datashare.DataShareClient;
import org.onewindow.verification.datashare.DataShareKind;
import org.onewindow.verification.online.OnlineCredentialVerifier;
import org.onewindow.verification.testing.SandboxFixture;
import org.onewindow.verification.trust.Certificates;
import org.onewindow.verification.trust.InMemoryTrustListCache;
import org.onewindow.verification.trust.TrustListUpdater;
import org.onewindow.verification.trust.TrustStore;

/**
 * The issue-5 part of the contract: every exchange the clients make with the sandbox uses a path and
 * method of docs/api/onewindow-backend.yaml, and every JSON answer carries its schema's required fields
 * (for signed envelopes, the payload's too).
 */
class CredentialContractTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void clientsAndSandboxSpeakTheDocumentedContract() throws Exception {
        JsonNode api = new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "docs", "api", "onewindow-backend.yaml").toFile());
        try (SandboxFixture fx = new SandboxFixture(dir)) {
            fx.sandbox.setRecording(true);
            var chain = VerifierChains.create(ChainConfig.online(fx.clock, TrustStore.of(Duration.ofHours(1)), fx.client));
            var result = chain.verify(new CredentialPresentation(null, fx.demoPayload(DemoCitizens.ZHANG_WEI.idNumber(),
                    "business-license"), "contract", null));
            chain.verify(new CredentialPresentation(null, "EC1:AAAAAAAAAAAAAAAAAAAAAAAA", "contract", null));
            new OnlineCredentialVerifier(fx.client, fx.clock).downloadFile(result);
            var signer = Certificates.parseAll(fx.client.callBytes("GET", "/api/v1/trust-lists/signer")).get(0).getPublicKey();
            new TrustListUpdater(fx.client, signer, new InMemoryTrustListCache()).update();
            new DataShareClient(fx.client, fx.sandbox.receiptKey()).lookUp(DataShareKind.PROPERTY_REGISTRATION,
                    DemoCitizens.LI_NA.idNumber());

            List<RecordedExchange> exchanges = fx.sandbox.recorded().stream()
                    .filter(e -> !e.path().startsWith("/api/v1/auth")).toList();
            assertThat(exchanges).hasSizeGreaterThanOrEqualTo(8);
            for (RecordedExchange e : exchanges) {
                JsonNode operation = operation(api, e.method(), e.path());
                assertThat(operation).as("%s %s is in the contract", e.method(), e.path()).isNotNull();
                assertThat(operation.path("responses").has(String.valueOf(e.status())))
                        .as("%s %s answers a documented %d", e.method(), e.path(), e.status()).isTrue();
                JsonNode schema = operation.path("responses").path(String.valueOf(e.status())).path("content")
                        .path("application/json").path("schema");
                if (schema.has("$ref")) {
                    JsonNode body = JSON.readTree(e.responseBody());
                    String name = ref(schema);
                    assertRequired(api, name, body, e.path());
                    if (name.equals("SignedEnvelope")) {
                        JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(body.path("payload").asText()));
                        assertRequired(api, e.path().contains("status-lists") ? "StatusList" : "TrustList", payload, e.path());
                    }
                    if (name.equals("CredentialResolveResult") && body.has("credential")) {
                        assertRequired(api, "Credential", body.path("credential"), e.path());
                    }
                }
            }
        }
    }

    private static String ref(JsonNode schema) {
        String ref = schema.path("$ref").asText();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static void assertRequired(JsonNode api, String schemaName, JsonNode body, String path) {
        JsonNode schema = api.path("components").path("schemas").path(schemaName);
        assertThat(schema.isMissingNode()).as("schema %s exists", schemaName).isFalse();
        for (JsonNode field : schema.path("required")) {
            assertThat(body.has(field.asText())).as("%s answer of %s has '%s'", schemaName, path, field.asText()).isTrue();
        }
    }

    /** The operation for a concrete path, matching {param} segments. */
    private static JsonNode operation(JsonNode api, String method, String path) {
        String relative = path.replaceFirst("^/api/v1", "");
        String[] parts = relative.split("/");
        for (Iterator<Map.Entry<String, JsonNode>> it = api.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String[] template = p.getKey().split("/");
            if (template.length != parts.length) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < parts.length && match; i++) {
                match = template[i].startsWith("{") || template[i].equals(parts[i]);
            }
            if (match && p.getValue().has(method.toLowerCase())) {
                return p.getValue().get(method.toLowerCase());
            }
        }
        return null;
    }
}
