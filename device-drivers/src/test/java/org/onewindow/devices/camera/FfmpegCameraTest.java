package org.onewindow.devices.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.device.Camera;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.Frame;

/** The ffmpeg driver through Webcam Capture's whole stack, fed by ffmpeg's own test pattern and a fake sysfs. */
class FfmpegCameraTest {
    @TempDir
    Path tmp;

    @Test
    void capturesMovingFramesAtTheRequestedSizeThroughWebcamCapture() throws Exception {
        Cameras.useDriver(new FfmpegCaptureDriver("ffmpeg", () -> List.of(FfmpegInput.testPattern(25)), 100));
        CameraSettings settings = CameraSettings.defaults().withDevice("test-pattern").withResolution(320, 240);
        assertThat(Cameras.list(settings)).containsExactly("test-pattern");

        try (Camera camera = Cameras.create(settings, Clock.systemUTC())) {
            camera.open(320, 240);
            Frame first = camera.grab();
            Frame later = first;
            for (int i = 0; i < 30; i++) {
                later = camera.grab();
            }
            assertThat(first.width()).isEqualTo(320);
            assertThat(first.height()).isEqualTo(240);
            assertThat(later.sequence()).isGreaterThan(first.sequence());
            assertThat(distinctColours(first)).isGreaterThan(8);
            assertThat(later.argb()).isNotEqualTo(first.argb());
        }
    }

    @Test
    void aCameraThatCannotStartReportsNotConnectedOrTimeout() {
        Cameras.useDriver(new FfmpegCaptureDriver("ffmpeg",
                () -> List.of(FfmpegInput.v4l2("missing (video9)", tmp.resolve("video9"))), 100));
        CameraSettings settings = CameraSettings.defaults();
        assertThatThrownBy(() -> {
            try (Camera camera = Cameras.create(settings, Clock.systemUTC())) {
                camera.open(640, 480);
                camera.grab();
            }
        }).isInstanceOf(DeviceException.class);
    }

    @Test
    void noCameraAttachedIsNotConnected() {
        Cameras.useDriver(new FfmpegCaptureDriver("ffmpeg", List::of, 100));
        assertThatThrownBy(() -> Cameras.create(CameraSettings.defaults(), Clock.systemUTC()))
                .isInstanceOf(DeviceException.class)
                .satisfies(e -> assertThat(((DeviceException) e).kind()).isEqualTo(DeviceException.Kind.NOT_CONNECTED));
    }

    @Test
    void reportsCamerasPluggedInAndOutOfSysfs() throws Exception {
        Path sys = Files.createDirectories(tmp.resolve("sys"));
        Cameras.useDriver(new FfmpegCaptureDriver("ffmpeg", CameraLister.v4l2(sys, tmp.resolve("dev")), 100));
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (AutoCloseable watch = Cameras.watch(CameraSettings.defaults(), new CameraPlugListener() {
            @Override
            public void attached(String name) {
                events.add("+" + name);
            }

            @Override
            public void detached(String name) {
                events.add("-" + name);
            }
        })) {
            plug(sys, "video0", "0", "USB Face Cam");
            plug(sys, "video1", "1", "USB Face Cam");
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("+USB Face Cam (video0)");
            for (String f : List.of("index", "name")) {
                Files.delete(sys.resolve("video0").resolve(f));
            }
            Files.delete(sys.resolve("video0"));
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("-USB Face Cam (video0)");
            assertThat(events).isEmpty();
        }
    }

    @Test
    void playsAVideoFileInALoopAsAVirtualCamera() throws Exception {
        Path video = tmp.resolve("clip.mkv");
        Process make = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc=duration=0.4:size=320x240:rate=25", "-c:v", "ffv1", video.toString()).inheritIO().start();
        assertThat(make.waitFor()).isZero();
        CameraSettings settings = new CameraSettings(CameraSettings.Source.VIRTUAL_VIDEO, null, 320, 240, 25, video, "ffmpeg");
        try (Camera camera = Cameras.create(settings, Clock.systemUTC())) {
            camera.open(320, 240);
            // 0.4 s of video at 25 fps is 10 frames: 15 grabs prove it loops
            Frame last = null;
            for (int i = 0; i < 15; i++) {
                last = camera.grab();
            }
            assertThat(last.sequence()).isEqualTo(15);
            assertThat(last.width()).isEqualTo(320);
            assertThat(distinctColours(last)).isGreaterThan(8);
        }
    }

    @Test
    void playsAFolderOfImagesInNameOrder() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("frames"));
        int[] colours = {0xFF0000, 0x00FF00, 0x0000FF};
        for (int i = 0; i < colours.length; i++) {
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = img.createGraphics();
            g.setColor(new java.awt.Color(colours[i]));
            g.fillRect(0, 0, 64, 48);
            g.dispose();
            javax.imageio.ImageIO.write(img, "png", folder.resolve("f" + i + ".png").toFile());
        }
        CameraSettings settings = new CameraSettings(CameraSettings.Source.VIRTUAL_IMAGES, null, 160, 120, 0, folder, null);
        try (Camera camera = Cameras.create(settings, Clock.systemUTC())) {
            camera.open(160, 120);
            int[] seen = new int[4];
            for (int i = 0; i < 4; i++) {
                Frame f = camera.grab();
                assertThat(f.width()).isEqualTo(160);
                seen[i] = f.argb()[f.argb().length / 2] & 0xFFFFFF;
            }
            assertThat(seen).containsExactly(0xFF0000, 0x00FF00, 0x0000FF, 0xFF0000);
        }
    }

    @Test
    void readsDirectShowListingsOfOldAndNewFfmpeg() {
        String newer = """
                [dshow @ 0000020c] "Integrated Camera" (video)
                [dshow @ 0000020c]   Alternative name "@device_pnp_\\\\?\\usb#vid_04f2"
                [dshow @ 0000020c] "Microphone (Realtek Audio)" (audio)
                [dshow @ 0000020c] "OBS Virtual Camera" (video)
                """;
        String older = """
                [dshow @ 00d] DirectShow video devices (some may be both video and audio devices)
                [dshow @ 00d]  "USB2.0 HD UVC WebCam"
                [dshow @ 00d]     Alternative name "@device_pnp_x"
                [dshow @ 00d] DirectShow audio devices
                [dshow @ 00d]  "Microphone"
                """;
        assertThat(CameraLister.parseDshowListing(newer)).containsExactly("Integrated Camera", "OBS Virtual Camera");
        assertThat(CameraLister.parseDshowListing(older)).containsExactly("USB2.0 HD UVC WebCam");
    }

    @Test
    void putsTheCaptureSizeBeforeTheDeviceInput() {
        List<String> cmd = FfmpegInput.v4l2("cam", Path.of("/dev/video0")).command("ffmpeg", 1280, 720);
        assertThat(String.join(" ", cmd)).contains("-f v4l2 -video_size 1280x720 -i /dev/video0")
                .endsWith("-pix_fmt bgr24 -f rawvideo -");
    }

    private static void plug(Path sys, String node, String index, String name) throws Exception {
        Path dir = Files.createDirectories(sys.resolve(node));
        Files.writeString(dir.resolve("index"), index + "\n");
        Files.writeString(dir.resolve("name"), name + "\n");
    }

    static int distinctColours(Frame f) {
        return (int) java.util.Arrays.stream(f.argb()).distinct().limit(100).count();
    }
}
