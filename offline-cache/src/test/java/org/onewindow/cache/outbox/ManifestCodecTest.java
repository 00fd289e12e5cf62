package org.onewindow.cache.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onewindow.cache.crypto.Hashes;
import org.onewindow.cache.crypto.WorkstationKeys;
import org.onewindow.cache.testing.TestKeys;
import org.onewindow.cache.testing.TestPackages;
import org.onewindow.core.evidence.EvidencePackage;

class ManifestCodecTest {
    private final WorkstationKeys keys = TestKeys.shared();

    @Test
    void theCanonicalFormSortsMembersAtEveryLevelWithoutWhitespace() throws Exception {
        JsonNode node = ManifestCodec.parse("{ \"b\": 1, \"a\": { \"z\": null, \"y\": [ {\"d\": \"é\", \"c\": true} ] } }"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(new String(ManifestCodec.canonical(node), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":{\"y\":[{\"c\":true,\"d\":\"é\"}],\"z\":null},\"b\":1}");
    }

    @Test
    void theSignedManifestIsCanonicalAndItsSignatureCoversEverythingElse() throws Exception {
        EvidencePackage evidence = TestPackages.small("p-1", "case-1", 1);
        List<ManifestCodec.ItemDigest> digests = evidence.items().stream()
                .map(i -> new ManifestCodec.ItemDigest(Hashes.sha256Hex(i.content()), i.content().length)).toList();
        byte[] signed = ManifestCodec.sign(ManifestCodec.unsigned(evidence, digests, "ab".repeat(32)),
                keys.signingKey(), keys.keyId());

        JsonNode manifest = ManifestCodec.parse(signed);
        assertThat(ManifestCodec.canonical(manifest)).isEqualTo(signed);
        assertThat(manifest.path("signature").path("alg").asText()).isEqualTo("ES256");
        assertThat(manifest.path("signature").path("keyId").asText()).isEqualTo(keys.keyId());
        assertThat(manifest.path("previousPackageHash").asText()).isEqualTo("ab".repeat(32));
        assertThat(ManifestCodec.itemHashes(manifest)).containsExactlyElementsOf(
                digests.stream().map(ManifestCodec.ItemDigest::sha256).toList());
        assertThat(ManifestCodec.signatureValid(manifest, keys.publicKey())).isTrue();

        ObjectNode altered = manifest.deepCopy();
        altered.put("clerk", "someone-else");
        assertThat(ManifestCodec.signatureValid(altered, keys.publicKey())).isFalse();
        ObjectNode unsigned = manifest.deepCopy();
        unsigned.remove("signature");
        assertThat(ManifestCodec.signatureValid(unsigned, keys.publicKey())).isFalse();
    }
}
