package org.onewindow.verification.online;

/** An e-license file (PDF or OFD) fetched for the archive, with its verified SHA-256. */
public record ElicenseFile(byte[] content, String mediaType, String sha256) {
    public ElicenseFile {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
