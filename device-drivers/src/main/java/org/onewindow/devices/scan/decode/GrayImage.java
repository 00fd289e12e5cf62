package org.onewindow.devices.scan.decode;

import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * An 8-bit grey image (row-major, one byte per pixel) with the few cheap filters the pipeline needs.
 * Every operation returns a new image; instances are never modified after construction.
 */
public final class GrayImage {

    private final int width;
    private final int height;
    private final byte[] pixels;

    public GrayImage(int width, int height, byte[] pixels) {
        if (width <= 0 || height <= 0 || pixels.length != width * height) {
            throw new IllegalArgumentException("image size does not match pixel count");
        }
        this.width = width;
        this.height = height;
        this.pixels = Objects.requireNonNull(pixels);
    }

    public static GrayImage of(LuminanceSource source) {
        return new GrayImage(source.getWidth(), source.getHeight(), source.getMatrix());
    }

    /** Luma (ITU-R BT.601 integer weights) of packed ARGB pixels; transparent pixels count as white. */
    public static GrayImage ofArgb(int width, int height, int[] argb) {
        byte[] grey = new byte[width * height];
        for (int i = 0; i < grey.length; i++) {
            int p = argb[i];
            if ((p >>> 24) == 0) {
                grey[i] = (byte) 0xFF;
            } else {
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                grey[i] = (byte) ((306 * r + 601 * g + 117 * b + 512) >> 10);
            }
        }
        return new GrayImage(width, height, grey);
    }

    public static GrayImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        return ofArgb(w, h, image.getRGB(0, 0, w, h, null, 0, w));
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The pixel array itself, for tight loops in this package; never modify it. */
    byte[] pixelsUnsafe() {
        return pixels;
    }

    public int at(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }

    public LuminanceSource toLuminanceSource() {
        return new PlanarYUVLuminanceSource(pixels, width, height, 0, 0, width, height, false);
    }

    public GrayImage crop(int x, int y, int w, int h) {
        int x0 = clamp(x, 0, width - 1);
        int y0 = clamp(y, 0, height - 1);
        int cw = clamp(w, 1, width - x0);
        int ch = clamp(h, 1, height - y0);
        byte[] out = new byte[cw * ch];
        for (int row = 0; row < ch; row++) {
            System.arraycopy(pixels, (y0 + row) * width + x0, out, row * cw, cw);
        }
        return new GrayImage(cw, ch, out);
    }

