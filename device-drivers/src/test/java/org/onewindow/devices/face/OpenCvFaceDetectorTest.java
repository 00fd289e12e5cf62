package org.onewindow.devices.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.demo.SyntheticFaces;
import org.onewindow.core.demo.SyntheticFaces.Scene;
import org.onewindow.core.demo.SyntheticFaces.Traits;
import org.onewindow.core.device.Frame;
import org.onewindow.core.face.FaceBox;
import org.onewindow.devices.camera.Frames;

/**
 * Where the cascades come from: the copies bundled in the jar, without any system folder, and an explicitly
 * configured folder. The face is the rendered scene {@link FaceQualityPipelineTest} starts from.
 */
class OpenCvFaceDetectorTest {
    static final Frame WELL_PLACED = Frames.toFrame(SyntheticFaces.scene(Traits.of(DemoCitizens.ZHANG_WEI.idNumber()),
            Scene.frontal(640, 480, 11)), 1, Instant.EPOCH);

    @TempDir
    Path tmp;

    @Test
    void withNothingConfiguredTheBundledCascadesFindAFaceAndItsEyes() {
        OpenCvFaceDetector detector = OpenCvFaceDetector.create(null, null);
        assertThat(detector.source()).isEqualTo(OpenCvFaceDetector.CascadeSource.BUNDLED);
        // extracted from the jar's resources into a private temporary folder: no system folder involved
        assertThat(detector.cascadeDirectory().getFileName().toString()).startsWith("onewindow-cascades-");
        assertThat(detector.cascadeDirectory().toString()).doesNotContain("/usr/share");
        assertThat(detector.describe()).endsWith(OpenCvFaceDetector.FACE_CASCADE + " + " + OpenCvFaceDetector.EYE_CASCADE);

        List<FaceBox> faces = detector.faces(WELL_PLACED);
        assertThat(faces).hasSize(1);
        assertThat(faces.get(0).height()).isGreaterThan(120);
        assertThat(detector.openEyes(WELL_PLACED, detector.facesPrecisely(WELL_PLACED).get(0))).isEqualTo(2);
    }

    @Test
    void theExtractedFilesAreTheBundledResourcesUnchangedAndExtractedOnce() throws IOException {
        Path dir = OpenCvFaceDetector.bundledCascades();
        assertThat(OpenCvFaceDetector.bundledCascades()).isEqualTo(dir);
        for (String name : List.of(OpenCvFaceDetector.FACE_CASCADE, OpenCvFaceDetector.EYE_CASCADE)) {
            assertThat(Files.readAllBytes(dir.resolve(name))).isEqualTo(resource(name));
        }
        if (!System.getProperty("os.name").startsWith("Windows")) {
            assertThat(Files.getPosixFilePermissions(dir)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        }
    }

    @Test
    void theBundledCascadesKeepTheirIntelLicenceHeader() throws IOException {
        for (String name : List.of(OpenCvFaceDetector.FACE_CASCADE, OpenCvFaceDetector.EYE_CASCADE)) {
            String head = new String(resource(name), 0, 4000, StandardCharsets.US_ASCII);
            assertThat(head).as(name)
                    .contains("Intel License Agreement", "Copyright (C) 2000, Intel Corporation, all rights reserved.",
                            "Redistribution's in binary form must reproduce the above copyright notice");
        }
    }

    @Test
    void aConfiguredFolderIsUsedAndNamedInTheDescription() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("models"));
        for (String name : List.of(OpenCvFaceDetector.FACE_CASCADE, OpenCvFaceDetector.EYE_CASCADE)) {
            Files.write(folder.resolve(name), resource(name));
        }
        OpenCvFaceDetector configured = OpenCvFaceDetector.create(folder, "/ignored/when/configured");
        assertThat(configured.source()).isEqualTo(OpenCvFaceDetector.CascadeSource.CONFIGURED);
        assertThat(configured.cascadeDirectory()).isEqualTo(folder);
        assertThat(configured.describe()).endsWith(" from " + folder);
        assertThat(configured.faces(WELL_PLACED)).hasSize(1);

        OpenCvFaceDetector fromEnvironment = OpenCvFaceDetector.create(null, folder.toString());
        assertThat(fromEnvironment.source()).isEqualTo(OpenCvFaceDetector.CascadeSource.ENVIRONMENT);
        assertThat(fromEnvironment.cascadeDirectory()).isEqualTo(folder);
    }

    @Test
    void aConfiguredFolderWithoutTheCascadesIsAnErrorNotASilentFallback() {
        Path empty = tmp.resolve("empty");
        assertThatThrownBy(() -> OpenCvFaceDetector.create(empty, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(empty.toString())
                .hasMessageContaining(OpenCvFaceDetector.FACE_CASCADE);
        assertThatThrownBy(() -> OpenCvFaceDetector.create(null, empty.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(OpenCvFaceDetector.CASCADES_ENV);
    }

    @Test
    void aBlankEnvironmentVariableMeansTheBundledCascades() {
        assertThat(OpenCvFaceDetector.create(null, "  ").source()).isEqualTo(OpenCvFaceDetector.CascadeSource.BUNDLED);
    }

    @Test
    void onlyAllAsciiPathsCountAsOpenableByOpenCv() {
        assertThat(OpenCvFaceDetector.openCvCanOpen("C:\\Users\\clerk\\AppData\\Local\\Temp")).isTrue();
        assertThat(OpenCvFaceDetector.openCvCanOpen("C:\\Users\\\u5f20\u4e09\\AppData\\Local\\Temp")).isFalse();
        assertThat(OpenCvFaceDetector.openCvCanOpen("/tmp/caf\u00e9")).isFalse();
    }

    @Test
    void extractionTakesTheFirstWritableAsciiFolder() throws IOException {
        Path first = Files.createDirectories(tmp.resolve("first"));
        Path second = Files.createDirectories(tmp.resolve("second"));
        assertThat(OpenCvFaceDetector.extractionRoot(List.of(first, second))).isEqualTo(first);
        assertThat(OpenCvFaceDetector.extractionRoot(List.of(tmp.resolve("missing"), second))).isEqualTo(second);
        // nothing usable: the temporary folder anyway, and OpenCV's error names the file it could not open
        assertThat(OpenCvFaceDetector.extractionRoot(List.of(tmp.resolve("missing")))).isEqualTo(tmp.resolve("missing"));
    }

    @Test
    void extractionSkipsATemporaryFolderWithAChineseUserName() throws IOException {
        String name = "\u5f20\u4e09"; // a user name in %TEMP% on a Chinese Windows
        Assumptions.assumeTrue(Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")).newEncoder().canEncode(name),
                "file names in this JVM's locale cannot hold Chinese characters");
        Path chinese = Files.createDirectories(tmp.resolve(name));
        Path ascii = Files.createDirectories(tmp.resolve("ProgramData"));
        assertThat(OpenCvFaceDetector.extractionRoot(List.of(chinese, ascii))).isEqualTo(ascii);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = OpenCvFaceDetector.class.getResourceAsStream(name)) {
            assertThat(in).as("bundled resource " + name).isNotNull();
            return in.readAllBytes();
        }
    }
}
