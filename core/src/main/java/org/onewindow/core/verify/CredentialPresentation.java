package org.onewindow.core.verify;

import java.time.Instant;

/** Something the citizen presented to be verified: a scanned payload with where it came from. */
public record CredentialPresentation(byte[] payload, String text, String source, Instant receivedAt) {
    public CredentialPresentation {
        payload = payload == null ? new byte[0] : payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
