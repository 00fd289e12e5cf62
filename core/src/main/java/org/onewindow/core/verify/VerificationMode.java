package org.onewindow.core.verify;

/** How a verdict was reached. */
public enum VerificationMode {
    /** Rules that need nothing outside the number or payload itself. */
    LOCAL_RULES,
    /** Confirmed by the back-end. */
    ONLINE,
    /** Verified against a cached trust list. */
    OFFLINE_TRUST_LIST,
    NOT_VERIFIED
}
