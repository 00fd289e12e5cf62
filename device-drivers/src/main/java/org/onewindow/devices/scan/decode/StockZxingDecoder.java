package org.onewindow.devices.scan.decode;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Stock ZXing as most applications use it: {@code MultiFormatReader} over a {@code HybridBinarizer}, one code
 * per image, default hints or {@code TRY_HARDER}. The baseline of the benchmark and the corpus tests.
 */
public final class StockZxingDecoder implements CodeDecoder {

    private final MultiFormatReader reader = new MultiFormatReader();
    private final boolean tryHarder;

    public StockZxingDecoder(boolean tryHarder) {
        this.tryHarder = tryHarder;
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        if (tryHarder) {
            hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        }
        reader.setHints(tryHarder ? hints : null);
    }

    public String label() {
        return tryHarder ? "zxing TRY_HARDER" : "zxing default";
    }

    @Override
    public List<DecodedCode> decode(LuminanceSource image) {
        try {
            Result result = reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(image)));
            return List.of(ZxingResults.toDecodedCode(result, 0, 0, 1));
        } catch (ReaderException | RuntimeException notFound) {
            return List.of();
        } finally {
            reader.reset();
        }
    }
}
