package org.onewindow.verification.cbor;

/** A tagged CBOR item (major type 6), e.g. tag 18 COSE_Sign1, tag 61 CWT, tag 1 epoch time. */
public record CborTagged(long tag, Object value) {
}
