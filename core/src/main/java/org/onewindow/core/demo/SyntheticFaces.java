package org.onewindow.core.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;

/**
 * Rendered, invented faces for the demo and the tests: an ID photo and camera scenes of "the same person",
 * made from a person key (e.g. an ID number), so no photograph of anyone is needed or shipped. Drawn with
 * Java2D (JDK only) in the proportions a face detector trained on photographs accepts: dark brows and eyes
 * over lighter cheeks, a light nose bridge, a mouth, a head outline and hair. Not a likeness of anybody.
 */
public final class SyntheticFaces {
    private SyntheticFaces() {
    }

    /** What tells one invented person from another; each value in [0, 1). */
    public record Traits(double skin, double faceWidth, double eyeSpacing, double eyeSize, double browWeight,
                         double noseLength, double mouthWidth, double hair, double jaw, double extras) {

        /** The traits of the person behind {@code key}: stable for a key, different across keys. */
        public static Traits of(String key) {
            byte[] h;
            try {
                h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
            double[] v = new double[10];
            for (int i = 0; i < v.length; i++) {
                v[i] = (h[i] & 0xFF) / 256.0;
            }
            return new Traits(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
        }
    }

    /**
     * Where and how the face appears in a camera frame.
     *
     * @param width       frame width
     * @param height      frame height
     * @param centreX     face centre, as a fraction of the width
     * @param centreY     face centre, as a fraction of the height
     * @param faceHeight  face height (chin to hairline), as a fraction of the frame height
     * @param turn        head turn in [-1, 1]: features shift sideways as when the citizen looks away
     * @param light       overall brightness factor (1 = well lit, 0.15 = very dark)
     * @param eyesClosed  a blink
     * @param seed        noise and background
     * @param blur        extra blur radius in pixels (0 = in focus; 4 or more looks out of focus or moving)
     */
    public record Scene(int width, int height, double centreX, double centreY, double faceHeight, double turn,
                        double light, boolean eyesClosed, long seed, int blur) {

        /** A well-lit, centred, frontal face filling about half the frame height. */
        public static Scene frontal(int width, int height, long seed) {
            return new Scene(width, height, 0.5, 0.5, 0.5, 0, 1, false, seed, 0);
        }

        public Scene at(double x, double y) {
            return new Scene(width, height, x, y, faceHeight, turn, light, eyesClosed, seed, blur);
        }

        public Scene size(double fraction) {
            return new Scene(width, height, centreX, centreY, fraction, turn, light, eyesClosed, seed, blur);
        }

        public Scene turned(double t) {
            return new Scene(width, height, centreX, centreY, faceHeight, t, light, eyesClosed, seed, blur);
        }

        public Scene lit(double l) {
            return new Scene(width, height, centreX, centreY, faceHeight, turn, l, eyesClosed, seed, blur);
        }

        public Scene blurred(int radius) {
            return new Scene(width, height, centreX, centreY, faceHeight, turn, light, eyesClosed, seed, radius);
        }

        public Scene blinking(boolean closed) {
            return new Scene(width, height, centreX, centreY, faceHeight, turn, light, closed, seed, blur);
        }
    }

    /**
     * Roughly where a frontal face detector boxes the face of {@code s} (brows to chin, square): for tests
     * that have no detector at hand.
     */
    public static org.onewindow.core.face.FaceBox approximateFaceBox(Scene s) {
        return box(s.centreX() * s.width(), s.centreY() * s.height(), s.faceHeight() * s.height());
    }

    /** Roughly where a frontal face detector boxes the face of an {@link #idPhoto}. */
    public static org.onewindow.core.face.FaceBox approximateIdPhotoFaceBox() {
        return box(ID_CX, ID_CY, ID_FACE);
    }

    private static org.onewindow.core.face.FaceBox box(double cx, double cy, double fh) {
        double side = fh * 0.8;
        return new org.onewindow.core.face.FaceBox((int) (cx - side / 2), (int) (cy - side / 2 + fh * 0.05), (int) side,
                (int) side);
    }

    private static final int ID_CX = 179;
    private static final int ID_CY = 215;
    private static final int ID_FACE = 260;

    /** An ID-card style portrait (358 x 441, light background, head and shoulders). */
    public static BufferedImage idPhoto(Traits who) {
        BufferedImage img = new BufferedImage(358, 441, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img);
        g.setColor(new Color(236, 240, 245));
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        drawPerson(g, who, ID_CX, ID_CY, ID_FACE, 0, false);
        g.dispose();
        return soften(img, 1, new Random(7));
    }

    /** A camera frame with one person in it. */
    public static BufferedImage scene(Traits who, Scene s) {
        BufferedImage img = background(s);
        Graphics2D g = graphics(img);
        drawPerson(g, who, s.centreX() * s.width(), s.centreY() * s.height(), s.faceHeight() * s.height(), s.turn(),
                s.eyesClosed());
        g.dispose();
        return finish(img, s);
    }

    /** A camera frame with two people side by side (the gate must refuse it). */
    public static BufferedImage twoPeople(Traits left, Traits right, Scene s) {
        BufferedImage img = background(s);
        Graphics2D g = graphics(img);
        double fh = s.faceHeight() * s.height();
        drawPerson(g, left, s.width() * 0.28, s.centreY() * s.height(), fh, 0, false);
        drawPerson(g, right, s.width() * 0.72, s.centreY() * s.height(), fh, 0, false);
        g.dispose();
        return finish(img, s);
    }

    /** A camera frame with nobody in it. */
    public static BufferedImage empty(Scene s) {
        return finish(background(s), s);
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    private static BufferedImage background(Scene s) {
        BufferedImage img = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img);
        Random r = new Random(s.seed());
        // an office wall with a door frame and a shelf: texture the detector must ignore
        g.setPaint(new GradientPaint(0, 0, new Color(178, 182, 176), 0, s.height(), new Color(140, 146, 150)));
        g.fillRect(0, 0, s.width(), s.height());
        g.setColor(new Color(120, 110, 96));
        g.fillRect((int) (s.width() * 0.04), 0, (int) (s.width() * 0.05), s.height());
        g.setColor(new Color(160, 150, 132));
        g.fillRect((int) (s.width() * 0.8), (int) (s.height() * (0.15 + 0.1 * r.nextDouble())), (int) (s.width() * 0.2),
                Math.max(2, s.height() / 40));
        g.dispose();
        return img;
    }

    private static void drawPerson(Graphics2D g, Traits t, double cx, double cy, double faceH, double turn,
                                   boolean eyesClosed) {
        double faceW = faceH * (0.64 + 0.22 * t.faceWidth());
        Color skin = skinColour(t.skin());
        Color shade = skin.darker();
        Color hairColour = new Color(25 + (int) (30 * t.hair()), 20 + (int) (20 * t.hair()), 18);

        // shoulders and neck
        g.setColor(new Color(40 + (int) (60 * t.jaw()), 50, 80 + (int) (50 * t.hair())));
        g.fill(new Ellipse2D.Double(cx - faceW * 1.3, cy + faceH * 0.62, faceW * 2.6, faceH * 1.2));
        g.setColor(shade);
        g.fill(new Ellipse2D.Double(cx - faceW * 0.25, cy + faceH * 0.3, faceW * 0.5, faceH * 0.45));

        // hair behind the head
        g.setColor(hairColour);
        double hairExtra = 0.06 + 0.08 * t.hair();
        g.fill(new Ellipse2D.Double(cx - faceW * (0.55 + hairExtra), cy - faceH * (0.62 + hairExtra),
                faceW * (1.1 + 2 * hairExtra), faceH * (0.95 + hairExtra)));

        // head: lighter in the middle, shaded towards the edges
        Ellipse2D head = new Ellipse2D.Double(cx - faceW / 2, cy - faceH / 2, faceW, faceH * (0.98 + 0.04 * t.jaw()));
        g.setPaint(new RadialGradientPaint((float) (cx - turn * faceW * 0.15), (float) (cy - faceH * 0.05),
                (float) (faceH * 0.62), new float[] {0f, 0.7f, 1f}, new Color[] {skin.brighter(), skin, shade}));
        g.fill(head);

        // fringe over the forehead
        g.setColor(hairColour);
        Path2D fringe = new Path2D.Double();
        int style = (int) (t.hair() * 3);
        double left = style == 1 ? 0.12 : style == 2 ? 0.30 : 0.18;
        double right = style == 1 ? 0.32 : style == 2 ? 0.30 : 0.20;
        fringe.moveTo(cx - faceW * 0.52, cy - faceH * left);
        fringe.quadTo(cx + faceW * (style == 1 ? 0.2 : -0.1), cy - faceH * (style == 2 ? 0.42 : 0.34),
                cx + faceW * 0.52, cy - faceH * right);
        fringe.lineTo(cx + faceW * 0.5, cy - faceH * 0.5);
        fringe.lineTo(cx - faceW * 0.5, cy - faceH * 0.5);
        fringe.closePath();
        g.fill(fringe);

        double shift = turn * faceW * 0.22;
        double eyeY = cy - faceH * 0.06;
        double eyeDx = faceW * (0.16 + 0.10 * t.eyeSpacing());
        double eyeW = faceW * (0.12 + 0.08 * t.eyeSize());
        double eyeH = eyeW * 0.5;

        // brows: the darkest band across the upper face
        g.setColor(hairColour);
        g.setStroke(new BasicStroke((float) (faceH * (0.015 + 0.04 * t.browWeight())), BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND));
        double browLift = eyeH * (1.8 + 1.2 * t.noseLength());
        for (int side = -1; side <= 1; side += 2) {
            double bx = cx + shift + side * eyeDx;
            g.draw(new Arc2D.Double(bx - eyeW * 0.75, eyeY - browLift, eyeW * 1.5, browLift, 20, 140, Arc2D.OPEN));
        }
        // eye sockets, then eyes
        for (int side = -1; side <= 1; side += 2) {
            double ex = cx + shift + side * eyeDx;
            g.setColor(new Color(shade.getRed() * 3 / 4, shade.getGreen() * 3 / 4, shade.getBlue() * 3 / 4));
            g.fill(new Ellipse2D.Double(ex - eyeW * 0.7, eyeY - eyeH * 0.9, eyeW * 1.4, eyeH * 1.8));
            if (eyesClosed) {
                g.setColor(new Color(60, 40, 35));
                g.setStroke(new BasicStroke((float) (eyeH * 0.25)));
                g.draw(new Arc2D.Double(ex - eyeW / 2, eyeY - eyeH / 2, eyeW, eyeH, 200, 140, Arc2D.OPEN));
            } else {
                g.setColor(new Color(235, 232, 225));
                g.fill(new Ellipse2D.Double(ex - eyeW / 2, eyeY - eyeH / 2, eyeW, eyeH));
                g.setColor(new Color(45, 30, 22));
                double iris = eyeH * 0.95;
                g.fill(new Ellipse2D.Double(ex - iris / 2 + shift * 0.15, eyeY - iris / 2, iris, iris));
            }
        }
        // nose: light bridge, shadowed sides and nostrils
        double noseLen = faceH * (0.12 + 0.12 * t.noseLength());
        g.setColor(shade);
        g.setStroke(new BasicStroke((float) (faceH * 0.012)));
        double nx = cx + shift * 1.1;
        g.draw(new Arc2D.Double(nx - faceW * 0.08, eyeY + noseLen * 0.55, faceW * 0.16, noseLen * 0.5, 180, 180, Arc2D.OPEN));
        g.fill(new Ellipse2D.Double(nx - faceW * 0.07, eyeY + noseLen * 0.95, faceW * 0.045, faceH * 0.02));
        g.fill(new Ellipse2D.Double(nx + faceW * 0.025, eyeY + noseLen * 0.95, faceW * 0.045, faceH * 0.02));

        // mouth
        double mouthY = eyeY + noseLen + faceH * 0.12;
        double mouthW = faceW * (0.24 + 0.26 * t.mouthWidth());
        double lips = faceH * (0.03 + 0.04 * t.jaw());
        g.setColor(new Color(150, 60, 60));
        g.fill(new Ellipse2D.Double(nx - mouthW / 2, mouthY - lips / 2, mouthW, lips));
        g.setColor(new Color(90, 30, 30));
        g.setStroke(new BasicStroke((float) (faceH * 0.008)));
        g.draw(new Arc2D.Double(nx - mouthW / 2, mouthY - faceH * 0.03, mouthW, faceH * 0.05, 190, 160, Arc2D.OPEN));

        if (t.extras() < 0.25) {
            // a moustache
            g.setColor(hairColour);
            g.fill(new Ellipse2D.Double(nx - mouthW * 0.45, mouthY - lips / 2 - faceH * 0.045, mouthW * 0.9, faceH * 0.04));
        } else if (t.extras() > 0.7) {
            // thin-rimmed glasses: the eyes stay visible to the eye detector
            g.setColor(new Color(40, 40, 45));
            g.setStroke(new BasicStroke((float) (faceH * 0.007)));
            for (int side = -1; side <= 1; side += 2) {
                double ex = cx + shift + side * eyeDx;
                g.draw(new Ellipse2D.Double(ex - eyeW * 0.85, eyeY - eyeH * 1.1, eyeW * 1.7, eyeH * 2.2));
            }
            g.draw(new java.awt.geom.Line2D.Double(cx + shift - eyeDx + eyeW * 0.85, eyeY, cx + shift + eyeDx - eyeW * 0.85, eyeY));
        }
    }

    private static Color skinColour(double t) {
        return new Color(200 + (int) (35 * t), 160 + (int) (30 * t), 130 + (int) (25 * t));
    }

    private static BufferedImage finish(BufferedImage img, Scene s) {
        BufferedImage soft = soften(img, 1 + s.blur(), new Random(s.seed()));
        if (s.light() != 1) {
            int[] px = soft.getRGB(0, 0, soft.getWidth(), soft.getHeight(), null, 0, soft.getWidth());
            for (int i = 0; i < px.length; i++) {
                int r = clamp((int) (((px[i] >> 16) & 0xFF) * s.light()));
                int gg = clamp((int) (((px[i] >> 8) & 0xFF) * s.light()));
                int b = clamp((int) ((px[i] & 0xFF) * s.light()));
                px[i] = r << 16 | gg << 8 | b;
            }
            soft.setRGB(0, 0, soft.getWidth(), soft.getHeight(), px, 0, soft.getWidth());
        }
        return soft;
    }

    /** A light blur and sensor noise, so edges look photographed rather than drawn. */
    private static BufferedImage soften(BufferedImage img, int radius, Random r) {
        float[] k = new float[(2 * radius + 1) * (2 * radius + 1)];
        java.util.Arrays.fill(k, 1f / k.length);
        BufferedImage out = new ConvolveOp(new Kernel(2 * radius + 1, 2 * radius + 1, k), ConvolveOp.EDGE_NO_OP, null)
                .filter(img, new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB));
        int[] px = out.getRGB(0, 0, out.getWidth(), out.getHeight(), null, 0, out.getWidth());
        for (int i = 0; i < px.length; i++) {
            int n = (int) (r.nextGaussian() * 3);
            px[i] = clamp(((px[i] >> 16) & 0xFF) + n) << 16 | clamp(((px[i] >> 8) & 0xFF) + n) << 8 | clamp((px[i] & 0xFF) + n);
        }
        out.setRGB(0, 0, out.getWidth(), out.getHeight(), px, 0, out.getWidth());
        return out;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
