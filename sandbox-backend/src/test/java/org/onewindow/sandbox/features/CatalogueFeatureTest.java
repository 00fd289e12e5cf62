package org.onewindow.sandbox.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.sandbox.http.Json;

class CatalogueFeatureTest {
    @TempDir
    Path dataDir;

    private static JsonNode get(SandboxBackend b, String path, int expectStatus) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(b.baseUri().resolve(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(expectStatus);
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void itemsListMaterialsWithTheEvidenceThatSatisfiesThem() throws Exception {
        try (SandboxBackend b = SandboxBackend.start(dataDir, 0)) {
            JsonNode all = get(b, "/api/v1/catalogue/items", 200);
            assertThat(all.get("items")).extracting(i -> i.get("name").asText())
                    .contains("社保卡补领", "不动产登记资料查询", "户口迁移");
            JsonNode move = get(b, "/api/v1/catalogue/items/HJ-0001", 200);
            JsonNode household = move.get("materials").get(1);
            assertThat(household.get("name").asText()).isEqualTo("居民户口簿");
            assertThat(household.get("accepted")).extracting(e -> e.get("kind").asText() + ":" + e.get("type").asText())
                    .containsExactly("DATA_SHARE:household-registration", "SCANNED_PAGE:household-register");
            assertThat(move.get("materials").get(0).get("accepted").get(0).get("kind").asText()).isEqualTo("ID_CARD");
        }
    }

    @Test
    void filtersByCategoryAndKeepsItsVersionAcrossRestarts() throws Exception {
        String version;
        try (SandboxBackend b = SandboxBackend.start(dataDir, 0)) {
            JsonNode sb = get(b, "/api/v1/catalogue/items?category=SB", 200);
            assertThat(sb.get("items")).extracting(i -> i.get("category").asText()).containsOnly("SB");
            version = sb.get("version").asText();
            get(b, "/api/v1/catalogue/items/NOPE", 404);
        }
        try (SandboxBackend b = SandboxBackend.start(dataDir, 0)) {
            assertThat(get(b, "/api/v1/catalogue/items", 200).get("version").asText()).isEqualTo(version).hasSize(16);
        }
    }
}
