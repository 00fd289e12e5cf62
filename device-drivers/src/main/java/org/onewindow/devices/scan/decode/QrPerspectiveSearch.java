package org.onewindow.devices.scan.decode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.DecoderResult;
import com.google.zxing.common.DetectorResult;
import com.google.zxing.common.GridSampler;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.detector.Detector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads QR codes seen at an angle. ZXing finds the three finder patterns fine but places the fourth corner
 * as if the code were a parallelogram (or from an alignment pattern it often misses under perspective), so
 * the sampling grid drifts and decoding fails. Here the fourth corner is searched: candidate positions up to
 * four modules around the parallelogram guess, nearest first, and the symbol size one version either side.
 * Each candidate is sampled and handed to ZXing's decoder; Reed-Solomon checking rejects wrong grids, so a
 * wrong guess fails rather than misreads.
 */
final class QrPerspectiveSearch {

    private static final int MAX_OFFSET_MODULES = 4;
    private static final List<int[]> OFFSETS = offsets();

    private final Decoder decoder = new Decoder();

    Optional<Result> decode(BitMatrix bits, Map<DecodeHintType, ?> hints) {
        ResultPoint[] found;
        ModuleSizeDetector detector = new ModuleSizeDetector(bits);
        try {
            DetectorResult detected = detector.detect(hints);
            found = detected.getPoints();
        } catch (NotFoundException | FormatException none) {
            return Optional.empty();
        }
        if (found.length < 3) {
            return Optional.empty();
        }
        ResultPoint bottomLeft = found[0];
        ResultPoint topLeft = found[1];
        ResultPoint topRight = found[2];
        float moduleSize = detector.moduleSize(topLeft, topRight, bottomLeft);
        if (moduleSize < 1f) {
            return Optional.empty();
        }
        int estimated = estimateDimension(topLeft, topRight, bottomLeft, moduleSize);
        for (int dimension : new int[] {estimated, estimated + 4, estimated - 4}) {
            if (dimension < 21 || dimension > 177) {
                continue;
            }
            float guessX = topRight.getX() - topLeft.getX() + bottomLeft.getX();
            float guessY = topRight.getY() - topLeft.getY() + bottomLeft.getY();
            for (int[] offset : OFFSETS) {
                float brX = guessX + offset[0] * moduleSize;
                float brY = guessY + offset[1] * moduleSize;
                Optional<Result> result = tryGrid(bits, hints, dimension, topLeft, topRight, bottomLeft, brX, brY);
                if (result.isPresent()) {
                    return result;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Result> tryGrid(BitMatrix bits, Map<DecodeHintType, ?> hints, int dimension, ResultPoint topLeft,
            ResultPoint topRight, ResultPoint bottomLeft, float brX, float brY) {
        float far = dimension - 3.5f;
        PerspectiveTransform transform = PerspectiveTransform.quadrilateralToQuadrilateral(
                3.5f, 3.5f, far, 3.5f, far, far, 3.5f, far,
                topLeft.getX(), topLeft.getY(), topRight.getX(), topRight.getY(), brX, brY,
                bottomLeft.getX(), bottomLeft.getY());
        try {
            BitMatrix grid = GridSampler.getInstance().sampleGrid(bits, dimension, dimension, transform);
            DecoderResult decoded = decoder.decode(grid, hints);
            Result result = new Result(decoded.getText(), decoded.getRawBytes(),
                    new ResultPoint[] {bottomLeft, topLeft, topRight, new ResultPoint(brX, brY)}, BarcodeFormat.QR_CODE);
            if (decoded.getByteSegments() != null) {
                result.putMetadata(ResultMetadataType.BYTE_SEGMENTS, decoded.getByteSegments());
            }
            if (decoded.getECLevel() != null) {
                result.putMetadata(ResultMetadataType.ERROR_CORRECTION_LEVEL, decoded.getECLevel());
            }
            result.putMetadata(ResultMetadataType.SYMBOLOGY_IDENTIFIER, "]Q" + (decoded.getSymbologyModifier() + 0));
            return Optional.of(result);
        } catch (NotFoundException | FormatException | ChecksumException wrongGrid) {
            return Optional.empty();
        }
    }

    // same rule as ZXing's Detector.computeDimension (private there)
    private static int estimateDimension(ResultPoint topLeft, ResultPoint topRight, ResultPoint bottomLeft, float moduleSize) {
        int across = Math.round(ResultPoint.distance(topLeft, topRight) / moduleSize);
        int down = Math.round(ResultPoint.distance(topLeft, bottomLeft) / moduleSize);
        int dimension = ((across + down) / 2) + 7;
        return switch (dimension & 0x03) {
            case 0 -> dimension + 1;
            case 2 -> dimension - 1;
            case 3 -> dimension + 2; // not a valid size; the search tries neighbours anyway
            default -> dimension;
        };
    }

    private static List<int[]> offsets() {
        List<int[]> all = new ArrayList<>();
        for (int dy = -MAX_OFFSET_MODULES; dy <= MAX_OFFSET_MODULES; dy++) {
            for (int dx = -MAX_OFFSET_MODULES; dx <= MAX_OFFSET_MODULES; dx++) {
                all.add(new int[] {dx, dy});
            }
        }
        all.sort(Comparator.comparingInt(o -> o[0] * o[0] + o[1] * o[1]));
        return List.copyOf(all);
    }

    /** Opens up ZXing's protected module-size estimate. */
    private static final class ModuleSizeDetector extends Detector {
        ModuleSizeDetector(BitMatrix image) {
            super(image);
        }

        float moduleSize(ResultPoint topLeft, ResultPoint topRight, ResultPoint bottomLeft) {
            return calculateModuleSize(topLeft, topRight, bottomLeft);
        }
    }
}
