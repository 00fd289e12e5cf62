package org.onewindow.devices.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.device.Camera;
import org.onewindow.core.device.Frame;

/**
 * The ffmpeg the camera runs: a fake installed application whose {@code ffmpeg/ffmpeg} is a link to the
 * machine's real ffmpeg, run with {@code -version} and through the whole capture stack.
 */
class FfmpegLocatorTest {
    @TempDir
    Path app;

    @Test
    void theBundledFfmpegIsPickedAndRuns() throws Exception {
        Path bundled = bundleRealFfmpeg();
        String resolved = FfmpegLocator.resolve(null, app);
        assertThat(resolved).isEqualTo(bundled.toString());
        assertThat(FfmpegLocator.resolve("  ", app)).isEqualTo(resolved);

        Process p = new ProcessBuilder(resolved, "-version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(out).startsWith("ffmpeg version");
    }

    @Test
    void theBundledFfmpegCapturesThroughTheRealCapturePath() throws Exception {
        String resolved = FfmpegLocator.resolve(null, bundleRealFfmpeg().getParent().getParent());
        Cameras.useDriver(new FfmpegCaptureDriver(resolved, () -> List.of(FfmpegInput.testPattern(25)), 100));
        CameraSettings settings = new CameraSettings(CameraSettings.Source.FFMPEG, "test-pattern", 320, 240, 25, null, resolved);
        assertThat(settings.ffmpeg()).isEqualTo(resolved);
        try (Camera camera = Cameras.create(settings, Clock.systemUTC())) {
            camera.open(320, 240);
            Frame first = camera.grab();
            Frame later = first;
            for (int i = 0; i < 10; i++) {
                later = camera.grab();
            }
            assertThat(first.width()).isEqualTo(320);
            assertThat(later.sequence()).isGreaterThan(first.sequence());
        }
    }

    @Test
    void aConfiguredPathWinsOverTheBundle() throws Exception {
        bundleRealFfmpeg();
        assertThat(FfmpegLocator.resolve("C:\\Tools\\ffmpeg\\bin\\ffmpeg.exe", app)).isEqualTo("C:\\Tools\\ffmpeg\\bin\\ffmpeg.exe");
        assertThat(FfmpegLocator.resolve("ffmpeg", app)).isEqualTo("ffmpeg");
    }

    @Test
    void withoutABundleItIsFfmpegFromThePath() {
        assertThat(FfmpegLocator.resolve(null, app)).isEqualTo("ffmpeg");
        assertThat(FfmpegLocator.resolve(null, null)).isEqualTo("ffmpeg");
        assertThat(FfmpegLocator.resolve("", app.resolve("no-such-folder"))).isEqualTo("ffmpeg");
    }

    @Test
    void aBundledFileThatCannotBeExecutedIsIgnored() throws Exception {
        Assumptions.assumeTrue(app.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path exe = FfmpegLocator.bundledPath(app, false);
        Files.createDirectories(exe.getParent());
        Files.writeString(exe, "not a program");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rw-r--r--"));
        Assumptions.assumeFalse(Files.isExecutable(exe), "root may execute anything here");
        assertThat(FfmpegLocator.resolve(null, app)).isEqualTo("ffmpeg");
    }

    @Test
    void theAppFolderPropertyLeadsToTheBundleAndTheDefaultSettingsUseIt() throws Exception {
        Path bundled = bundleRealFfmpeg();
        String before = System.getProperty(FfmpegLocator.APP_DIR_PROPERTY);
        try {
            System.setProperty(FfmpegLocator.APP_DIR_PROPERTY, app.toString());
            assertThat(FfmpegLocator.appFolder()).contains(app);
            assertThat(FfmpegLocator.resolve(null)).isEqualTo(bundled.toString());
            assertThat(CameraSettings.defaults().ffmpeg()).isEqualTo(bundled.toString());
        } finally {
            if (before == null) {
                System.clearProperty(FfmpegLocator.APP_DIR_PROPERTY);
            } else {
                System.setProperty(FfmpegLocator.APP_DIR_PROPERTY, before);
            }
        }
        // the tests run from target/classes: no jar, no app folder, ffmpeg from the PATH
        Assumptions.assumeTrue(before == null);
        assertThat(FfmpegLocator.appFolder()).isEmpty();
        assertThat(CameraSettings.defaults().ffmpeg()).isEqualTo("ffmpeg");
    }

    @Test
    void theAppFolderIsTheFolderOfTheJarNotAClassesFolder() throws Exception {
        Path jar = Files.writeString(app.resolve("org.onewindow.device-drivers.jar"), "PK");
        assertThat(FfmpegLocator.folderOfJar(jar)).contains(app);
        assertThat(FfmpegLocator.folderOfJar(app)).isEmpty();
    }

    @Test
    void theBundleIsNamedPerPlatform() {
        assertThat(FfmpegLocator.bundledPath(app, true)).isEqualTo(app.resolve("ffmpeg").resolve("ffmpeg.exe"));
        assertThat(FfmpegLocator.bundledPath(app, false)).isEqualTo(app.resolve("ffmpeg").resolve("ffmpeg"));
    }

    /** {@code <app>/ffmpeg/ffmpeg} as a symbolic link to the ffmpeg on this machine's PATH. */
    private Path bundleRealFfmpeg() throws Exception {
        Assumptions.assumeFalse(System.getProperty("os.name").startsWith("Windows"), "symbolic links to ffmpeg: POSIX only");
        Path real = onPath("ffmpeg").orElseThrow(() -> new AssertionError("ffmpeg is not on the PATH (apt-get install ffmpeg)"));
        Path link = FfmpegLocator.bundledPath(app, false);
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, real.toRealPath());
        return link;
    }

    private static Optional<Path> onPath(String name) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst();
    }
}
