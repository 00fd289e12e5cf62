package org.onewindow.core.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.onewindow.core.verify.VerificationResult;

/**
 * Everything that proves one service was done correctly, replacing the paper photocopy.
 *
 * @param packageId   unique id, chosen by the workstation (UUID); the archive's idempotency key
 * @param caseId      the service case this belongs to
 * @param serviceItem the catalogue item (事项) code, or null when none was chosen
 */
public record EvidencePackage(
        String packageId,
        String caseId,
        String serviceItem,
        String clerk,
        String hall,
        String window,
        String workstation,
        Instant createdAt,
        List<EvidenceItem> items,
        List<VerificationResult> verifications) {

    public EvidencePackage {
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(createdAt, "createdAt");
        items = List.copyOf(items);
        verifications = List.copyOf(verifications);
    }
}
