package org.onewindow.verification.chain;

import org.onewindow.core.verify.CredentialPresentation;
import org.onewindow.core.verify.CredentialVerifier;

/** A verifier for one credential format; the chain asks each in turn whether it {@link #accepts} a payload. */
public interface FormatVerifier extends CredentialVerifier {
    String format();

    /** The text of a presentation: what the scanner decoded, else the payload bytes as UTF-8. */
    static String text(CredentialPresentation p) {
        if (p.text() != null) {
            return p.text().strip();
        }
        return new String(p.payload(), java.nio.charset.StandardCharsets.UTF_8).strip();
    }
}
