package org.onewindow.core.backend;

import java.time.Instant;

/**
 * The registry's answer. {@code checkId} is the back-end's reference for the look-up, archived with the
 * evidence as its receipt.
 */
public record IdentityCheckResult(Outcome outcome, String reason, String checkId, Instant checkedAt) {
    public enum Outcome { MATCH, NO_MATCH, UNKNOWN }
}
