package org.onewindow.cache.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
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

    /**
     * The canonical writer sorts members while it writes; the bytes must be those of the original form (a
     * sorted copy of the tree, then written): stored manifests are hashed and signed in that form.
     */
    @Property(tries = 300)
    void theCanonicalBytesAreThoseOfASortedCopy(@ForAll long seed) throws Exception {
        JsonNode tree = randomTree(new Random(seed), 0);

        assertThat(ManifestCodec.canonical(tree)).isEqualTo(ManifestCodec.MAPPER.writeValueAsBytes(sortedCopy(tree)));
    }

    @Test
    void signingLeavesTheUnsignedTreeAsItWas() throws Exception {
        EvidencePackage evidence = TestPackages.small("p-2", "case-2", 2);
        List<ManifestCodec.ItemDigest> digests = evidence.items().stream()
                .map(i -> new ManifestCodec.ItemDigest(Hashes.sha256Hex(i.content()), i.content().length)).toList();
        ObjectNode unsigned = ManifestCodec.unsigned(evidence, digests, null);
        byte[] before = ManifestCodec.canonical(unsigned);

        ManifestCodec.sign(unsigned, keys.signingKey(), keys.keyId());

        assertThat(unsigned.has("signature")).isFalse();
        assertThat(ManifestCodec.canonical(unsigned)).isEqualTo(before);
    }

    /** The canonical form as first implemented: a recursively sorted copy. */
    private static JsonNode sortedCopy(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                out.set(name, sortedCopy(node.get(name)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                out.add(sortedCopy(it.next()));
            }
            return out;
        }
        return node;
    }

    private static final String[] NAMES = {"a", "B", "b", "_", "aa", "a b", "", "é", "É", "z", "\uD83D\uDE00", "\uFF21",
            "\uE000", "\u0000", "\"q\"", "back\\slash", "张伟", "10", "9"};
    private static final String[] TEXTS = {"", "plain", "é ü 张伟", "\uD83D\uDE00", "quote \" and \\", "tab\tnew\nline\r",
            "\u0001\u001f\u007f", "</script>", "2026-11-29T08:00:00Z"};

    private static JsonNode randomTree(Random random, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        int kind = depth >= 4 ? 2 + random.nextInt(6) : random.nextInt(8);
        switch (kind) {
            case 0: {
                ObjectNode o = nodes.objectNode();
                for (int i = random.nextInt(6); i > 0; i--) {
                    o.set(NAMES[random.nextInt(NAMES.length)], randomTree(random, depth + 1));
                }
                return o;
            }
            case 1: {
                ArrayNode a = nodes.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    a.add(randomTree(random, depth + 1));
                }
                return a;
            }
            case 2:
                return nodes.textNode(TEXTS[random.nextInt(TEXTS.length)]);
            case 3:
                return nodes.numberNode(random.nextLong());
            case 4:
                return nodes.numberNode(random.nextInt());
            case 5:
                return nodes.booleanNode(random.nextBoolean());
            case 6:
                return nodes.nullNode();
            default:
                return nodes.numberNode(random.nextDouble() * 1000);
        }
    }
}
