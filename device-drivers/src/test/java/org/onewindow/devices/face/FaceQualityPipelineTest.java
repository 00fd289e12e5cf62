package org.onewindow.devices.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.demo.SyntheticFaces;
import org.onewindow.core.demo.SyntheticFaces.Scene;
import org.onewindow.core.demo.SyntheticFaces.Traits;
import org.onewindow.core.face.FaceQuality;
import org.onewindow.core.face.FaceQualityGate;
import org.onewindow.core.face.LivenessCheck;
import org.onewindow.core.face.QualityIssue;
import org.onewindow.core.face.QualityThresholds;
import org.onewindow.devices.camera.VirtualCamera;

/**
 * The real pipeline: invented faces rendered into frames, played by the virtual camera, detected by
 * OpenCV's cascades bundled with the application, judged by the quality gate.
 */
class FaceQualityPipelineTest {
    static final Traits ZHANG = Traits.of(DemoCitizens.ZHANG_WEI.idNumber());
    static final Traits LI = Traits.of(DemoCitizens.LI_NA.idNumber());
    static final Scene WELL_PLACED = Scene.frontal(640, 480, 11);
    static OpenCvFaceDetector detector;
    static FaceQualityGate gate;

    @BeforeAll
    static void load() {
        detector = OpenCvFaceDetector.bundled();
        gate = new FaceQualityGate(detector, QualityThresholds.defaults());
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    @Test
    void acceptsOneCentredSharpFrontalFace() throws Exception {
        FaceQuality q = first(SyntheticFaces.scene(ZHANG, WELL_PLACED));
        assertThat(q.issues()).isEmpty();
        assertThat(q.faces()).hasSize(1);
        assertThat(q.face().centreX()).isBetween(260.0, 380.0);
        assertThat(q.eyes()).isEqualTo(2);
        assertThat(q.score()).isPositive();
    }

    @Test
    void findsTheFaceOfEveryDemoCitizen() throws Exception {
        for (var citizen : DemoCitizens.all()) {
            FaceQuality q = first(SyntheticFaces.scene(Traits.of(citizen.idNumber()), WELL_PLACED));
            assertThat(q.issues()).as("demo citizen no. %d", DemoCitizens.all().indexOf(citizen)).isEmpty();
        }
    }

    @Test
    void anEmptyDeskAsksForAFace() throws Exception {
        FaceQuality q = first(SyntheticFaces.empty(WELL_PLACED));
        assertThat(q.issues()).containsExactly(QualityIssue.NO_FACE);
        assertThat(q.face()).isNull();
    }

    @Test
    void twoPeopleAreRefused() throws Exception {
        FaceQuality q = first(SyntheticFaces.twoPeople(ZHANG, LI, WELL_PLACED.size(0.4)));
        assertThat(q.faces()).hasSize(2);
        assertThat(q.mainIssue()).isEqualTo(QualityIssue.SEVERAL_FACES);
    }

    @Test
    void aDarkRoomAsksForLight() throws Exception {
        FaceQuality q = first(SyntheticFaces.scene(ZHANG, WELL_PLACED.lit(0.3)));
        assertThat(q.mainIssue()).isEqualTo(QualityIssue.TOO_DARK);
        assertThat(q.acceptable()).isFalse();
    }

    @Test
    void aDistantCitizenIsAskedToComeCloser() throws Exception {
        FaceQuality q = first(SyntheticFaces.scene(ZHANG, WELL_PLACED.size(0.2)));
        assertThat(q.faces()).hasSize(1);
        // a small face may also hide its eyes from the eye detector; coming closer comes first
        assertThat(q.mainIssue()).isEqualTo(QualityIssue.TOO_SMALL);
    }

    @Test
    void aFaceAtTheEdgeIsAskedToMoveToTheCentre() throws Exception {
        assertThat(first(SyntheticFaces.scene(ZHANG, WELL_PLACED.at(0.2, 0.5))).issues())
                .containsExactly(QualityIssue.OFF_CENTRE);
    }

    @Test
    void aTurnedHeadIsAskedToFaceTheCamera() throws Exception {
        assertThat(first(SyntheticFaces.scene(ZHANG, WELL_PLACED.turned(0.6))).issues())
                .containsExactly(QualityIssue.NOT_FRONTAL);
    }

    @Test
    void aBlurredFrameIsRefused() throws Exception {
        FaceQuality blurred = first(SyntheticFaces.scene(ZHANG, WELL_PLACED.blurred(6)));
        assertThat(blurred.issues()).containsExactly(QualityIssue.BLURRED);
    }

    @Test
    void aPromptedBlinkWithNaturalSwayPassesLiveness() throws Exception {
        List<BufferedImage> clip = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double sway = 0.5 + 0.01 * Math.sin(i);
            clip.add(SyntheticFaces.scene(ZHANG, WELL_PLACED.at(sway, 0.5).blinking(i == 5 || i == 6)));
        }
        assertThat(liveness(clip, LivenessCheck.Challenge.BLINK)).isTrue();
    }

    @Test
    void aPromptedTurnAndBackPassesLiveness() throws Exception {
        List<BufferedImage> clip = new ArrayList<>();
        double[] turns = {0, 0, 0.3, 0.7, 1, 0.6, 0.2, 0, 0};
        for (int i = 0; i < turns.length; i++) {
            clip.add(SyntheticFaces.scene(ZHANG, WELL_PLACED.at(0.5 + 0.008 * i, 0.5).turned(turns[i])));
        }
        assertThat(liveness(clip, LivenessCheck.Challenge.TURN)).isTrue();
    }

    @Test
    void aStillPhotoNeverPassesLiveness() throws Exception {
        List<BufferedImage> photo = List.of(SyntheticFaces.scene(ZHANG, WELL_PLACED));
        assertThat(liveness(photo, LivenessCheck.Challenge.BLINK)).isFalse();
        assertThat(liveness(photo, LivenessCheck.Challenge.TURN)).isFalse();
    }

    @Test
    void theDemoClipOfACardHolderMeetsEitherLivenessPrompt() throws Exception {
        List<BufferedImage> clip = org.onewindow.devices.camera.DemoFaceCamera.clipOf(DemoCitizens.LI_NA.idNumber());
        assertThat(liveness(clip, LivenessCheck.Challenge.BLINK)).isTrue();
        assertThat(liveness(clip, LivenessCheck.Challenge.TURN)).isTrue();
    }

    private static boolean liveness(List<BufferedImage> clip, LivenessCheck.Challenge challenge) throws Exception {
        LivenessCheck check = new LivenessCheck(challenge, QualityThresholds.defaults().maxAsymmetry());
        try (VirtualCamera camera = new VirtualCamera("clip", clip, 0, Clock.systemUTC())) {
            camera.open(640, 480);
            for (int i = 0; i < clip.size() * 2; i++) {
                if (check.observe(gate.assess(camera.grab()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static FaceQuality first(BufferedImage image) throws Exception {
        try (VirtualCamera camera = new VirtualCamera("test", List.of(image), 0, Clock.systemUTC())) {
            camera.open(640, 480);
            return gate.assess(camera.grab());
        }
    }
}
