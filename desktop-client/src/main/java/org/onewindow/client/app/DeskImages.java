package org.onewindow.client.app;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;

/** What the demo's desk camera sees: an empty desk, or a phone screen showing a QR code. */
final class DeskImages {
    static final int WIDTH = 640;
    static final int HEIGHT = 480;

    private DeskImages() {
    }

    static BufferedImage empty() {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x8a7f72)); // a wooden counter
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.dispose();
        return img;
    }

    static BufferedImage holdingUp(String payload) throws WriterException {
        BitMatrix matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 300, 300,
                Map.of(EncodeHintType.MARGIN, 2));
        BufferedImage qr = MatrixToImageWriter.toBufferedImage(matrix);
        BufferedImage img = empty();
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x202020)); // the phone
        g.fillRoundRect(WIDTH / 2 - 180, HEIGHT / 2 - 220, 360, 440, 30, 30);
        g.drawImage(qr, WIDTH / 2 - qr.getWidth() / 2, HEIGHT / 2 - qr.getHeight() / 2, null);
        g.dispose();
        return img;
    }
}
