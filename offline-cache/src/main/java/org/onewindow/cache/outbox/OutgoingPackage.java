package org.onewindow.cache.outbox;

import java.util.List;

/**
 * A package as sent to the archive: the exact signed manifest bytes stored at commit (never re-signed,
 * so a re-send is byte-identical and the archive answers with the same receipt) and its blobs in the clear.
 * Lives only in memory, only for the upload.
 *
 * @param packageHash SHA-256 of {@code manifest}: the receipt must echo it
 * @param attempts    how many attempts failed before: on a retry blobs already at the archive are skipped
 */
public record OutgoingPackage(long seq, String packageId, String packageHash, byte[] manifest, List<Blob> blobs,
                              int attempts) {

    /** One content-addressed blob. */
    public record Blob(String sha256, byte[] content) {
        @Override
        public String toString() {
            return "Blob[" + sha256 + ", " + content.length + " bytes]";
        }
    }

    public long size() {
        long n = manifest.length;
        for (Blob b : blobs) {
            n += b.content().length;
        }
        return n;
    }

    @Override
    public String toString() {
        return "OutgoingPackage[" + packageId + ", " + blobs.size() + " blobs]";
    }
}
