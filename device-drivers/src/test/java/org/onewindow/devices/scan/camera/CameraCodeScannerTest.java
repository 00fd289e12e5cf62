package org.onewindow.devices.scan.camera;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.onewindow.core.device.ScanEvent;
import org.onewindow.core.device.Symbology;
import org.onewindow.devices.scan.ScanHygiene;
import org.onewindow.devices.scan.decode.CodeDecoder;
import org.onewindow.devices.scan.decode.DecodedCode;
import org.onewindow.devices.scan.decode.PipelineDecoder;

class CameraCodeScannerTest {

    static BufferedImage frameWithQr(String text) throws Exception {
        BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(120, 110, 100));
        g.fillRect(0, 0, 640, 480);
        BufferedImage code = MatrixToImageWriter.toBufferedImage(new MultiFormatWriter()
                .encode(text, BarcodeFormat.QR_CODE, 220, 220, Map.of(EncodeHintType.MARGIN, 4)));
        g.drawImage(code, 210, 130, null);
        g.dispose();
        return frame;
    }

    static BufferedImage emptyFrame() {
        BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, 640, 480);
        g.dispose();
        return frame;
    }

    @Test
    void decodesCameraFramesOffTheCallingThreadAndHygieneMakesOneEvent() throws Exception {
        ImageSequenceCamera camera = new ImageSequenceCamera("desk", List.of(frameWithQr("E-LICENCE-0001")),
                Duration.ofMillis(5), Clock.systemUTC());
        BlockingQueue<ScanEvent> events = new LinkedBlockingQueue<>();
        BlockingQueue<String> threads = new LinkedBlockingQueue<>();
        ScanHygiene hygiene = ScanHygiene.withDefaults(e -> {
            threads.add(Thread.currentThread().getName());
            events.add(e);
        });
        CameraCodeScanner scanner = new CameraCodeScanner(camera, PipelineDecoder::new, 640, 480, Clock.systemUTC());
        BlockingQueue<FrameResult> frames = new LinkedBlockingQueue<>();
        scanner.addFrameListener(frames::add);
        scanner.start(hygiene);
        try {
            ScanEvent event = events.poll(10, TimeUnit.SECONDS);
            assertThat(event).isNotNull();
            assertThat(event.text()).isEqualTo("E-LICENCE-0001");
            assertThat(event.symbology()).isEqualTo(Symbology.QR_CODE);
            assertThat(event.source()).isEqualTo("camera:desk");
            assertThat(threads.poll()).startsWith("scanner-decode-").isNotEqualTo(Thread.currentThread().getName());

            // the same code in the following frames is no new event
            for (int i = 0; i < 3; i++) {
                FrameResult later = frames.poll(10, TimeUnit.SECONDS);
                assertThat(later).isNotNull();
                assertThat(later.codes()).extracting(DecodedCode::text).contains("E-LICENCE-0001");
                assertThat(later.codes().get(0).points()).allSatisfy(p -> {
                    assertThat(p.x()).isBetween(200f, 440f);
                    assertThat(p.y()).isBetween(120f, 360f);
                });
            }
            assertThat(events).isEmpty();
            assertThat(hygiene.duplicatesDropped()).isPositive();
        } finally {
            scanner.close();
        }
    }

    @Test
    void imageFolderCameraServesItsImagesInNameOrderAsFreshFrames(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        javax.imageio.ImageIO.write(frameWithQr("B"), "png", dir.resolve("02.png").toFile());
        javax.imageio.ImageIO.write(emptyFrame(), "png", dir.resolve("01.png").toFile());
        java.nio.file.Files.writeString(dir.resolve("notes.txt"), "not an image");
        ImageSequenceCamera camera = ImageSequenceCamera.ofDirectory(dir, Duration.ZERO);
        camera.open(640, 480);
        org.onewindow.core.device.Frame first = camera.grab();
        org.onewindow.core.device.Frame second = camera.grab();
        org.onewindow.core.device.Frame third = camera.grab();
        assertThat(List.of(first.sequence(), second.sequence(), third.sequence())).containsExactly(1L, 2L, 3L);
        assertThat(first.argb()).isEqualTo(third.argb()).isNotSameAs(third.argb());
        assertThat(first.argb()).isNotEqualTo(second.argb());
        camera.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(camera::grab)
                .isInstanceOf(org.onewindow.core.device.DeviceException.class);
    }

    @Test
    void whenDecodingFallsBehindOnlyTheNewestFrameIsDecoded() throws Exception {
        ImageSequenceCamera camera = new ImageSequenceCamera("fast", List.of(emptyFrame()), Duration.ofMillis(1),
                Clock.systemUTC());
        CountDownLatch firstDecodeStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CodeDecoder slowOnce = new CodeDecoder() {
            private boolean first = true;

            @Override
            public List<DecodedCode> decode(LuminanceSource image) {
                if (first) {
                    first = false;
                    firstDecodeStarted.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS); // a decode that takes far longer than a frame
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return List.of();
            }
        };
        CameraCodeScanner scanner = new CameraCodeScanner(camera, () -> slowOnce, 640, 480, Clock.systemUTC());
        BlockingQueue<FrameResult> decoded = new LinkedBlockingQueue<>();
        scanner.addFrameListener(decoded::add);
        scanner.start(e -> { });
        try {
            assertThat(firstDecodeStarted.await(10, TimeUnit.SECONDS)).isTrue();
            while (scanner.framesGrabbed() < 20) {
                Thread.onSpinWait(); // the camera keeps delivering while the decoder is stuck
            }
            release.countDown();
            FrameResult first = decoded.poll(10, TimeUnit.SECONDS);
            FrameResult second = decoded.poll(10, TimeUnit.SECONDS);
            assertThat(first.frame().sequence()).isEqualTo(1);
            assertThat(second.frame().sequence()).as("the frame decoded next is a recent one, not frame 2")
                    .isGreaterThanOrEqualTo(20);
            assertThat(scanner.framesSkipped()).isGreaterThanOrEqualTo(18);
        } finally {
            scanner.close();
        }
    }
}
