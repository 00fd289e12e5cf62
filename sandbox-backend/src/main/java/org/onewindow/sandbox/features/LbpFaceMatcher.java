package org.onewindow.sandbox.features;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * The sandbox's face-compare engine: local binary pattern histograms (Ahonen, Hadid and Pietikäinen,
 * "Face Description with Local Binary Patterns", TPAMI 2006) compared by chi-square distance.
 *
 * <ol>
 *   <li>align: crop the face box (the client's detector hint, else the middle of a portrait), resample to
 *       {@value #SIZE}x{@value #SIZE} grey, equalise the histogram (lighting);</li>
 *   <li>describe: uniform LBP(8,1) codes (59 labels, a neighbour counts when {@value #NOISE} grey levels
 *       brighter) histogrammed over a {@value #CELLS}x{@value #CELLS} grid;</li>
 *   <li>compare: chi-square distance over all cells, mapped to a similarity in [0, 1].</li>
 * </ol>
 *
 * A real, documented algorithm so the demo and the tests exercise the whole path, but NOT a certified
 * biometric engine: no landmark alignment, no pose or age robustness, no presentation-attack detection,
 * error rates unmeasured on real faces. A provincial back-end answers with its own engine.
 */
public final class LbpFaceMatcher {
    public static final String ENGINE = "sandbox-lbp-chi2/1";
    static final int SIZE = 64;
    static final int CELLS = 4;
    /** Distance scale of the similarity mapping: a chi-square distance of about 3.4 maps to the default threshold 0.6. */
    static final double SCALE = 6.75;
    /** A neighbour must be this much brighter to set its bit: flat skin then gives stable codes instead of noise. */
    static final int NOISE = 6;
    /** The box is shrunk by this fraction on each side: its corners show background and hair, not the face. */
    static final double INSET = 0.1;
    private static final int[] UNIFORM = uniformLabels();

    /** A face region in pixels; null fields mean "not given". */
    public record Box(int x, int y, int width, int height) {
    }

    private LbpFaceMatcher() {
    }

    public static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        if (image == null) {
            throw new IOException("not a JPEG or PNG image");
        }
        return image;
    }

    /** Similarity in [0, 1] of the two faces. */
    public static double similarity(BufferedImage a, Box boxA, BufferedImage b, Box boxB) {
        double[][] ha = describe(align(a, boxA));
        double[][] hb = describe(align(b, boxB));
        double distance = 0;
        for (int c = 0; c < ha.length; c++) {
            for (int i = 0; i < ha[c].length; i++) {
                double s = ha[c][i] + hb[c][i];
                if (s > 0) {
                    double d = ha[c][i] - hb[c][i];
                    distance += d * d / s;
                }
            }
        }
        return Math.exp(-distance / SCALE);
    }

    /** The face cropped (portrait middle when no box), resampled by area averaging and equalised. */
    static int[] align(BufferedImage image, Box box) {
        int w = image.getWidth();
        int h = image.getHeight();
        Box given = box != null ? box : new Box(w / 5, h / 4, w * 3 / 5, w * 3 / 5);
        Box region = new Box(given.x() + (int) (given.width() * INSET), given.y() + (int) (given.height() * INSET),
                (int) (given.width() * (1 - 2 * INSET)), (int) (given.height() * (1 - 2 * INSET)));
        if (region.x() < 0 || region.y() < 0 || region.width() < 8 || region.height() < 8
                || region.x() + region.width() > w || region.y() + region.height() > h) {
            throw new IllegalArgumentException("face region lies outside the image");
        }
        int[] px = image.getRGB(0, 0, w, h, null, 0, w);
        int[] out = new int[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            int ya = region.y() + y * region.height() / SIZE;
            int yb = Math.max(ya + 1, region.y() + (y + 1) * region.height() / SIZE);
            for (int x = 0; x < SIZE; x++) {
                int xa = region.x() + x * region.width() / SIZE;
                int xb = Math.max(xa + 1, region.x() + (x + 1) * region.width() / SIZE);
                long sum = 0;
                int n = 0;
                for (int yy = ya; yy < yb; yy++) {
                    for (int xx = xa; xx < xb; xx++) {
                        int p = px[yy * w + xx];
                        sum += (((p >> 16) & 0xFF) * 77 + ((p >> 8) & 0xFF) * 150 + (p & 0xFF) * 29) >> 8;
                        n++;
                    }
                }
                out[y * SIZE + x] = (int) (sum / n);
            }
        }
        return equalise(out);
    }

    static int[] equalise(int[] grey) {
        int[] hist = new int[256];
        for (int v : grey) {
            hist[v]++;
        }
        int[] cdf = new int[256];
        int run = 0;
        for (int i = 0; i < 256; i++) {
            run += hist[i];
            cdf[i] = run;
        }
        int min = 0;
        for (int c : cdf) {
            if (c > 0) {
                min = c;
                break;
            }
        }
        int[] out = new int[grey.length];
        double span = Math.max(1, grey.length - min);
        for (int i = 0; i < grey.length; i++) {
            out[i] = (int) Math.round((cdf[grey[i]] - min) * 255 / span);
        }
        return out;
    }

    /** Normalised uniform-LBP histograms, one per grid cell. */
    static double[][] describe(int[] g) {
        int cell = SIZE / CELLS;
        double[][] hist = new double[CELLS * CELLS][59];
        int[] dx = {-1, 0, 1, 1, 1, 0, -1, -1};
        int[] dy = {-1, -1, -1, 0, 1, 1, 1, 0};
        for (int y = 1; y < SIZE - 1; y++) {
            for (int x = 1; x < SIZE - 1; x++) {
                int c = g[y * SIZE + x];
                int code = 0;
                for (int k = 0; k < 8; k++) {
                    if (g[(y + dy[k]) * SIZE + x + dx[k]] >= c + NOISE) {
                        code |= 1 << k;
                    }
                }
                int cy = Math.min(CELLS - 1, y / cell);
                int cx = Math.min(CELLS - 1, x / cell);
                hist[cy * CELLS + cx][UNIFORM[code]]++;
            }
        }
        for (double[] h : hist) {
            double total = 0;
            for (double v : h) {
                total += v;
            }
            for (int i = 0; i < h.length; i++) {
                h[i] /= total;
            }
        }
        return hist;
    }

    /** The 58 uniform patterns (at most two 0/1 transitions around the circle) get labels 0..57; the rest share 58. */
    private static int[] uniformLabels() {
        int[] labels = new int[256];
        int next = 0;
        for (int code = 0; code < 256; code++) {
            int transitions = 0;
            for (int k = 0; k < 8; k++) {
                if (((code >> k) & 1) != ((code >> ((k + 1) % 8)) & 1)) {
                    transitions++;
                }
            }
            labels[code] = transitions <= 2 ? next++ : 58;
        }
        return labels;
    }
}
