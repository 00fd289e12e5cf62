package org.onewindow.devices.scan.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.onewindow.core.device.Symbology;
import org.onewindow.devices.scan.ScanText;

/** Every symbology and payload kind the hall meets, read by the pipeline from clean renders. */
class SymbologyAndBadInputTest {

    private final PipelineDecoder decoder = new PipelineDecoder();

    private static BufferedImage render(BarcodeFormat format, String contents, Map<EncodeHintType, Object> extra, int pxPerModule)
            throws Exception {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.MARGIN, format == BarcodeFormat.QR_CODE ? 4 : 2);
        hints.putAll(extra);
        BitMatrix minimal = new MultiFormatWriter().encode(contents, format, 0, 0, hints);
        BitMatrix bits = new MultiFormatWriter().encode(contents, format, minimal.getWidth() * pxPerModule,
                minimal.getHeight() * pxPerModule, hints);
        BufferedImage symbol = MatrixToImageWriter.toBufferedImage(bits);
        // Data Matrix and Aztec writers draw no quiet zone; printed codes have one
        int pad = 4 * pxPerModule;
        BufferedImage page = new BufferedImage(symbol.getWidth() + 2 * pad, symbol.getHeight() + 2 * pad,
                BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = page.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.drawImage(symbol, pad, pad, null);
        g.dispose();
        return page;
    }

    private List<DecodedCode> decode(BufferedImage image) {
        return decoder.decode(GrayImage.of(image).toLuminanceSource());
    }

    @ParameterizedTest
    @EnumSource(value = ErrorCorrectionLevel.class)
    void qrEveryVersionAtThisErrorCorrectionLevel(ErrorCorrectionLevel level) throws Exception {
        for (int version = 1; version <= 40; version++) {
            String text = "V" + version + "-" + level;
            BufferedImage image = render(BarcodeFormat.QR_CODE, text,
                    Map.of(EncodeHintType.QR_VERSION, version, EncodeHintType.ERROR_CORRECTION, level), version > 20 ? 2 : 3);
            List<DecodedCode> codes = decode(image);
            assertThat(codes).as("version %d level %s", version, level).singleElement()
                    .satisfies(c -> {
                        assertThat(c.text()).isEqualTo(text);
                        assertThat(c.symbology()).isEqualTo(Symbology.QR_CODE);
                    });
        }
    }

    @Test
    void qrWithUtf8Eci() throws Exception {
        String text = "电子营业执照 · 统一社会信用代码 91110000MA01ABCD2X €";
        DecodedCode code = decode(render(BarcodeFormat.QR_CODE, text, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"), 4)).get(0);
        assertThat(code.text()).isEqualTo(text);
        assertThat(code.bytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void qrWithGb18030Eci() throws Exception {
        String text = "居民身份证 𠀀 电子证照";
        DecodedCode code = decode(render(BarcodeFormat.QR_CODE, text, Map.of(EncodeHintType.CHARACTER_SET, "GB18030"), 4)).get(0);
        assertThat(code.text()).isEqualTo(text);
        assertThat(code.bytes()).isEqualTo(text.getBytes(ScanText.GB18030));
    }

    @Test
    void qrWithGbBytesAndNoEciIsReadAsGb18030() throws Exception {
        // common in China: GB2312 bytes in byte mode without an ECI, which ZXing would guess as Shift_JIS
        byte[] gb = "营业执照编号".getBytes(ScanText.GB18030);
        DecodedCode code = decode(render(BarcodeFormat.QR_CODE, new String(gb, StandardCharsets.ISO_8859_1), Map.of(), 4)).get(0);
        assertThat(code.bytes()).isEqualTo(gb);
        assertThat(code.text()).isEqualTo("营业执照编号");
    }

    @Test
    void dataMatrixAsOnVisibleDigitalSeals() throws Exception {
        String text = "DC03CHNAAAAA1A2B3C4D5E6F7G8H9<<<ZHANG<<SAN";
        DecodedCode code = decode(render(BarcodeFormat.DATA_MATRIX, text, Map.of(), 5)).get(0);
        assertThat(code.symbology()).isEqualTo(Symbology.DATA_MATRIX);
        assertThat(code.text()).isEqualTo(text);
    }

    @Test
    void pdf417AsOnDrivingLicences() throws Exception {
        String text = "DL|110101199001011234|C1|2020-05-01|2026-05-01|BEIJING";
        DecodedCode code = decode(render(BarcodeFormat.PDF_417, text, Map.of(), 3)).get(0);
        assertThat(code.symbology()).isEqualTo(Symbology.PDF_417);
        assertThat(code.text()).isEqualTo(text);
    }

    @Test
    void aztec() throws Exception {
        String text = "TICKET:A-0042|WINDOW:7";
        DecodedCode code = decode(render(BarcodeFormat.AZTEC, text, Map.of(), 5)).get(0);
        assertThat(code.symbology()).isEqualTo(Symbology.AZTEC);
        assertThat(code.text()).isEqualTo(text);
    }

    @Test
    void binaryPayloadKeepsEveryByte() throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        DecodedCode code = decode(render(BarcodeFormat.QR_CODE, new String(all, StandardCharsets.ISO_8859_1),
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L), 3)).get(0);
        assertThat(code.bytes()).isEqualTo(all);
        assertThat(ScanText.escape(code.text()).chars()).noneMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F));
    }

    @Test
    void invalidUtf8IsDeliveredAsBytes() throws Exception {
        byte[] broken = {'O', 'K', (byte) 0xC3, (byte) 0x28, (byte) 0xE2, (byte) 0x82, '!'};
        DecodedCode code = decode(render(BarcodeFormat.QR_CODE, new String(broken, StandardCharsets.ISO_8859_1), Map.of(), 4)).get(0);
        assertThat(code.bytes()).isEqualTo(broken);
    }

    @Test
    void payloadOverFourKilobytes() throws Exception {
        StringBuilder sb = new StringBuilder();
        Random rnd = new Random(4);
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
        while (sb.length() < 4200) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        String text = sb.toString();
        DecodedCode code = decode(render(BarcodeFormat.QR_CODE, text,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L), 3)).get(0);
        assertThat(code.text()).hasSize(4200).isEqualTo(text);
    }

    @Test
    void terminalEscapesAreDataNotCommands() throws Exception {
        String hostile = "\u001B]0;owned\u0007\u001B[2J\u001B[31mRED\r\nDEL\u007F";
        DecodedCode code = decode(render(BarcodeFormat.QR_CODE, hostile, Map.of(), 4)).get(0);
        assertThat(code.text()).isEqualTo(hostile);
        assertThat(ScanText.escape(code.text())).isEqualTo("\\u001B]0;owned\\u0007\\u001B[2J\\u001B[31mRED\\r\\nDEL\\u007F");
    }

    @Test
    void neverThrowsOnDegenerateImages() {
        Random rnd = new Random(9);
        byte[] noise = new byte[320 * 240];
        rnd.nextBytes(noise);
        assertThat(decoder.decode(new GrayImage(320, 240, noise).toLuminanceSource())).isEmpty();
        assertThat(decoder.decode(new GrayImage(1, 1, new byte[1]).toLuminanceSource())).isEmpty();
        assertThat(decoder.decode(new GrayImage(4000, 3, new byte[12_000]).toLuminanceSource())).isEmpty();
        byte[] stripes = new byte[300 * 300];
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = (byte) (((i % 300) / 2 + (i / 300) / 2) % 2 == 0 ? 0 : 255); // a fine checkerboard
        }
        assertThat(decoder.decode(new GrayImage(300, 300, stripes).toLuminanceSource())).isEmpty();
    }
}
