package org.onewindow.verification.chain;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.onewindow.core.verify.CredentialPresentation;
import org.onewindow.core.verify.CredentialVerifier;
import org.onewindow.core.verify.VerificationMode;
import org.onewindow.core.verify.VerificationReason;
import org.onewindow.core.verify.VerificationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one verifier the client uses: asks each format verifier in order whether it recognises the payload
 * and lets the first that does verify it. Never throws: a verifier bug on hostile input becomes an
 * INVALID / MALFORMED result (and a log line), and a payload nobody recognises is UNVERIFIABLE /
 * UNSUPPORTED_FORMAT.
 */
public final class VerifierChain implements CredentialVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(VerifierChain.class);
    /** The claim every format fills with its credential type, compared by {@link #verifyExpecting}. */
    public static final String TYPE_CLAIM = "credentialType";

    private final List<FormatVerifier> verifiers;
    private final Clock clock;

    public VerifierChain(List<FormatVerifier> verifiers, Clock clock) {
        this.verifiers = List.copyOf(verifiers);
        this.clock = clock;
    }

    public List<FormatVerifier> verifiers() {
        return verifiers;
    }

    @Override
    public boolean accepts(CredentialPresentation presentation) {
        return find(presentation) != null;
    }

    private FormatVerifier find(CredentialPresentation presentation) {
        for (FormatVerifier v : verifiers) {
            try {
                if (v.accepts(presentation)) {
                    return v;
                }
            } catch (RuntimeException e) {
                LOG.warn("{} failed to inspect a payload: {}", v.format(), where(e));
            }
        }
        return null;
    }

    @Override
    public VerificationResult verify(CredentialPresentation presentation) {
        FormatVerifier v = presentation == null ? null : find(presentation);
        if (v == null) {
            return new Outcome(Formats.UNKNOWN, VerificationMode.NOT_VERIFIED, clock.instant())
                    .check(Formats.Checks.DECODE, false)
                    .unverifiable(VerificationReason.UNSUPPORTED_FORMAT, "no verifier recognises this payload");
        }
        try {
            return v.verify(presentation);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("{} verifier failed on a payload: {}", v.format(), where(e));
            return new Outcome(v.format(), VerificationMode.NOT_VERIFIED, clock.instant())
                    .malformed("the payload could not be processed");
        }
    }

    /** Exception type and place only: messages of parse errors can quote the payload (citizen data). */
    private static String where(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return e.getClass().getName() + (trace.length == 0 ? "" : " at " + trace[0]);
    }

    /**
     * Verifies and also requires the credential to be of {@code expectedType} (the material the case
     * needs): a valid credential of another type is INVALID / WRONG_CREDENTIAL_TYPE.
     */
    public VerificationResult verifyExpecting(CredentialPresentation presentation, String expectedType) {
        VerificationResult r = verify(presentation);
        if (!r.isValid() || expectedType == null) {
            return r;
        }
        Object type = r.claims().get(TYPE_CLAIM);
        boolean matches = expectedType.equals(type);
        Map<String, Boolean> checks = new java.util.LinkedHashMap<>(r.checks());
        checks.put(Formats.Checks.TYPE, matches);
        if (matches) {
            return new VerificationResult(r.format(), r.verdict(), null, r.detail(), checks, r.claims(), r.mode(),
                    r.trustDataAge(), r.verifiedAt());
        }
        return new VerificationResult(r.format(), org.onewindow.core.verify.Verdict.INVALID,
                VerificationReason.WRONG_CREDENTIAL_TYPE, "credential type " + type + " is not the expected " + expectedType,
                checks, r.claims(), r.mode(), r.trustDataAge(), r.verifiedAt());
    }
}
