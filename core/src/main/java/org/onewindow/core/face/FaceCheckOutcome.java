package org.onewindow.core.face;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.onewindow.core.evidence.EvidenceItem;
import org.onewindow.core.verify.Verdict;
import org.onewindow.core.verify.VerificationMode;
import org.onewindow.core.verify.VerificationReason;
import org.onewindow.core.verify.VerificationResult;

/**
 * The final word on the person-ID check (人证核验) for one citizen, as the clerk's workspace archives it:
 * the chosen frame as evidence and a {@link VerificationResult} for the compare. An override or a manual
 * review carries the clerk and the mandatory reason; nothing else of the face leaves memory.
 *
 * @param decision       what was decided
 * @param match          the last compare's answer, or null (no photo, back-end unreachable)
 * @param attempts       compares made
 * @param clerk          who decided by hand (override, manual review, rejection), or null for an automatic match
 * @param reason         the clerk's reason (mandatory for OVERRIDDEN and MANUAL_REVIEW), or null
 * @param detail         technical detail for the archive, no citizen data
 * @param chosenFrameJpeg the frame compared or reviewed, or null if none was captured
 * @param decidedAt      when
 */
public record FaceCheckOutcome(Decision decision, FaceMatch match, int attempts, String clerk, String reason,
                               String detail, byte[] chosenFrameJpeg, Instant decidedAt) {

    public enum Decision {
        /** The engine found the live face matches the ID photo. */
        MATCH,
        /** The clerk accepted the citizen despite a mismatch or an unavailable compare, with a reason. */
        OVERRIDDEN,
        /** No ID photo: the clerk compared face and document by eye and confirmed, with a reason. */
        MANUAL_REVIEW,
        /** The clerk refused: the person does not match the document. */
        REJECTED;

        public boolean accepted() {
            return this != REJECTED;
        }
    }

    public static final String FORMAT = "face-compare";
    public static final String EVIDENCE_KIND = "face-frame";

    public FaceCheckOutcome {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if ((decision == Decision.OVERRIDDEN || decision == Decision.MANUAL_REVIEW) && (reason == null || reason.isBlank()
                || clerk == null || clerk.isBlank())) {
            throw new IllegalArgumentException(decision + " needs the clerk and a reason");
        }
        if (decision == Decision.MATCH && (match == null || !match.match())) {
            throw new IllegalArgumentException("MATCH needs a matching compare");
        }
        chosenFrameJpeg = chosenFrameJpeg == null ? null : chosenFrameJpeg.clone();
    }

    @Override
    public byte[] chosenFrameJpeg() {
        return chosenFrameJpeg == null ? null : chosenFrameJpeg.clone();
    }

    /** The chosen frame as an evidence item (encrypted by the store like every item), if a frame was captured. */
    public Optional<EvidenceItem> evidence() {
        return Optional.ofNullable(chosenFrameJpeg)
                .map(jpeg -> new EvidenceItem(EVIDENCE_KIND, "image/jpeg", jpeg, "Face at the counter"));
    }

    /** The compare as a verification result: score, threshold, decision, and any override with its reason. */
    public VerificationResult verification() {
        Map<String, Boolean> checks = new LinkedHashMap<>();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("decision", decision.name());
        claims.put("attempts", attempts);
        if (match != null) {
            checks.put("face-match", match.match());
            claims.put("score", match.score());
            claims.put("threshold", match.threshold());
            claims.put("compareId", match.compareId());
            claims.put("engine", match.engine());
        }
        if (clerk != null) {
            checks.put("clerk-decision", decision.accepted());
            claims.put("decidedBy", clerk);
            claims.put("reason", reason);
        }
        Verdict verdict;
        VerificationReason why;
        VerificationMode mode;
        if (decision == Decision.MATCH) {
            verdict = Verdict.VALID;
            why = null;
            mode = VerificationMode.ONLINE;
        } else if (match != null || decision == Decision.REJECTED) {
            // the engine's "no match" stands in the archive even when the clerk overrides it
            verdict = Verdict.INVALID;
            why = VerificationReason.IDENTITY_MISMATCH;
            mode = match != null ? VerificationMode.ONLINE : VerificationMode.NOT_VERIFIED;
        } else {
            verdict = Verdict.UNVERIFIABLE;
            why = decision == Decision.MANUAL_REVIEW ? null : VerificationReason.OFFLINE;
            mode = VerificationMode.NOT_VERIFIED;
        }
        return new VerificationResult(FORMAT, verdict, why, detail, checks, claims, mode, null, decidedAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaceCheckOutcome f && decision == f.decision && Objects.equals(match, f.match)
                && attempts == f.attempts && Objects.equals(clerk, f.clerk) && Objects.equals(reason, f.reason)
                && Objects.equals(detail, f.detail) && java.util.Arrays.equals(chosenFrameJpeg, f.chosenFrameJpeg)
                && decidedAt.equals(f.decidedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(decision, match, attempts, clerk, decidedAt);
    }

    @Override
    public String toString() {
        return "FaceCheckOutcome[" + decision + (match == null ? "" : String.format(" score %.3f/%.3f", match.score(),
                match.threshold())) + ", " + attempts + " attempt(s)" + (clerk == null ? "" : ", by clerk") + "]";
    }
}
