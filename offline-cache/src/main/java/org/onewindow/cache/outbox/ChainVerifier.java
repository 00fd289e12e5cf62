package org.onewindow.cache.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import org.onewindow.cache.crypto.Hashes;
import org.onewindow.core.evidence.EvidenceStoreException;

/**
 * Checks the workstation's hash chain, oldest package first, and reports the first break:
 * <ol>
 *   <li>each package's recorded previous hash is the hash of the package before it (the first has none);</li>
 *   <li>where the local copy is still held: the manifest decrypts (AES-GCM authenticates it), hashes to the
 *       recorded package hash, names the same previous hash and package id, and its signature verifies with
 *       the workstation's public key;</li>
 *   <li>where the archive gave a receipt: the receipt echoes the package hash.</li>
 * </ol>
 * A purged package keeps its link (hashes and receipt, no citizen data), so the chain stays checkable
 * after retention has emptied the outbox. Deleting or re-ordering a package, editing a manifest or swapping
 * ciphertext all show up as a break.
 */
public final class ChainVerifier {
    private final PublicKey workstationKey;

    public ChainVerifier(PublicKey workstationKey) {
        this.workstationKey = Objects.requireNonNull(workstationKey, "workstationKey");
    }

    /** The result of a check: how many links were checked and the first break, if any. */
    public record Report(int checked, int withLocalCopy, Break firstBreak) {
        public boolean intact() {
            return firstBreak == null;
        }
    }

    /** Where the chain breaks and why, in words IT can act on. */
    public record Break(long seq, String packageId, String reason) {
    }

    public Report verify(SqliteEvidenceStore store) throws EvidenceStoreException {
        List<SqliteEvidenceStore.ChainLink> links = store.chainLinks();
        String expectedPrevious = null;
        int checked = 0;
        int local = 0;
        for (SqliteEvidenceStore.ChainLink link : links) {
            String reason = check(link, expectedPrevious);
            if (reason != null) {
                return new Report(checked, local, new Break(link.seq(), link.packageId(), reason));
            }
            checked++;
            if (link.manifest() != null) {
                local++;
            }
            expectedPrevious = link.packageHash();
        }
        return new Report(checked, local, null);
    }

    private String check(SqliteEvidenceStore.ChainLink link, String expectedPrevious) {
        if (!Objects.equals(link.previousHash(), expectedPrevious)) {
            return expectedPrevious == null
                    ? "the first package names a predecessor: packages before it are missing"
                    : "its previous-package hash does not match the package before it: a package was removed, "
                            + "inserted or altered";
        }
        if (link.manifestError() != null) {
            return link.manifestError();
        }
        if (link.manifest() != null) {
            if (!Hashes.sha256Hex(link.manifest()).equals(link.packageHash())) {
                return "its manifest does not hash to the recorded package hash";
            }
            JsonNode manifest;
            try {
                manifest = ManifestCodec.parse(link.manifest());
            } catch (IOException e) {
                return "its manifest is not valid JSON";
            }
            JsonNode previous = manifest.get("previousPackageHash");
            String named = previous == null || previous.isNull() ? null : previous.asText();
            if (!Objects.equals(named, expectedPrevious)) {
                return "its manifest names another previous package";
            }
            if (!link.packageId().equals(manifest.path("packageId").asText())) {
                return "its manifest belongs to another package";
            }
            if (!ManifestCodec.signatureValid(manifest, workstationKey)) {
                return "its manifest signature does not verify with this workstation's key";
            }
        }
        if (link.receiptSha256() != null && !link.receiptSha256().equals(link.packageHash())) {
            return "the archive's receipt is for another manifest";
        }
        return null;
    }
}
