package org.onewindow.core.verify;

/** Green, red, amber. */
public enum Verdict {
    VALID, INVALID, UNVERIFIABLE
}
