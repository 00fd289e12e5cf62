package org.onewindow.verification.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.sandbox.features.UpdatesFeature;

/** GET /updates/manifest (issue 10) answers as documented, with the default and with a published manifest. */
class UpdatesContractTest {
    @TempDir
    Path data;

    @Test
    void theSignedUpdateManifestMatchesTheDocument() throws Exception {
        try (SandboxBackend sandbox = SandboxBackend.start(data, 0)) {
            sandbox.setRecording(true);
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest get = HttpRequest.newBuilder(URI.create(sandbox.baseUri() + "/api/v1/updates/manifest")).build();
            assertThat(http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            Files.writeString(data.resolve(UpdatesFeature.MANIFEST_FILE),
                    "{\"product\":\"onewindow\",\"latestVersion\":\"0.2.0\",\"publishedAt\":\"2026-11-29T00:00:00Z\"}");
            assertThat(http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            OpenApiContract contract = OpenApiContract.load();
            assertThat(contract.violations(sandbox.recorded())).isEmpty();
            assertThat(contract.exercised()).contains("GET /updates/manifest");
        }
    }
}
