package org.onewindow.core.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A structured verdict on one presented credential or identity.
 *
 * @param format       what was verified ("resident-id-card", "hcert", ...)
 * @param verdict      VALID / INVALID / UNVERIFIABLE
 * @param reason       why not VALID (null when VALID)
 * @param detail       technical detail for logs and the archive; no citizen data
 * @param checks       each check run: true passed, false failed; a check not run is absent
 * @param claims       what to show and archive (values may be citizen data: never log them)
 * @param mode         how it was verified
 * @param trustDataAge age of the cached trust data used offline, or null
 * @param verifiedAt   when
 */
public record VerificationResult(
        String format,
        Verdict verdict,
        VerificationReason reason,
        String detail,
        Map<String, Boolean> checks,
        Map<String, Object> claims,
        VerificationMode mode,
        Duration trustDataAge,
        Instant verifiedAt) {

    public VerificationResult {
        checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks == null ? Map.of() : checks));
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims == null ? Map.of() : claims));
        if (verdict == Verdict.VALID && reason != null) {
            throw new IllegalArgumentException("a VALID result has no reason");
        }
    }

    public boolean isValid() {
        return verdict == Verdict.VALID;
    }

    @Override
    public String toString() {
        return "VerificationResult[" + format + " " + verdict + (reason == null ? "" : " " + reason) + " " + mode + "]";
    }
}
