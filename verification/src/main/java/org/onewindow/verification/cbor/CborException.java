package org.onewindow.verification.cbor;

/** Bytes that are not the CBOR we accept (truncated, too deep, indefinite where forbidden, ...). */
public final class CborException extends Exception {
    public CborException(String message) {
        super(message);
    }
}
