package org.onewindow.devices.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PageDetectorTest {
    private final PageDetector detector = new PageDetector();

    /** Largest share of dark pixels in any one row: high only when the text lines run horizontally. */
    static double bestRowInk(BufferedImage img) {
        int w = img.getWidth();
        double best = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            int dark = 0;
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                int lum = ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
                if (lum < 100) {
                    dark++;
                }
            }
            best = Math.max(best, dark / (double) w);
        }
        return best;
    }

    @Test
    void rotatedPageInPerspectiveIsCroppedAndUpright() {
        BufferedImage frame = DemoPages.pageOnDesk(1280, 960, 8);
        PageDetector.Result r = detector.detect(frame);
        assertTrue(r.cropped(), "page found");
        BufferedImage page = r.page();
        double aspect = page.getHeight() / (double) page.getWidth();
        assertEquals(Math.sqrt(2), aspect, 0.12, "A4 aspect, got " + aspect);
        assertTrue(page.getWidth() < 1280 * 0.7 && page.getHeight() < 960, "smaller than the frame");
        assertEquals(8, r.skewDegrees(), 3, "skew of the sheet in the frame");
        // upright: text lines are horizontal rows of ink after the warp, but not in the rotated frame
        double uprightInk = bestRowInk(page);
        assertTrue(uprightInk > 0.5, "a text line fills a row: " + uprightInk);
        // control: on the paper in the rotated frame (centre, no desk) no row is a text line
        double rotatedInk = bestRowInk(frame.getSubimage(540, 330, 200, 300));
        assertTrue(rotatedInk < 0.3, "in the rotated frame no row is a text line: " + rotatedInk);
        // corners: the page's border rows are paper, not desk
        int rgb = page.getRGB(page.getWidth() / 2, 3);
        assertTrue((rgb >> 16 & 0xFF) > 180, "top edge is paper");
    }

    @Test
    void pageRotatedTheOtherWayIsUprightToo() {
        PageDetector.Result r = detector.detect(DemoPages.pageOnDesk(1024, 768, -6));
        assertTrue(r.cropped());
        assertEquals(-6, r.skewDegrees(), 3);
        assertTrue(bestRowInk(r.page()) > 0.5);
    }

    @Test
    void blankDeskIsNotCropped() {
        BufferedImage blank = DemoPages.blankDesk(640, 480);
        PageDetector.Result r = detector.detect(blank);
        assertFalse(r.cropped());
        assertEquals(640, r.page().getWidth());
        assertEquals(480, r.page().getHeight());
        assertEquals(0, r.skewDegrees());
    }
}
