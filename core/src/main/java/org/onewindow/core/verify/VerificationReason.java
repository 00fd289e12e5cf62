package org.onewindow.core.verify;

/** Why a verdict is not VALID. Each has a message key in the client bundles. */
public enum VerificationReason {
    BAD_SIGNATURE, EXPIRED, NOT_YET_VALID, REVOKED, UNKNOWN_ISSUER, WRONG_CREDENTIAL_TYPE, MALFORMED,
    /** Identity number broke its own rules (check digit, birth date, region). */
    INVALID_NUMBER,
    /** The back-end holds a record for the number but the name does not match. */
    IDENTITY_MISMATCH,
    /** The back-end has no record for the number. */
    IDENTITY_UNKNOWN,
    /** The format needs the back-end and it could not be reached. */
    OFFLINE,
    /** Cached trust data is older than the configured maximum age. */
    TRUST_LIST_TOO_OLD,
    /** The back-end answered something that does not fit the contract. */
    BACKEND_ERROR,
    UNSUPPORTED_FORMAT;

    public String messageKey() {
        return "verify.reason." + name();
    }
}
