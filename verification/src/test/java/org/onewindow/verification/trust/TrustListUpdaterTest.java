package org.onewindow.verification.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.verification.testing.SandboxFixture;
import org.onewindow.verification.testing.TestPki;

/** One sandbox per class: starting one costs more than the tests themselves. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustListUpdaterTest {
    @TempDir
    static Path dir;
    SandboxFixture fx;
    PublicKey signer;

    @BeforeAll
    void start() throws Exception {
        fx = new SandboxFixture(dir.resolve("sandbox"));
        signer = Certificates.parseAll(fx.client.callBytes("GET", "/api/v1/trust-lists/signer")).get(0).getPublicKey();
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    void addIssuer(X509Certificate cert, String format) throws Exception {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("kid", Certificates.hcertKid(cert)).put("name", "Test issuer")
                .put("issuerId", "11370100004260133A").put("certificate", Base64.getEncoder().encodeToString(cert.getEncoded()));
        body.putArray("formats").add(format);
        fx.client.callJson("POST", "/api/v1/sandbox/trust-list/issuers", body);
    }

    @Test
    void downloadsVerifiesAndCachesTheTrustListWithItsStatusLists() throws Exception {
        X509Certificate cert = TestPki.certificate(TestPki.ecP256(), "issuer");
        addIssuer(cert, "hcert");
        fx.client.callJson("POST", "/api/v1/sandbox/status-lists/elicense-1/revoke",
                JsonNodeFactory.instance.objectNode().put("index", 42));
        InMemoryTrustListCache cache = new InMemoryTrustListCache();

        TrustList list = new TrustListUpdater(fx.client, signer, cache).update();

        assertThat(cache.load()).contains(list);
        assertThat(list.find("hcert", Certificates.hcertKid(cert))).hasSize(1);
        assertThat(list.find("sd-jwt-vc", Certificates.hcertKid(cert))).isEmpty();
        StatusList sl = list.statusList("elicense-1").orElseThrow();
        assertThat(sl.isSet(42)).isTrue();
        assertThat(sl.isSet(41)).isFalse();
        assertThat(sl.size()).isEqualTo(16 * 1024 * 8);
        assertThat(list.age(fx.clock.instant())).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void refusesAListSignedByAnotherKeyAndKeepsTheCache() throws Exception {
        InMemoryTrustListCache cache = new InMemoryTrustListCache();
        TrustList previous = new TrustList(1, fx.clock.instant(), List.of(), Map.of(), Set.of(), "earlier");
        cache.store(previous);
        PublicKey otherKey = TestPki.ecP256().getPublic();

        assertThatThrownBy(() -> new TrustListUpdater(fx.client, otherKey, cache).update())
                .isInstanceOf(TrustListException.class).hasMessageContaining("signature");
        assertThat(cache.load()).contains(previous);
    }

    @Test
    void refusesAListOlderThanTheCachedOne() throws Exception {
        InMemoryTrustListCache cache = new InMemoryTrustListCache();
        cache.store(new TrustList(1_000, fx.clock.instant(), List.of(), Map.of(), Set.of(), "newer"));

        assertThatThrownBy(() -> new TrustListUpdater(fx.client, signer, cache).update())
                .isInstanceOf(TrustListException.class).hasMessageContaining("older");
    }

    @Test
    void importsASignedTrustListFileAndSingleCertificates() throws Exception {
        KeyPair keys = TestPki.ecP256();
        X509Certificate cert = TestPki.certificate(keys, "File Issuer");
        byte[] envelope = TrustListCodec.sealEnvelope(TrustListCodec.trustListPayload(
                new TrustList(3, fx.clock.instant(), List.of(new TrustedIssuer("a2lk", "File Issuer", "X", Set.of(), cert, null)),
                        Map.of(), Set.of(), "x"), List.of()), keys.getPrivate());
        Path listFile = Files.write(dir.resolve("list.json"), envelope);
        Path pem = Files.writeString(dir.resolve("issuer.pem"), Certificates.toPem(cert));
        Path der = Files.write(dir.resolve("issuer.der"), cert.getEncoded());

        TrustList fromList = TrustFiles.load(listFile, keys.getPublic(), fx.clock.instant());
        TrustList fromPem = TrustFiles.load(pem, null, fx.clock.instant());
        TrustList fromDer = TrustFiles.load(der, null, fx.clock.instant());

        assertThat(fromList.find("hcert", "a2lk")).hasSize(1);
        assertThat(fromPem.issuers()).singleElement().satisfies(i -> {
            assertThat(i.kid()).isEqualTo(Certificates.hcertKid(cert));
            assertThat(i.name()).isEqualTo("File Issuer");
        });
        assertThat(fromDer.issuers()).hasSize(1);
        assertThatThrownBy(() -> TrustFiles.load(listFile, TestPki.ecP256().getPublic(), fx.clock.instant()))
                .isInstanceOf(TrustListException.class);
        Path junk = Files.writeString(dir.resolve("junk.txt"), "not a certificate", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> TrustFiles.load(junk, null, fx.clock.instant())).isInstanceOf(TrustListException.class);
    }

    @Test
    void skipsAnUnusableEntryButKeepsTheRestOfTheList() throws Exception {
        X509Certificate good = TestPki.certificate(TestPki.ecP256(), "good");
        String json = "{\"type\":\"onewindow-trust-list\",\"sequence\":2,\"issuedAt\":\"2026-11-29T00:00:00Z\",\"issuers\":["
                + "{\"kid\":\"bad\",\"name\":\"bad\",\"publicKey\":\"AAAA\"},"
                + "{\"kid\":\"good\",\"name\":\"good\",\"certificate\":\"" + Base64.getEncoder().encodeToString(good.getEncoded())
                + "\"}]}";

        TrustList list = TrustListCodec.parseTrustList(json.getBytes(StandardCharsets.UTF_8), "t");

        assertThat(list.issuers()).extracting(TrustedIssuer::kid).containsExactly("good");
    }

    @Test
    void aStoreMergesDownloadedAndImportedTrustAndReportsTheOlderAge() throws Exception {
        X509Certificate a = TestPki.certificate(TestPki.ecP256(), "a");
        X509Certificate b = TestPki.certificate(TestPki.ecP256(), "b");
        InMemoryTrustListCache cache = new InMemoryTrustListCache();
        cache.store(new TrustList(5, fx.clock.instant(), List.of(new TrustedIssuer("A", "a", null, Set.of(), a, null)),
                Map.of(), Set.of(), "back-end"));
        TrustStore store = new TrustStore(cache, Duration.ofHours(24));
        store.addImported(new TrustList(0, fx.clock.instant().minus(Duration.ofHours(2)),
                List.of(new TrustedIssuer("B", "b", null, Set.of(), b, null)), Map.of(), Set.of(), "b.pem"));

        TrustList current = store.current();

        assertThat(current.find("hcert", "A")).hasSize(1);
        assertThat(current.find("hcert", "B")).hasSize(1);
        assertThat(current.age(fx.clock.instant())).isEqualTo(Duration.ofHours(2));
        assertThat(current.source()).isEqualTo("back-end + b.pem");
    }
}
