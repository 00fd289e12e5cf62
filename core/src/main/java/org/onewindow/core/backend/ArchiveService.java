package org.onewindow.core.backend;

/**
 * The evidence archive. Blobs are keyed by their SHA-256 so re-sending is harmless; the manifest is
 * committed last and answered with a receipt. Committing the same package again returns the same receipt.
 */
public interface ArchiveService {
    boolean hasBlob(String sha256) throws BackendException;

    void putBlob(String sha256, byte[] content) throws BackendException;

    ArchiveReceipt commitManifest(String packageId, byte[] manifestJson) throws BackendException;
}
