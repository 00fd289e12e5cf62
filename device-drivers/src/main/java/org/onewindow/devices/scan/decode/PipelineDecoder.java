package org.onewindow.devices.scan.decode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decoding pipeline: stock ZXing readers, driven harder where it pays.
 *
 * <ol>
 * <li><b>Overview.</b> Images above about 2.3 MP (phone photos) are averaged down by an integer factor first.</li>
 * <li><b>Fast pass</b> on the whole overview: all QR codes (multi reader); if there are none, Data Matrix, Aztec,
 * PDF417. No 1D readers, no TRY_HARDER. A clean frame is done here at about stock cost.</li>
 * <li><b>Regions.</b> The fast pass's binarized image is split into tiles; patches that flip black/white
 * often in both directions are candidate codes (see {@link RegionProposer}). Regions already explained by a
 * found code are skipped, so a clean frame or an empty desk costs little more.</li>
 * <li><b>Hard passes</b> per region, at native resolution, each with TRY_HARDER, several codes per region and
 * a second try on the inverted bits: as is, 2x upscaled when small (2–3 px per module), 3x3-smoothed
 * (moiré, screen-door, noise), smoothed and contrast-stretched (low contrast under noise), stretched and
 * sharpened (mild blur), divided by its
 * local mean (glare, uneven light), halved
 * by averaging (screen-door on large codes). When ZXing finds QR finder patterns but cannot read the code,
 * the fourth corner is searched ({@link QrPerspectiveSearch}): phone screens at an angle. A region stops at
 * its first variant that finds something.</li>
 * </ol>
 * Points are mapped back to the pixel grid of the input image. Thread-confined: one instance per thread.
 */
