package org.onewindow.devices.scan.decode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A grey scene (float pixels 0..255) onto which codes are rendered through a homography, then distorted the
 * way cameras and phone screens do it. Deterministic for a given {@link Random}.
 */
final class CodeScene {

    final int width;
    final int height;
    final float[] pixels;

    CodeScene(int width, int height) {
        this.width = width;
        this.height = height;
        this.pixels = new float[width * height];
    }

    /** A desk: a gradient, some paper and card shapes, printed text lines. */
    static CodeScene desk(int width, int height, Random rnd, boolean withText) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int a = 90 + rnd.nextInt(80);
        int b = 90 + rnd.nextInt(80);
        g.setPaint(new GradientPaint(0, 0, new Color(a, a, a), width, height, new Color(b, b, b)));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 3 + rnd.nextInt(4); i++) {
            int v = 60 + rnd.nextInt(190);
            g.setColor(new Color(v, v, v));
            g.fillRoundRect(rnd.nextInt(width), rnd.nextInt(height), width / 8 + rnd.nextInt(width / 3),
                    height / 8 + rnd.nextInt(height / 3), 20, 20);
        }
        if (withText) {
            int size = Math.max(10, height / 40);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
            for (int i = 0; i < 6 + rnd.nextInt(10); i++) {
                int v = rnd.nextInt(90);
                g.setColor(new Color(v, v, v));
                g.drawString(randomWords(rnd), rnd.nextInt(width), rnd.nextInt(height));
            }
        }
        g.dispose();
        CodeScene scene = new CodeScene(width, height);
        byte[] raster = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < raster.length; i++) {
            scene.pixels[i] = raster[i] & 0xFF;
        }
        return scene;
    }

    private static String randomWords(Random rnd) {
        String[] words = {"Application", "Form", "No.", "2025-11-03", "Service", "Hall", "Window", "12",
                "Licence", "Receipt", "Total", "Signature", "Address", "ABC-1234", "Date:", "Stamp"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3 + rnd.nextInt(6); i++) {
            sb.append(words[rnd.nextInt(words.length)]).append(' ');
        }
        return sb.toString();
    }

    static BitMatrix encode(BarcodeFormat format, String text, ErrorCorrectionLevel ecc) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.MARGIN, 0);
        if (format == BarcodeFormat.QR_CODE) {
            hints.put(EncodeHintType.ERROR_CORRECTION, ecc == null ? ErrorCorrectionLevel.M : ecc);
        }
        if (format != BarcodeFormat.DATA_MATRIX && !text.chars().allMatch(c -> c < 0x80)) {
            hints.put(EncodeHintType.CHARACTER_SET, "UTF-8"); // adds a UTF-8 ECI
        }
        try {
            return new MultiFormatWriter().encode(text, format, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + format, e);
        }
    }

    /** How one code looks on the scene. */
    static final class Look {
        float dark = 25;
        float light = 235;
        int quietZone = 4;
        /** screen-door: a phone pixel every {@code screenPitch} modules, dark gaps of {@code gap} of it (0 = print). */
        float screenPitch;
        float gap = 0.25f;
        /** dark marks drawn into the quiet zone, up to half a module from the symbol. */
        int quietZoneMarks;
        long seed;
    }

    /**
     * Renders {@code bits} so the corners of the symbol plus its quiet zone land on {@code quad}
     * (x0,y0,x1,y1,x2,y2,x3,y3: top-left, top-right, bottom-right, bottom-left), with 2x2 supersampling.
     */
    void draw(BitMatrix bits, float[] quad, Look look) {
        int q = look.quietZone;
        float planeW = bits.getWidth() + 2f * q;
        float planeH = bits.getHeight() + 2f * q;
        double[] toPlane = Homography.squareToQuad(quad).inverse().scaled(planeW, planeH);
        Random marks = new Random(look.seed);
        float[][] markBoxes = new float[look.quietZoneMarks][];
        for (int i = 0; i < look.quietZoneMarks; i++) {
            // a bar in the quiet zone along one side (text, a card edge, a stamp), a little off the symbol
            int side = marks.nextInt(4);
            float along = marks.nextFloat() * (side % 2 == 0 ? planeW : planeH);
            float len = 2 + marks.nextFloat() * 6;
            float gap = 0.5f + 0.5f * marks.nextFloat();
            float depth = (q - gap) * (0.5f + 0.5f * marks.nextFloat());
            float in = q - gap;
            markBoxes[i] = switch (side) {
                case 0 -> new float[] {along, in - depth, along + len, in};
                case 1 -> new float[] {planeW - in, along, planeW - in + depth, along + len};
                case 2 -> new float[] {along, planeH - in, along + len, planeH - in + depth};
                default -> new float[] {in - depth, along, in, along + len};
            };
        }
        int minX = (int) Math.max(0, Math.floor(min(quad[0], quad[2], quad[4], quad[6])));
        int maxX = (int) Math.min(width - 1, Math.ceil(max(quad[0], quad[2], quad[4], quad[6])));
        int minY = (int) Math.max(0, Math.floor(min(quad[1], quad[3], quad[5], quad[7])));
        int maxY = (int) Math.min(height - 1, Math.ceil(max(quad[1], quad[3], quad[5], quad[7])));
        final int ss = 2;
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                float sum = 0;
                int inside = 0;
                for (int sy = 0; sy < ss; sy++) {
                    for (int sx = 0; sx < ss; sx++) {
                        double px = x + (sx + 0.5) / ss;
                        double py = y + (sy + 0.5) / ss;
                        double w = toPlane[6] * px + toPlane[7] * py + toPlane[8];
                        double u = (toPlane[0] * px + toPlane[1] * py + toPlane[2]) / w;
                        double v = (toPlane[3] * px + toPlane[4] * py + toPlane[5]) / w;
                        if (u < 0 || v < 0 || u >= planeW || v >= planeH) {
                            continue;
                        }
                        inside++;
                        sum += planeValue(bits, look, markBoxes, (float) u, (float) v);
                    }
                }
                if (inside > 0) {
                    int i = y * width + x;
                    pixels[i] = (sum + pixels[i] * (ss * ss - inside)) / (ss * ss);
                }
            }
        }
    }

    private static float planeValue(BitMatrix bits, Look look, float[][] marks, float u, float v) {
        int q = look.quietZone;
        int mx = (int) Math.floor(u - q);
        int my = (int) Math.floor(v - q);
        boolean dark = mx >= 0 && my >= 0 && mx < bits.getWidth() && my < bits.getHeight() && bits.get(mx, my);
        for (float[] m : marks) {
            if (u >= m[0] && u < m[2] && v >= m[1] && v < m[3]) {
                dark = true;
            }
        }
        float value = dark ? look.dark : look.light;
        if (look.screenPitch > 0) {
            float fu = (u / look.screenPitch) % 1f;
            float fv = (v / look.screenPitch) % 1f;
            if (fu > 1 - look.gap || fv > 1 - look.gap) {
                value = Math.min(value, look.dark) * 0.5f + value * 0.15f;
            }
        }
        return value;
    }

    /** Quad of a square of side {@code side} centred at (cx, cy), turned by {@code angle} and tilted in 3D. */
    static float[] tiltedSquare(float cx, float cy, float side, double angle, double tiltX, double tiltY) {
        double[][] corners = {{-0.5, -0.5}, {0.5, -0.5}, {0.5, 0.5}, {-0.5, 0.5}};
        float[] quad = new float[8];
        double focal = 2.2;
        for (int i = 0; i < 4; i++) {
            double x = corners[i][0];
            double y = corners[i][1];
            double xr = x * Math.cos(angle) - y * Math.sin(angle);
            double yr = x * Math.sin(angle) + y * Math.cos(angle);
            // tilt about the x axis then the y axis
            double y2 = yr * Math.cos(tiltX);
            double z = yr * Math.sin(tiltX);
            double x2 = xr * Math.cos(tiltY) + z * Math.sin(tiltY);
            double z2 = -xr * Math.sin(tiltY) + z * Math.cos(tiltY);
            double p = focal / (focal + z2);
            quad[2 * i] = (float) (cx + side * x2 * p);
            quad[2 * i + 1] = (float) (cy + side * y2 * p);
        }
        return quad;
    }

    void glare(float cx, float cy, float radius, float strength) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float d2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (radius * radius);
                if (d2 < 9) {
                    pixels[y * width + x] += strength * (float) Math.exp(-d2);
                }
            }
        }
    }

    /** Squeezes contrast around {@code mid}: low-contrast print, a dim screen. */
    void contrast(float factor, float mid) {
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = mid + (pixels[i] - mid) * factor;
        }
    }

    void illuminationGradient(float from, float to) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float t = (x + y) / (float) (width + height);
                pixels[y * width + x] *= from + (to - from) * t;
            }
        }
    }

    void gaussianBlur(float sigma) {
        if (sigma <= 0.05f) {
            return;
        }
        int r = (int) Math.ceil(sigma * 3);
        float[] kernel = new float[2 * r + 1];
        float sum = 0;
        for (int i = -r; i <= r; i++) {
            kernel[i + r] = (float) Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += kernel[i + r];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        float[] tmp = new float[pixels.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float s = 0;
                for (int k = -r; k <= r; k++) {
                    int xx = Math.min(width - 1, Math.max(0, x + k));
                    s += kernel[k + r] * pixels[y * width + xx];
                }
                tmp[y * width + x] = s;
            }
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float s = 0;
                for (int k = -r; k <= r; k++) {
                    int yy = Math.min(height - 1, Math.max(0, y + k));
                    s += kernel[k + r] * tmp[yy * width + x];
                }
                pixels[y * width + x] = s;
            }
        }
    }

    void noise(Random rnd, float sigma) {
        java.util.SplittableRandom fast = new java.util.SplittableRandom(rnd.nextLong()); // unsynchronised
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] += (float) fast.nextGaussian() * sigma;
        }
    }

    void gamma(float gamma) {
        for (int i = 0; i < pixels.length; i++) {
            float v = Math.max(0, Math.min(255, pixels[i])) / 255f;
            pixels[i] = 255f * (float) Math.pow(v, gamma);
        }
    }

    void invert() {
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = 255 - pixels[i];
        }
    }

    BufferedImage toImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            int v = Math.round(Math.max(0, Math.min(255, pixels[i])));
            rgb[i] = (v << 16) | (v << 8) | v;
        }
        img.setRGB(0, 0, width, height, rgb, 0, width);
        return img;
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
            writer.dispose();
            stream.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage readImage(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float min(float... v) {
        float m = Float.MAX_VALUE;
        for (float f : v) {
            m = Math.min(m, f);
        }
        return m;
    }

    private static float max(float... v) {
        float m = -Float.MAX_VALUE;
        for (float f : v) {
            m = Math.max(m, f);
        }
        return m;
    }
}
