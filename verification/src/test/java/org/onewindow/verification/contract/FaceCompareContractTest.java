package org.onewindow.verification.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.demo.SyntheticFaces;
import org.onewindow.core.demo.SyntheticFaces.Scene;
import org.onewindow.core.demo.SyntheticFaces.Traits;
import org.onewindow.core.face.FaceCompareRequest;
import org.onewindow.core.face.FaceMatch;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.verification.backend.BackendConfig;
import org.onewindow.verification.backend.HttpFaceComparer;
import org.onewindow.verification.backend.HttpHallServices;

/** The real face-compare client against the real sandbox engine; every exchange must fit the OpenAPI document. */
class FaceCompareContractTest {
    static final Scene SCENE = Scene.frontal(640, 480, 4);
    @TempDir
    Path data;
    SandboxBackend sandbox;
    HttpHallServices http;
    HttpFaceComparer comparer;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxBackend.start(data, 0);
        sandbox.setRecording(true);
        http = new HttpHallServices(BackendConfig.of(sandbox.baseUri(), "WS-FACE"));
        comparer = new HttpFaceComparer(http);
    }

    @AfterEach
    void stop() {
        http.close();
        sandbox.close();
    }

    @Test
    void comparesTheLiveFaceWithTheIdPhotoAsDocumented() throws Exception {
        assertThatThrownBy(() -> comparer.compare(request(DemoCitizens.ZHANG_WEI.idNumber(), DemoCitizens.ZHANG_WEI.idNumber())))
                .isInstanceOf(BackendException.class)
                .satisfies(e -> assertThat(((BackendException) e).kind()).isEqualTo(BackendException.Kind.UNAUTHORIZED));
        http.signIn("demo", "demo".toCharArray());

        FaceMatch same = comparer.compare(request(DemoCitizens.ZHANG_WEI.idNumber(), DemoCitizens.ZHANG_WEI.idNumber()));
        FaceMatch other = comparer.compare(request(DemoCitizens.ZHANG_WEI.idNumber(), DemoCitizens.LI_NA.idNumber()));
        assertThat(same.score()).isGreaterThan(other.score());
        assertThat(same.threshold()).isEqualTo(0.6);
        assertThat(same.match()).isEqualTo(same.score() >= 0.6);
        assertThat(same.compareId()).startsWith("FCC-").isNotEqualTo(other.compareId());
        assertThat(same.engine()).isEqualTo("sandbox-lbp-chi2/1");

        FaceCompareRequest garbage = new FaceCompareRequest(new byte[] {1, 2, 3}, SyntheticFaces.approximateFaceBox(SCENE),
                png(SyntheticFaces.idPhoto(Traits.of("x"))), null, "resident-id-card", 0.6);
        assertThatThrownBy(() -> comparer.compare(garbage)).isInstanceOf(BackendException.class)
                .satisfies(e -> assertThat(((BackendException) e).kind()).isEqualTo(BackendException.Kind.REJECTED));

        OpenApiContract contract = OpenApiContract.load();
        assertThat(contract.violations(sandbox.recorded())).isEmpty();
        assertThat(contract.exercised()).contains("POST /face/compare");
    }

    private static FaceCompareRequest request(String liveKey, String photoKey) throws Exception {
        BufferedImage live = SyntheticFaces.scene(Traits.of(liveKey), SCENE);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(live, "jpg", jpeg);
        return new FaceCompareRequest(jpeg.toByteArray(), SyntheticFaces.approximateFaceBox(SCENE),
                png(SyntheticFaces.idPhoto(Traits.of(photoKey))), SyntheticFaces.approximateIdPhotoFaceBox(),
                "resident-id-card", 0.6);
    }

    private static byte[] png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
