package org.onewindow.core.backend;

import java.time.Instant;

/**
 * The archive's acknowledgement that it holds a package. {@code manifestSha256} must equal the hash of
 * the manifest sent; a receipt that does not is treated as a lying back-end.
 */
public record ArchiveReceipt(String packageId, String receiptNumber, String manifestSha256, Instant archivedAt,
                             String signature) {
}
