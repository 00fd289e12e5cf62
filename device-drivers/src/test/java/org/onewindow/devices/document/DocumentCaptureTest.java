package org.onewindow.devices.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.onewindow.devices.camera.VirtualCamera;

class DocumentCaptureTest {
    @Test
    void capturesACroppedJpegFromTheCamera() throws Exception {
        try (VirtualCamera camera = new VirtualCamera("doc", List.of(DemoPages.pageOnDesk(1280, 960, 8)), 25,
                Clock.systemUTC())) {
            camera.open(1280, 960);
            CapturedPage page = new DocumentCapture(camera).capture();
            assertTrue(page.cropped());
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(page.jpeg()));
            assertEquals(page.width(), decoded.getWidth());
            assertEquals(page.height(), decoded.getHeight());
            assertEquals(Math.sqrt(2), page.height() / (double) page.width(), 0.12);
            assertEquals(8, page.skewDegrees(), 3);
        }
    }

    @Test
    void blankFrameKeepsTheWholeFrame() throws Exception {
        try (VirtualCamera camera = new VirtualCamera("doc", List.of(DemoPages.blankDesk(640, 480)), 25,
                Clock.systemUTC())) {
            camera.open(640, 480);
            CapturedPage page = new DocumentCapture(camera).capture();
            assertFalse(page.cropped());
            assertEquals(640, page.width());
            assertEquals(480, page.height());
        }
    }
}
