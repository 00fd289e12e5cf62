package org.onewindow.devices.camera;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.onewindow.core.device.Frame;

/** Conversions between AWT images and core {@link Frame}s; no copies kept anywhere. */
public final class Frames {
    private Frames() {
    }

    public static Frame toFrame(BufferedImage image, long sequence, Instant at) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = new int[w * h];
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            for (int i = 0, j = 0; i < argb.length; i++, j += 3) {
                argb[i] = 0xFF000000 | (bgr[j + 2] & 0xFF) << 16 | (bgr[j + 1] & 0xFF) << 8 | (bgr[j] & 0xFF);
            }
        } else if ((image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB)
                && image.getRaster().getDataBuffer().getSize() == argb.length) {
            // a whole image (not a sub-image view): its raster is exactly the pixels, row by row
            int[] src = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < argb.length; i++) {
                argb[i] = 0xFF000000 | src[i];
            }
        } else {
            image.getRGB(0, 0, w, h, argb, 0, w);
        }
        return new Frame(w, h, argb, at, sequence);
    }

    public static BufferedImage toImage(Frame frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(frame.argb(), 0, dst, 0, dst.length);
        return image;
    }

    /** Scales to exactly {@code w x h} (bilinear); returns the image itself when it already fits. */
    public static BufferedImage scaled(BufferedImage image, int w, int h) {
        if (image.getWidth() == w && image.getHeight() == h) {
            return image;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** JPEG bytes of a frame (for evidence and the compare request); in memory only. */
    public static byte[] jpeg(Frame frame) {
        return encode(toImage(frame), "jpg");
    }

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
