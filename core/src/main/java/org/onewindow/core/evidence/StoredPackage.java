package org.onewindow.core.evidence;

import java.time.Instant;
import org.onewindow.core.backend.ArchiveReceipt;

/** A package as the outbox holds it. {@code receipt} is set once ARCHIVED. */
public record StoredPackage(String packageId, String caseId, PackageState state, Instant storedAt,
                            String packageHash, ArchiveReceipt receipt, String lastError) {
}