    /** Mean of each {@code factor x factor} block: removes screen-door patterns and sensor noise. */
    public GrayImage downscale(int factor) {
        if (factor <= 1) {
            return this;
        }
        int w = Math.max(1, width / factor);
        int h = Math.max(1, height / factor);
        byte[] out = new byte[w * h];
        int area = factor * factor;
        int[] rowSums = new int[w];
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(rowSums, 0);
            for (int dy = 0; dy < factor; dy++) {
                int base = (y * factor + dy) * width;
                for (int x = 0; x < w; x++) {
                    int s = 0;
                    int p = base + x * factor;
                    for (int dx = 0; dx < factor; dx++) {
                        s += pixels[p + dx] & 0xFF;
                    }
                    rowSums[x] += s;
                }
            }
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (byte) (rowSums[x] / area);
            }
        }
        return new GrayImage(w, h, out);
    }

    /** Bilinear upscaling: gives the binarizer and the sampling grid more pixels per module on tiny codes. */
    public GrayImage upscale(int factor) {
        if (factor <= 1) {
            return this;
        }
        int w = width * factor;
        int h = height * factor;
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            float sy = (y + 0.5f) / factor - 0.5f;
            int y0 = clamp((int) Math.floor(sy), 0, height - 1);
            int y1 = Math.min(y0 + 1, height - 1);
            float fy = clamp01(sy - y0);
            for (int x = 0; x < w; x++) {
                float sx = (x + 0.5f) / factor - 0.5f;
                int x0 = clamp((int) Math.floor(sx), 0, width - 1);
                int x1 = Math.min(x0 + 1, width - 1);
                float fx = clamp01(sx - x0);
                float top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx;
                float bottom = at(x0, y1) * (1 - fx) + at(x1, y1) * fx;
                out[y * w + x] = (byte) Math.round(top * (1 - fy) + bottom * fy);
            }
        }
        return new GrayImage(w, h, out);
    }

    /** 3x3 mean: smooths moiré and noise while keeping modules of 3 px and more. */
    public GrayImage boxBlur3() {
        byte[] out = new byte[pixels.length];
        for (int y = 0; y < height; y++) {
            int ym = Math.max(0, y - 1);
            int yp = Math.min(height - 1, y + 1);
            for (int x = 0; x < width; x++) {
                int xm = Math.max(0, x - 1);
                int xp = Math.min(width - 1, x + 1);
                int s = at(xm, ym) + at(x, ym) + at(xp, ym) + at(xm, y) + at(x, y) + at(xp, y) + at(xm, yp) + at(x, yp)
                        + at(xp, yp);
                out[y * width + x] = (byte) ((s * 57) >> 9); // s / 9 without a division
            }
        }
        return new GrayImage(width, height, out);
    }

    /**
     * Stretches the 1st..99th percentile to the full range, then sharpens (unsharp mask, amount 1): lifts
     * low-contrast and mildly blurred codes above the binarizer's minimum contrast.
     */
    public GrayImage stretchAndSharpen() {
        int[] lut = stretchTable();
        GrayImage blurred = boxBlur3();
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            int v = lut[pixels[i] & 0xFF];
            int b = lut[blurred.pixels[i] & 0xFF];
            out[i] = (byte) clamp(2 * v - b, 0, 255);
        }
        return new GrayImage(width, height, out);
    }

    /**
     * Smoothed (3x3) and then stretched 1st..99th percentile to full range: a code of 15 grey levels under
     * sensor noise becomes one the binarizer accepts (it ignores blocks of less than 24 levels of contrast).
     */
    public GrayImage smoothAndStretch() {
        GrayImage smooth = boxBlur3();
        int[] lut = smooth.stretchTable();
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = (byte) lut[smooth.pixels[i] & 0xFF];
        }
        return new GrayImage(width, height, out);
    }

    private int[] stretchTable() {
        int[] histogram = new int[256];
        for (byte p : pixels) {
            histogram[p & 0xFF]++;
        }
        int low = percentile(histogram, pixels.length / 100);
        int high = percentile(histogram, pixels.length - 1 - pixels.length / 100);
        int range = Math.max(1, high - low);
        int[] lut = new int[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = clamp((v - low) * 255 / range, 0, 255);
        }
        return lut;
    }

    /** A turned copy and the map from its pixels back to this image's. */
    public record Rotated(GrayImage image, ViewTransform toOriginal) {
    }

    /**
     * The dominant edge direction modulo 90 degrees, in radians within (-45, 45]: the square grid of a 2D code
     * dominates its region. Gradients are summed as 4th powers of (gx + i gy) so that edges 90 degrees apart
     * agree; the weight is the squared gradient magnitude.
     */
    public double dominantAngle() {
        double re = 0;
        double im = 0;
        for (int y = 1; y < height - 1; y += 2) {
            for (int x = 1; x < width - 1; x += 2) {
                double gx = at(x + 1, y) - at(x - 1, y);
                double gy = at(x, y + 1) - at(x, y - 1);
                double r2 = gx * gx + gy * gy;
                if (r2 < 64) {
                    continue;
                }
                double re2 = gx * gx - gy * gy;
                double im2 = 2 * gx * gy;
                re += (re2 * re2 - im2 * im2) / r2;
                im += 2 * re2 * im2 / r2;
            }
        }
        return Math.atan2(im, re) / 4;
    }

    /** Turned by {@code angle} radians about the centre (bilinear), canvas grown to fit, new area white. */
    public Rotated rotate(double angle) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        int w = (int) Math.ceil(Math.abs(width * cos) + Math.abs(height * sin));
        int h = (int) Math.ceil(Math.abs(width * sin) + Math.abs(height * cos));
        double cx = width / 2.0;
        double cy = height / 2.0;
        double ncx = w / 2.0;
        double ncy = h / 2.0;
        // view (vx, vy) -> source: rotate back by -angle about the centres
        ViewTransform back = new ViewTransform(cos, sin, cx - cos * ncx - sin * ncy, -sin, cos, cy + sin * ncx - cos * ncy);
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sx = back.a() * x + back.b() * y + back.c() - 0.5 + 0.5 * (back.a() + back.b());
                double sy = back.d() * x + back.e() * y + back.f() - 0.5 + 0.5 * (back.d() + back.e());
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                if (x0 < 0 || y0 < 0 || x0 >= width - 1 || y0 >= height - 1) {
                    out[y * w + x] = (byte) 0xFF;
                    continue;
                }
                double fx = sx - x0;
                double fy = sy - y0;
                double top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
                double bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
                out[y * w + x] = (byte) (int) Math.round(top * (1 - fy) + bottom * fy);
            }
        }
        return new Rotated(new GrayImage(w, h, out), back);
    }

    /**
     * Each pixel divided by the mean of its neighbourhood (a box of about a tenth of the image), rescaled to
     * mid-grey: evens out glare, shadows and gradients so one threshold fits the whole code.
     */
    public GrayImage flattenIllumination() {
        int r = Math.max(8, Math.min(width, height) / 10);
        long[] integral = new long[(width + 1) * (height + 1)];
        for (int y = 0; y < height; y++) {
            long rowSum = 0;
            for (int x = 0; x < width; x++) {
                rowSum += pixels[y * width + x] & 0xFF;
                integral[(y + 1) * (width + 1) + x + 1] = integral[y * (width + 1) + x + 1] + rowSum;
            }
        }
        byte[] out = new byte[pixels.length];
        for (int y = 0; y < height; y++) {
            int y0 = Math.max(0, y - r);
            int y1 = Math.min(height, y + r + 1);
            for (int x = 0; x < width; x++) {
                int x0 = Math.max(0, x - r);
                int x1 = Math.min(width, x + r + 1);
                long sum = integral[y1 * (width + 1) + x1] - integral[y0 * (width + 1) + x1]
                        - integral[y1 * (width + 1) + x0] + integral[y0 * (width + 1) + x0];
                double mean = Math.max(1.0, sum / (double) ((x1 - x0) * (y1 - y0)));
                out[y * width + x] = (byte) clamp((int) Math.round(128.0 * (pixels[y * width + x] & 0xFF) / mean), 0, 255);
            }
        }
        return new GrayImage(width, height, out);
    }

    private static int percentile(int[] histogram, int rank) {
        int seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += histogram[v];
            if (seen > rank) {
                return v;
            }
        }
        return 255;
    }

    static int clamp(int v, int min, int max) {
        return v < min ? min : Math.min(v, max);
    }

    private static float clamp01(float v) {
        return v < 0 ? 0 : Math.min(v, 1);
    }
}
