package org.onewindow.core.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.onewindow.core.face.FaceCheckOutcome.Decision;
import org.onewindow.core.verify.Verdict;
import org.onewindow.core.verify.VerificationMode;
import org.onewindow.core.verify.VerificationReason;

class FaceCheckOutcomeTest {
    static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");
    static final FaceMatch YES = new FaceMatch(0.72, 0.6, true, "FCC-1", AT, "engine/1");
    static final FaceMatch NO = new FaceMatch(0.41, 0.6, false, "FCC-2", AT, "engine/1");
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, 1, 2};

    @Test
    void anAutomaticMatchIsValidAndArchivesTheFrame() {
        FaceCheckOutcome o = new FaceCheckOutcome(Decision.MATCH, YES, 1, null, null, "auto", JPEG, AT);
        assertThat(o.verification().verdict()).isEqualTo(Verdict.VALID);
        assertThat(o.verification().mode()).isEqualTo(VerificationMode.ONLINE);
        assertThat(o.verification().claims()).containsEntry("score", 0.72).containsEntry("compareId", "FCC-1");
        assertThat(o.evidence()).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo("face-frame");
            assertThat(e.content()).isEqualTo(JPEG);
        });
    }

    @Test
    void anOverrideKeepsTheEnginesNoAndRecordsWhoAndWhy() {
        FaceCheckOutcome o = new FaceCheckOutcome(Decision.OVERRIDDEN, NO, 3, "clerk01", "old photo", "d", JPEG, AT);
        assertThat(o.verification().verdict()).isEqualTo(Verdict.INVALID);
        assertThat(o.verification().reason()).isEqualTo(VerificationReason.IDENTITY_MISMATCH);
        assertThat(o.verification().claims()).containsEntry("decision", "OVERRIDDEN")
                .containsEntry("decidedBy", "clerk01").containsEntry("reason", "old photo").containsEntry("attempts", 3);
        assertThat(o.verification().checks()).containsEntry("face-match", false).containsEntry("clerk-decision", true);
        assertThat(o.decision().accepted()).isTrue();
        assertThat(o.toString()).doesNotContain("old photo");
    }

    @Test
    void aManualReviewIsUnverifiableWithoutAReasonCode() {
        FaceCheckOutcome o = new FaceCheckOutcome(Decision.MANUAL_REVIEW, null, 0, "clerk01", "looked alike", "d", JPEG, AT);
        assertThat(o.verification().verdict()).isEqualTo(Verdict.UNVERIFIABLE);
        assertThat(o.verification().reason()).isNull();
        assertThat(o.verification().mode()).isEqualTo(VerificationMode.NOT_VERIFIED);
    }

    @Test
    void anOverrideWhileTheServiceWasDownIsMarkedOffline() {
        FaceCheckOutcome o = new FaceCheckOutcome(Decision.OVERRIDDEN, null, 1, "clerk01", "network down", "d", null, AT);
        assertThat(o.verification().reason()).isEqualTo(VerificationReason.OFFLINE);
        assertThat(o.evidence()).isEmpty();
    }

    @Test
    void aRejectionIsInvalid() {
        FaceCheckOutcome o = new FaceCheckOutcome(Decision.REJECTED, null, 0, "clerk01", "not the holder", "d", JPEG, AT);
        assertThat(o.verification().verdict()).isEqualTo(Verdict.INVALID);
        assertThat(o.decision().accepted()).isFalse();
    }

    @Test
    void refusesAnOverrideWithoutReasonOrClerkAndAMatchWithoutAMatchingCompare() {
        assertThatThrownBy(() -> new FaceCheckOutcome(Decision.OVERRIDDEN, NO, 1, "clerk01", " ", "d", JPEG, AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaceCheckOutcome(Decision.MANUAL_REVIEW, null, 0, null, "reason", "d", JPEG, AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaceCheckOutcome(Decision.MATCH, NO, 1, null, null, "d", JPEG, AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFrameBytesAreCopiedInAndOut() {
        byte[] mine = JPEG.clone();
        FaceCheckOutcome o = new FaceCheckOutcome(Decision.MATCH, YES, 1, null, null, "auto", mine, AT);
        mine[0] = 0;
        o.chosenFrameJpeg()[1] = 0;
        assertThat(o.chosenFrameJpeg()).isEqualTo(JPEG);
    }
}
