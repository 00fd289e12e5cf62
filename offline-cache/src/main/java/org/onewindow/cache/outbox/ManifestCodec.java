package org.onewindow.cache.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.onewindow.cache.crypto.Es256;
import org.onewindow.core.evidence.EvidenceItem;
import org.onewindow.core.evidence.EvidencePackage;
import org.onewindow.core.verify.VerificationResult;

/**
 * The manifest of an evidence package as the archive receives it (docs/api/onewindow-backend.yaml,
 * schema Manifest), in a canonical JSON form so that its hash and signature are reproducible:
 * <ul>
 *   <li>UTF-8, no whitespace between tokens;</li>
 *   <li>object members sorted by name (Java {@code String} order, i.e. UTF-16 code units), recursively;</li>
 *   <li>strings escaped only where JSON requires it (quote, backslash, control characters); non-ASCII raw;</li>
 *   <li>absent optional values written as {@code null}; times as ISO-8601 UTC ({@code Instant.toString()});
 *       sizes as integers.</li>
 * </ul>
 * The {@code signature} member is {@code {"alg":"ES256","keyId":<hex SHA-256 of the public key>,
 * "value":<base64 DER ECDSA signature>}} over the canonical manifest <em>without</em> the signature member.
 * The package hash is the SHA-256 of the canonical manifest <em>with</em> the signature: it is what the
 * next package's {@code previousPackageHash} names and what the archive's receipt must echo.
 */
public final class ManifestCodec {
    public static final String SIGNATURE_ALGORITHM = "ES256";
    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Writes object members sorted by name (a {@code TreeMap}: {@code String} order) without copying the tree. */
    private static final ObjectWriter CANONICAL = MAPPER.writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);

    private ManifestCodec() {
    }

    /** The SHA-256 and size of one item's content, computed once per commit. */
    public record ItemDigest(String sha256, long size) {
    }

    /** The unsigned manifest of {@code evidence}; {@code digests} describe each item's content, in order. */
    public static ObjectNode unsigned(EvidencePackage evidence, List<ItemDigest> digests, String previousPackageHash) {
        ObjectNode m = NODES.objectNode();
        m.put("packageId", evidence.packageId());
        m.put("caseId", evidence.caseId());
        m.put("serviceItem", evidence.serviceItem());
        m.put("clerk", evidence.clerk());
        m.put("hall", evidence.hall());
        m.put("window", evidence.window());
        m.put("workstation", evidence.workstation());
        m.put("createdAt", evidence.createdAt().toString());
        ArrayNode items = m.putArray("items");
        for (int i = 0; i < evidence.items().size(); i++) {
            EvidenceItem item = evidence.items().get(i);
            items.addObject()
                    .put("kind", item.kind())
                    .put("mediaType", item.mediaType())
                    .put("sha256", digests.get(i).sha256())
                    .put("size", digests.get(i).size())
                    .put("label", item.label());
        }
        ArrayNode verifications = m.putArray("verifications");
        for (VerificationResult v : evidence.verifications()) {
            verifications.add(verification(v));
        }
        m.put("previousPackageHash", previousPackageHash);
        return m;
    }

    private static ObjectNode verification(VerificationResult v) {
        ObjectNode n = NODES.objectNode();
        n.put("format", v.format());
        n.put("verdict", v.verdict() == null ? null : v.verdict().name());
        n.put("reason", v.reason() == null ? null : v.reason().name());
        n.put("detail", v.detail());
        ObjectNode checks = n.putObject("checks");
        v.checks().forEach(checks::put);
        n.set("claims", MAPPER.valueToTree(v.claims()));
        n.put("mode", v.mode() == null ? null : v.mode().name());
        n.put("trustDataAge", v.trustDataAge() == null ? null : v.trustDataAge().toString());
        n.put("verifiedAt", v.verifiedAt() == null ? null : v.verifiedAt().toString());
        return n;
    }

    /** Signs {@code unsigned} and returns the canonical bytes of the signed manifest. */
    public static byte[] sign(ObjectNode unsigned, PrivateKey key, String keyId) throws GeneralSecurityException {
        byte[] signature = Es256.sign(key, canonical(unsigned));
        ObjectNode signed = NODES.objectNode();   // a shallow copy: the members are not changed, only added to
        signed.setAll(unsigned);
        signed.putObject("signature")
                .put("alg", SIGNATURE_ALGORITHM)
                .put("keyId", keyId)
                .put("value", Base64.getEncoder().encodeToString(signature));
        return canonical(signed);
    }

    /** True when {@code manifest} carries a valid signature by {@code key} over the rest of it. */
    public static boolean signatureValid(JsonNode manifest, PublicKey key) {
        JsonNode sig = manifest.get("signature");
        if (sig == null || !sig.isObject() || !SIGNATURE_ALGORITHM.equals(sig.path("alg").asText())) {
            return false;
        }
        ObjectNode unsigned = ((ObjectNode) manifest).deepCopy();
        unsigned.remove("signature");
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initVerify(key);
            ecdsa.update(canonical(unsigned));
            return ecdsa.verify(Base64.getDecoder().decode(sig.path("value").asText()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static JsonNode parse(byte[] manifest) throws IOException {
        return MAPPER.readTree(manifest);
    }

    /** The canonical bytes of {@code node} (see the class comment). */
    public static byte[] canonical(JsonNode node) {
        try {
            return CANONICAL.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** The SHA-256 of each item named in a manifest, in order. */
    public static List<String> itemHashes(JsonNode manifest) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : manifest.path("items")) {
            out.add(item.path("sha256").asText());
        }
        return out;
    }

}