public final class PipelineDecoder implements CodeDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineDecoder.class);
    private static final long OVERVIEW_MAX_PIXELS = 2_400_000L;
    private static final int MAX_REGIONS = 6;
    private static final int SMALL_REGION_SIDE = 480;
    private static final int MAX_REGION_SIDE = 1600;
    private static final float SAME_CODE_DISTANCE = 24f;

    private final MultiFormatReader fastReader = new MultiFormatReader();
    private final QRCodeMultiReader qrMulti = new QRCodeMultiReader();
    private final MultiFormatReader hardReader = new MultiFormatReader();
    private final GenericMultipleBarcodeReader hardMulti = new GenericMultipleBarcodeReader(hardReader);
    private final Map<DecodeHintType, Object> fastHints = new EnumMap<>(DecodeHintType.class);
    private final Map<DecodeHintType, Object> hardHints = new EnumMap<>(DecodeHintType.class);
    private final QrPerspectiveSearch perspectiveSearch = new QrPerspectiveSearch();

    private final long hardPassBudgetNanos;
    private long deadline;

    /**
     * With a cap of 2 s of CPU time per image on the hard passes: only pathological images (pure noise,
     * fabric) reach it. CPU time of the decoding thread, so a busy machine does not change the result.
     */
    public PipelineDecoder() {
        this(java.time.Duration.ofSeconds(2));
    }

    /** @param hardPassBudget CPU time after which no further region variant is started for the current image */
    public PipelineDecoder(java.time.Duration hardPassBudget) {
        this.hardPassBudgetNanos = hardPassBudget.toNanos();
        fastHints.put(DecodeHintType.POSSIBLE_FORMATS,
                List.of(BarcodeFormat.DATA_MATRIX, BarcodeFormat.AZTEC, BarcodeFormat.PDF_417));
        fastReader.setHints(fastHints);
        hardHints.put(DecodeHintType.POSSIBLE_FORMATS,
                List.of(BarcodeFormat.QR_CODE, BarcodeFormat.DATA_MATRIX, BarcodeFormat.AZTEC, BarcodeFormat.PDF_417));
        hardHints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hardReader.setHints(hardHints);
    }

    /** The formats this pipeline reads. */
    public static Set<BarcodeFormat> formats() {
        return Set.of(BarcodeFormat.QR_CODE, BarcodeFormat.DATA_MATRIX, BarcodeFormat.AZTEC, BarcodeFormat.PDF_417);
    }

    @Override
    public List<DecodedCode> decode(LuminanceSource image) {
        try {
            return decode(GrayImage.of(image));
        } catch (RuntimeException e) {
            // ZXing has thrown odd runtime exceptions on hostile images; a bad frame must never kill the caller
            LOG.warn("decoding failed on a {}x{} image", image.getWidth(), image.getHeight(), e);
            return List.of();
        }
    }

    public List<DecodedCode> decode(GrayImage image) {
        deadline = threadTime() + hardPassBudgetNanos;
        List<DecodedCode> found = new ArrayList<>();
        int factor = overviewFactor(image);
        GrayImage overview = image.downscale(factor);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(overview.toLuminanceSource()));
        fastPass(bitmap, factor, found);

        for (RegionProposer.Region overviewRegion : RegionProposer.proposeTwoScales(overview, MAX_REGIONS)) {
            RegionProposer.Region region = overviewRegion.scaled(factor);
            if (explained(region, found)) {
                continue;
            }
            hardPasses(image, region, found);
        }
        return found;
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    private static long threadTime() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static int overviewFactor(GrayImage image) {
        long pixels = (long) image.width() * image.height();
        int factor = 1;
        while (pixels / ((long) factor * factor) > OVERVIEW_MAX_PIXELS) {
            factor++;
        }
        return factor;
    }

    private void fastPass(BinaryBitmap bitmap, int factor, List<DecodedCode> found) {
        float scale = 1f / factor;
        try {
            for (Result r : qrMulti.decodeMultiple(bitmap)) {
                add(found, ZxingResults.toDecodedCode(r, 0, 0, scale));
            }
        } catch (ReaderException none) {
            // no QR code at this scale
        } finally {
            qrMulti.reset();
        }
        if (!found.isEmpty()) {
            // other codes beside a QR code show up as unexplained regions; skipping the PDF417 detector here
            // (about 10 ms on a busy 640x480 frame) keeps a clean frame as cheap as stock
            return;
        }
        try {
            add(found, ZxingResults.toDecodedCode(fastReader.decodeWithState(bitmap), 0, 0, scale));
        } catch (ReaderException none) {
            // nothing else
        } finally {
            fastReader.reset();
        }
    }

    private void hardPasses(GrayImage image, RegionProposer.Region region, List<DecodedCode> found) {
        GrayImage crop = image.crop(region.x(), region.y(), region.width(), region.height());
        int shrink = 1;
        while (Math.max(crop.width(), crop.height()) / shrink > MAX_REGION_SIDE) {
            shrink++;
        }
        GrayImage base = crop.downscale(shrink);
        ViewTransform baseToSource = ViewTransform.cropAndScale(region.x(), region.y(), 1.0 / shrink);
        boolean small = Math.max(base.width(), base.height()) <= SMALL_REGION_SIDE;

        if (tryVariant(base, baseToSource, found)) {
            return;
        }
        double skew = base.dominantAngle();
        if (Math.abs(skew) > Math.toRadians(6)) {
            // stock Data Matrix, Aztec and PDF417 detectors lose codes turned by 20-60 degrees: turn them back
            GrayImage.Rotated upright = base.rotate(-skew);
            if (tryVariant(upright.image(), baseToSource.after(upright.toOriginal()), found)) {
                return;
            }
        }
        if (small && tryVariant(base.upscale(2), baseToSource.after(ViewTransform.cropAndScale(0, 0, 2)), found)) {
            return;
        }
        if (tryVariant(base.boxBlur3(), baseToSource, found)) {
            return;
        }
        if (tryVariant(base.smoothAndStretch(), baseToSource, found)) {
            return;
        }
        if (tryVariant(base.stretchAndSharpen(), baseToSource, found)) {
            return;
        }
        if (tryVariant(base.flattenIllumination(), baseToSource, found)) {
            return;
        }
        if (Math.min(base.width(), base.height()) >= 2 * 96) {
            tryVariant(base.downscale(2), baseToSource.after(ViewTransform.cropAndScale(0, 0, 0.5)), found);
        }
    }

    /** One preprocessed view of a region, normal and inverted; true if it found a new code. */
    private boolean tryVariant(GrayImage view, ViewTransform toSource, List<DecodedCode> found) {
        if (threadTime() - deadline > 0) {
            return true; // out of time: report what we have rather than stall a camera or a batch
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(view.toLuminanceSource()));
        int before = found.size();
        decodeAllInto(bitmap, toSource, found);
        if (found.size() > before) {
            return true;
        }
        BitMatrix bits;
        try {
            bits = bitmap.getBlackMatrix();
        } catch (NotFoundException tooSmall) {
            return false;
        }
        searchPerspective(bits, toSource, found);
        if (found.size() == before) {
            bits.flip(); // light-on-dark codes (phone dark mode, laser-etched plates)
            decodeAllInto(bitmap, toSource, found);
            if (found.size() == before) {
                searchPerspective(bits, toSource, found);
            }
            bits.flip();
        }
        return found.size() > before;
    }

    private void decodeAllInto(BinaryBitmap bitmap, ViewTransform toSource, List<DecodedCode> found) {
        try {
            for (Result r : hardMulti.decodeMultiple(bitmap, hardHints)) {
                add(found, ZxingResults.toDecodedCode(r, toSource));
            }
        } catch (ReaderException none) {
            // this view shows nothing readable
        } finally {
            hardReader.reset();
        }
    }

    private void searchPerspective(BitMatrix bits, ViewTransform toSource, List<DecodedCode> found) {
        perspectiveSearch.decode(bits, hardHints).ifPresent(r -> add(found, ZxingResults.toDecodedCode(r, toSource)));
    }

    /**
     * A region is explained when codes already found cover most of its core (the busy tiles), so a clean
     * frame does not pay for hard passes over the code it has just read; a region holding a second, unread
     * code is not explained. Code boxes come from their points, padded because QR points are finder centres.
     */
    private static boolean explained(RegionProposer.Region region, List<DecodedCode> found) {
        double covered = 0;
        for (DecodedCode code : found) {
            if (code.points().isEmpty()) {
                continue;
            }
            float minX = Float.MAX_VALUE;
            float minY = Float.MAX_VALUE;
            float maxX = -Float.MAX_VALUE;
            float maxY = -Float.MAX_VALUE;
            for (CodePoint p : code.points()) {
                minX = Math.min(minX, p.x());
                minY = Math.min(minY, p.y());
                maxX = Math.max(maxX, p.x());
                maxY = Math.max(maxY, p.y());
            }
            float padX = 0.25f * (maxX - minX) + RegionProposer.TILE;
            float padY = 0.25f * (maxY - minY) + RegionProposer.TILE;
            double w = Math.min(region.coreX() + region.coreWidth(), maxX + padX) - Math.max(region.coreX(), minX - padX);
            double h = Math.min(region.coreY() + region.coreHeight(), maxY + padY) - Math.max(region.coreY(), minY - padY);
            if (w > 0 && h > 0) {
                covered += w * h;
            }
        }
        return covered >= 0.6 * region.coreWidth() * (double) region.coreHeight();
    }

    private static void add(List<DecodedCode> found, DecodedCode code) {
        CodePoint c = code.centre();
        for (DecodedCode other : found) {
            CodePoint o = other.centre();
            if (other.format().equals(code.format()) && java.util.Arrays.equals(other.bytes(), code.bytes())
                    && Math.abs(o.x() - c.x()) < SAME_CODE_DISTANCE && Math.abs(o.y() - c.y()) < SAME_CODE_DISTANCE) {
                return;
            }
        }
        found.add(code);
    }
}
