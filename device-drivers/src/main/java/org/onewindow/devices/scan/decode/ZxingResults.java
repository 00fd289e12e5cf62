package org.onewindow.devices.scan.decode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.ResultPoint;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.core.device.Symbology;
import org.onewindow.devices.scan.ScanText;

/** Turns ZXing results into {@link DecodedCode}s: payload bytes, text, symbology, points. */
public final class ZxingResults {

    private static final List<Charset> BYTE_SEGMENT_CHARSETS = List.of(StandardCharsets.UTF_8, ScanText.GB18030,
            StandardCharsets.ISO_8859_1, Charset.forName("Shift_JIS"));

    private ZxingResults() {
    }

    public static Symbology symbologyOf(BarcodeFormat format) {
        return switch (format) {
            case QR_CODE -> Symbology.QR_CODE;
            case DATA_MATRIX -> Symbology.DATA_MATRIX;
            case PDF_417 -> Symbology.PDF_417;
            case AZTEC -> Symbology.AZTEC;
            case CODE_128 -> Symbology.CODE_128;
            default -> Symbology.OTHER;
        };
    }

    /** Converts one result; points are mapped by {@code x0 + x / scale} back to the caller's pixel grid. */
    public static DecodedCode toDecodedCode(Result result, float x0, float y0, float scale) {
        return toDecodedCode(result, ViewTransform.cropAndScale(x0, y0, scale));
    }

    static DecodedCode toDecodedCode(Result result, ViewTransform toSource) {
        byte[] bytes = payloadBytes(result);
        String text = textOf(result, bytes);
        List<CodePoint> points = new ArrayList<>();
        ResultPoint[] resultPoints = result.getResultPoints();
        if (resultPoints != null) {
            for (ResultPoint p : resultPoints) {
                if (p != null) {
                    points.add(toSource.apply(p.getX(), p.getY()));
                }
            }
        }
        return new DecodedCode(symbologyOf(result.getBarcodeFormat()), result.getBarcodeFormat().name(), bytes, text,
                points);
    }

    /**
     * The payload as bytes. ZXing gives the raw bytes of byte-mode segments only; when those bytes, decoded in
     * a plausible charset, are exactly the text, the code was all byte mode and the bytes are the payload
     * (this keeps binary data and invalid UTF-8 intact). Otherwise the payload is the text in UTF-8.
     */
    public static byte[] payloadBytes(Result result) {
        Map<ResultMetadataType, Object> metadata = result.getResultMetadata();
        Object segments = metadata == null ? null : metadata.get(ResultMetadataType.BYTE_SEGMENTS);
        String text = result.getText() == null ? "" : result.getText();
        if (segments instanceof List<?> list && !list.isEmpty()) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (Object segment : list) {
                if (segment instanceof byte[] b) {
                    all.writeBytes(b);
                }
            }
            byte[] bytes = all.toByteArray();
            for (Charset charset : BYTE_SEGMENT_CHARSETS) {
                if (new String(bytes, charset).equals(text)) {
                    return bytes;
                }
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * ZXing's text, except for QR codes without an ECI whose bytes are valid GB18030 but not UTF-8: ZXing
     * guesses Shift_JIS for those, while in Chinese halls they are GB2312/GB18030.
     */
    private static String textOf(Result result, byte[] bytes) {
        String text = result.getText() == null ? "" : result.getText();
        if (result.getBarcodeFormat() != BarcodeFormat.QR_CODE || declaresEci(result)) {
            return text;
        }
        if (ScanText.decodeStrict(bytes, StandardCharsets.UTF_8).isPresent()) {
            return text;
        }
        Optional<String> gb = ScanText.decodeStrict(bytes, ScanText.GB18030);
        return gb.filter(s -> !s.equals(text) && !isAscii(bytes)).orElse(text);
    }

    // "]Q2" etc.: AIM modifier 2, 4 or 6 says an ECI was in effect (ISO/IEC 18004 Table F.1)
    private static boolean declaresEci(Result result) {
        Map<ResultMetadataType, Object> metadata = result.getResultMetadata();
        Object id = metadata == null ? null : metadata.get(ResultMetadataType.SYMBOLOGY_IDENTIFIER);
        return id instanceof String s && s.length() == 3 && "246".indexOf(s.charAt(2)) >= 0;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
