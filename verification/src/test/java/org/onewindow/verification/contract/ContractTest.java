package org.onewindow.verification.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.backend.IdentityCheckRequest;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.sandbox.http.RecordedExchange;
import org.onewindow.verification.backend.BackendConfig;
import org.onewindow.verification.backend.HttpHallServices;

/** The real client drives the real sandbox; every exchange must match the OpenAPI document. */
class ContractTest {
    @TempDir
    Path data;
    SandboxBackend sandbox;
    HttpHallServices client;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxBackend.start(data, 0);
        sandbox.setRecording(true);
        client = new HttpHallServices(BackendConfig.of(sandbox.baseUri(), "WS-CONTRACT"));
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void clientAndSandboxSpeakTheDocumentedContract() throws Exception {
        client.health();
        assertThatThrownBy(() -> client.signIn("demo", "nope".toCharArray())).isInstanceOf(BackendException.class);
        assertThatThrownBy(() -> client.checkIdentity(new IdentityCheckRequest("1", "x")))
                .isInstanceOf(BackendException.class);
        client.signIn("demo", "demo".toCharArray());
        client.checkIdentity(new IdentityCheckRequest(DemoCitizens.LI_NA.idNumber(), DemoCitizens.LI_NA.name()));
        client.checkIdentity(new IdentityCheckRequest("123", "x"));

        byte[] blob = "photo".getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blob));
        client.hasBlob(sha);
        client.putBlob(sha, blob);
        byte[] manifest = ("{\"packageId\":\"C-1\",\"createdAt\":\"2026-11-29T10:00:00Z\",\"workstation\":\"WS-CONTRACT\","
                + "\"items\":[{\"kind\":\"id-photo\",\"mediaType\":\"image/png\",\"sha256\":\"" + sha + "\",\"size\":5}],"
                + "\"verifications\":[],\"previousPackageHash\":null,\"signature\":null}").getBytes(StandardCharsets.UTF_8);
        client.commitManifest("C-1", manifest);
        client.callJson("GET", "/api/v1/archive/packages/C-1", null);
        assertThatThrownBy(() -> client.callJson("GET", "/api/v1/archive/packages/none", null))
                .isInstanceOf(BackendException.class);

        OpenApiContract contract = OpenApiContract.load();
        List<RecordedExchange> exchanges = sandbox.recorded();
        assertThat(exchanges).hasSizeGreaterThanOrEqualTo(10);
        assertThat(contract.violations(exchanges)).isEmpty();
        assertThat(contract.exercised()).contains("GET /health", "POST /auth/sign-in", "POST /identity/check",
                "HEAD /archive/blobs/{sha256}", "PUT /archive/blobs/{sha256}", "PUT /archive/packages/{packageId}",
                "GET /archive/packages/{packageId}");
    }

    @Test
    void theCheckerCatchesAnAnswerThatBreaksTheSchema() throws Exception {
        OpenApiContract contract = OpenApiContract.load();
        RecordedExchange lying = new RecordedExchange("GET", "/api/v1/health", null, new byte[0], 200,
                "application/json", "{\"status\":\"SLEEPY\"}".getBytes(StandardCharsets.UTF_8));
        RecordedExchange undocumented = new RecordedExchange("DELETE", "/api/v1/health", null, new byte[0], 200,
                "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(contract.violations(List.of(lying))).isNotEmpty();
        assertThat(contract.violations(List.of(undocumented))).anyMatch(v -> v.contains("no documented operation"));
    }
}
