package org.onewindow.verification.trust;

/** Trust data that cannot be used: unreadable, or its signature does not verify. */
public final class TrustListException extends Exception {
    public TrustListException(String message) {
        super(message);
    }

    public TrustListException(String message, Throwable cause) {
        super(message, cause);
    }
}
