package org.onewindow.core.evidence;

import java.util.Arrays;
import java.util.Objects;

/**
 * One captured thing in a case: the ID card's data, its photo, a QR payload, a face frame, a scanned page,
 * a verification receipt. Content is citizen data: stored encrypted, never logged.
 *
 * @param kind      what it is ("id-card", "id-photo", "qr-payload", "face-frame", "document-page", ...)
 * @param mediaType MIME type of the content
 * @param content   the bytes
 * @param label     a short non-personal label shown in lists ("ID card text", "page 2")
 */
public record EvidenceItem(String kind, String mediaType, byte[] content, String label) {
    public EvidenceItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mediaType, "mediaType");
        content = Objects.requireNonNull(content, "content").clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvidenceItem e && kind.equals(e.kind) && mediaType.equals(e.mediaType)
                && Arrays.equals(content, e.content) && Objects.equals(label, e.label);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, mediaType, Arrays.hashCode(content), label);
    }

    @Override
    public String toString() {
        return "EvidenceItem[" + kind + ", " + mediaType + ", " + content.length + " bytes]";
    }
}
