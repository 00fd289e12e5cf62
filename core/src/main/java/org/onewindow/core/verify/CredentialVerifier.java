package org.onewindow.core.verify;

/**
 * Verifies one presented credential. Never throws for bad input: malformed payloads are an
 * INVALID / MALFORMED result. May block on the network: call off the UI thread.
 */
public interface CredentialVerifier {
    /** True when this verifier recognises the payload's format. */
    boolean accepts(CredentialPresentation presentation);

    VerificationResult verify(CredentialPresentation presentation);
}
