package org.onewindow.cache.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.verification.backend.BackendConfig;
import org.onewindow.verification.backend.HttpHallServices;
import org.onewindow.verification.trust.Certificates;
import org.onewindow.verification.trust.PersistentTrustListCache;
import org.onewindow.verification.trust.TrustList;
import org.onewindow.verification.trust.TrustListUpdater;

class SqliteTrustDataStoreTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheWholeSetAndSurvivesAReopen() {
        Path db = dir.resolve("trust.db");
        try (SqliteTrustDataStore store = new SqliteTrustDataStore(db)) {
            store.replaceAll(Map.of("trust-list", bytes("a"), "elicense-1", bytes("b")), Instant.parse("2026-11-29T01:00:00Z"));
            store.replaceAll(Map.of("trust-list", bytes("c")), Instant.parse("2026-11-29T02:00:00Z"));
        }
        try (SqliteTrustDataStore reopened = new SqliteTrustDataStore(db)) {
            Map<String, byte[]> all = reopened.loadAll();
            assertThat(all).containsOnlyKeys("trust-list");
            assertThat(all.get("trust-list")).isEqualTo(bytes("c"));
            assertThat(reopened.storedAt()).contains(Instant.parse("2026-11-29T02:00:00Z"));
        }
    }

    @Test
    void anEmptyStoreHasNothing() {
        try (SqliteTrustDataStore store = new SqliteTrustDataStore(dir.resolve("empty.db"))) {
            assertThat(store.loadAll()).isEmpty();
            assertThat(store.storedAt()).isEmpty();
        }
    }

    @Test
    void keepsDownloadedTrustDataAcrossRestartsAndRefusesTamperedData() throws Exception {
        Path db = dir.resolve("client-trust.db");
        try (SandboxBackend sandbox = SandboxBackend.start(dir.resolve("sandbox"), 0);
             HttpHallServices http = new HttpHallServices(BackendConfig.of(sandbox.baseUri(), "WS-1"))) {
            X509Certificate signerCert = Certificates.parseAll(http.callBytes("GET", "/api/v1/trust-lists/signer")).get(0);
            PublicKey signer = signerCert.getPublicKey();
            TrustList downloaded;
            try (SqliteTrustDataStore store = new SqliteTrustDataStore(db)) {
                downloaded = new TrustListUpdater(http, signer, PersistentTrustListCache.over(store::loadAll, store::replaceAll, signer))
                        .update();
            }
            try (SqliteTrustDataStore store = new SqliteTrustDataStore(db)) {
                TrustList restored = PersistentTrustListCache.over(store::loadAll, store::replaceAll, signer).load().orElseThrow();
                assertThat(restored.sequence()).isEqualTo(downloaded.sequence());
                assertThat(restored.issuedAt()).isEqualTo(downloaded.issuedAt());
                assertThat(restored.statusList("elicense-1")).isPresent();

                PublicKey otherSigner = KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic();
                assertThat(PersistentTrustListCache.over(store::loadAll, store::replaceAll, otherSigner).load()).isEmpty();

                Map<String, byte[]> tampered = new LinkedHashMap<>(store.loadAll());
                byte[] envelope = tampered.get("trust-list").clone();
                String text = new String(envelope, StandardCharsets.UTF_8).replace("\"payload\":\"e", "\"payload\":\"f");
                tampered.put("trust-list", text.getBytes(StandardCharsets.UTF_8));
                store.replaceAll(tampered);
                assertThat(PersistentTrustListCache.over(store::loadAll, store::replaceAll, signer).load()).isEmpty();
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
