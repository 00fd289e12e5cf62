package org.onewindow.verification.chain;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onewindow.core.verify.Verdict;
import org.onewindow.core.verify.VerificationMode;
import org.onewindow.core.verify.VerificationReason;
import org.onewindow.core.verify.VerificationResult;

/**
 * Collects checks and claims while one verifier works, then makes the {@link VerificationResult}. A
 * verifier records each check as it runs it, so a result always shows how far verification got.
 */
public final class Outcome {
    private final String format;
    private final Instant at;
    private final Map<String, Boolean> checks = new LinkedHashMap<>();
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private VerificationMode mode;
    private Duration trustDataAge;

    public Outcome(String format, VerificationMode mode, Instant at) {
        this.format = format;
        this.mode = mode;
        this.at = at;
    }

    public Outcome check(String name, boolean passed) {
        checks.put(name, passed);
        return this;
    }

    public Outcome claim(String name, Object value) {
        if (value != null) {
            claims.put(name, value);
        }
        return this;
    }

    public Outcome claims(Map<String, ?> values) {
        values.forEach(this::claim);
        return this;
    }

    public Outcome mode(VerificationMode m) {
        this.mode = m;
        return this;
    }

    public Outcome trustDataAge(Duration age) {
        this.trustDataAge = age;
        return this;
    }

    public Instant at() {
        return at;
    }

    public VerificationResult valid(String detail) {
        return new VerificationResult(format, Verdict.VALID, null, detail, checks, claims, mode, trustDataAge, at);
    }

    public VerificationResult invalid(VerificationReason reason, String detail) {
        return new VerificationResult(format, Verdict.INVALID, reason, detail, checks, claims, mode, trustDataAge, at);
    }

    public VerificationResult unverifiable(VerificationReason reason, String detail) {
        return new VerificationResult(format, Verdict.UNVERIFIABLE, reason, detail, checks, claims, mode, trustDataAge, at);
    }

    /** Malformed input: the decode check failed. */
    public VerificationResult malformed(String detail) {
        check(Formats.Checks.DECODE, false);
        return invalid(VerificationReason.MALFORMED, detail);
    }
}
