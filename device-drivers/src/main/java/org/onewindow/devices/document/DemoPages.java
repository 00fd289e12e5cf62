package org.onewindow.devices.document;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;

/** Generated document-camera frames: a white sheet with text lines, rotated and in perspective, on a dark desk. */
public final class DemoPages {
    private DemoPages() {
    }

    /** The four corners of the sheet in the frame for a page {@code pw x ph} rotated by {@code degrees}. */
    public static Point2D[] corners(int width, int height, double pw, double ph, double degrees, double perspective) {
        double cx = width / 2.0;
        double cy = height / 2.0;
        // perspective: the top edge is narrower than the bottom one
        double topHalf = pw / 2 * (1 - perspective);
        double bottomHalf = pw / 2;
        Point2D[] p = {new Point2D.Double(-topHalf, -ph / 2), new Point2D.Double(topHalf, -ph / 2),
                new Point2D.Double(bottomHalf, ph / 2), new Point2D.Double(-bottomHalf, ph / 2)};
        AffineTransform t = AffineTransform.getTranslateInstance(cx, cy);
        t.rotate(Math.toRadians(degrees));
        for (int i = 0; i < 4; i++) {
            p[i] = t.transform(p[i], null);
        }
        return p;
    }

    /** A frame with a page of aspect {@code 1:sqrt(2)} (A4), rotated by {@code degrees}, slightly in perspective. */
    public static BufferedImage pageOnDesk(int width, int height, double degrees) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x3A, 0x2E, 0x26));
        g.fillRect(0, 0, width, height);
        double ph = height * 0.75;
        double pw = ph / Math.sqrt(2);
        Point2D[] c = corners(width, height, pw, ph, degrees, 0.06);
        Polygon sheet = new Polygon();
        for (Point2D p : c) {
            sheet.addPoint((int) Math.round(p.getX()), (int) Math.round(p.getY()));
        }
        g.setColor(new Color(0xF4, 0xF2, 0xEC));
        g.fillPolygon(sheet);
        // text lines, in the sheet's frame (rotated, no perspective: good enough for the eye)
        AffineTransform saved = g.getTransform();
        g.translate(width / 2.0, height / 2.0);
        g.rotate(Math.toRadians(degrees));
        g.setColor(new Color(0x22, 0x22, 0x22));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, (int) (ph / 24))));
        g.drawString("不动产权证书  CERTIFICATE", (float) (-pw * 0.38), (float) (-ph * 0.38));
        g.setStroke(new BasicStroke(Math.max(1f, (float) (ph / 160))));
        for (int i = 0; i < 14; i++) {
            double y = -ph * 0.28 + i * ph * 0.045;
            double len = pw * (i % 4 == 3 ? 0.45 : 0.72);
            g.drawLine((int) (-pw * 0.36), (int) y, (int) (-pw * 0.36 + len), (int) y);
        }
        g.setTransform(saved);
        g.dispose();
        return img;
    }

    /** An empty desk: nothing to crop. */
    public static BufferedImage blankDesk(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x3A, 0x2E, 0x26));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return img;
    }
}
