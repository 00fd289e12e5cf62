package org.onewindow.core.face;

import java.util.ArrayList;
import java.util.List;
import org.onewindow.core.device.Frame;

/**
 * Decides whether a frame is good enough to compare: exactly one face, big enough, centred, frontal (two
 * open eyes found), sharp and well exposed. Pure arithmetic over the frame's pixels plus the detector's
 * boxes; nothing is stored.
 */
public final class FaceQualityGate {
    /** Another face at least this big relative to the largest counts as a second person at the counter. */
    private static final double SECOND_FACE_RATIO = 0.6;
    static final int GRID = 48;

    private final FaceDetector detector;
    private final QualityThresholds limits;

    public FaceQualityGate(FaceDetector detector, QualityThresholds limits) {
        this.detector = detector;
        this.limits = limits;
    }

    public QualityThresholds limits() {
        return limits;
    }

    public FaceQuality assess(Frame frame) {
        List<FaceBox> faces = detector.faces(frame);
        List<QualityIssue> issues = new ArrayList<>();
        if (faces.isEmpty()) {
            double b = meanLuma(frame, new FaceBox(0, 0, frame.width(), frame.height()));
            // a dark room hides the face: ask for light rather than for a face
            issues.add(b < limits.minBrightness() ? QualityIssue.TOO_DARK : QualityIssue.NO_FACE);
            return new FaceQuality(frame.sequence(), faces, issues, b, 0, 0, 0, 0);
        }
        FaceBox face = faces.get(0);
        long people = faces.stream().filter(f -> f.height() >= face.height() * SECOND_FACE_RATIO).count();
        double brightness = meanLuma(frame, face);
        double[][] grid = blockMeans(frame, face);
        double sharpness = laplacianVariance(grid);
        double asymmetry = asymmetry(grid);
        int eyes = limits.minEyes() > 0 ? detector.openEyes(frame, face) : 0;
        if (people > 1) {
            issues.add(QualityIssue.SEVERAL_FACES);
        }
        if (brightness < limits.minBrightness()) {
            issues.add(QualityIssue.TOO_DARK);
        }
        if (brightness > limits.maxBrightness()) {
            issues.add(QualityIssue.TOO_BRIGHT);
        }
        double heightFraction = face.height() / (double) frame.height();
        if (heightFraction < limits.minFaceHeight()) {
            issues.add(QualityIssue.TOO_SMALL);
        }
        double offset = Math.max(Math.abs(face.centreX() / frame.width() - 0.5), Math.abs(face.centreY() / frame.height() - 0.5));
        if (offset > limits.maxCentreOffset()) {
            issues.add(QualityIssue.OFF_CENTRE);
        }
        if (eyes < limits.minEyes() || asymmetry > limits.maxAsymmetry()) {
            issues.add(QualityIssue.NOT_FRONTAL);
        }
        if (sharpness < limits.minSharpness()) {
            issues.add(QualityIssue.BLURRED);
        }
        double score = issues.isEmpty() ? sharpness * heightFraction * (1 - offset) : 0;
        return new FaceQuality(frame.sequence(), faces, issues, brightness, sharpness, asymmetry, eyes, score);
    }

    static int luma(int p) {
        return (((p >> 16) & 0xFF) * 77 + ((p >> 8) & 0xFF) * 150 + (p & 0xFF) * 29) >> 8;
    }

    static double meanLuma(Frame f, FaceBox box) {
        int[] px = f.argb();
        int step = Math.max(1, Math.min(box.width(), box.height()) / 64);
        long sum = 0;
        long n = 0;
        for (int y = box.y(); y < Math.min(f.height(), box.y() + box.height()); y += step) {
            for (int x = box.x(); x < Math.min(f.width(), box.x() + box.width()); x += step) {
                sum += luma(px[y * f.width() + x]);
                n++;
            }
        }
        return n == 0 ? 0 : sum / (double) n;
    }

    /** The face as a {@code GRID x GRID} grey image of block means: noise averages out, structure stays. */
    static double[][] blockMeans(Frame f, FaceBox box) {
        double[][] g = new double[GRID][GRID];
        int[] px = f.argb();
        for (int gy = 0; gy < GRID; gy++) {
            int ya = box.y() + gy * box.height() / GRID;
            int yb = Math.max(ya + 1, box.y() + (gy + 1) * box.height() / GRID);
            for (int gx = 0; gx < GRID; gx++) {
                int xa = box.x() + gx * box.width() / GRID;
                int xb = Math.max(xa + 1, box.x() + (gx + 1) * box.width() / GRID);
                long sum = 0;
                int n = 0;
                for (int y = Math.max(0, ya); y < Math.min(f.height(), yb); y++) {
                    for (int x = Math.max(0, xa); x < Math.min(f.width(), xb); x++) {
                        sum += luma(px[y * f.width() + x]);
                        n++;
                    }
                }
                g[gy][gx] = n == 0 ? 0 : sum / (double) n;
            }
        }
        return g;
    }

    /**
     * Variance of the 4-neighbour Laplacian over the face's block means: sharp features (eyes, brows, lips)
     * give large values, blur flattens them; a big and a small face of the same focus score alike.
     */
    static double laplacianVariance(double[][] g) {
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int y = 1; y < GRID - 1; y++) {
            for (int x = 1; x < GRID - 1; x++) {
                double lap = g[y - 1][x] + g[y + 1][x] + g[y][x - 1] + g[y][x + 1] - 4 * g[y][x];
                sum += lap;
                sumSq += lap * lap;
                n++;
            }
        }
        double mean = sum / n;
        return sumSq / n - mean * mean;
    }

    /**
     * How far the face is from mirror symmetry: mean absolute difference between the left half and the
     * mirrored right half, over the contrast of the face (0 = perfectly symmetric). A turned head moves
     * eyes, nose and mouth off the box's centre line and raises it.
     */
    static double asymmetry(double[][] g) {
        double diff = 0;
        double mean = 0;
        int n = 0;
        for (double[] row : g) {
            for (double v : row) {
                mean += v;
                n++;
            }
        }
        mean /= n;
        double spread = 0;
        for (double[] row : g) {
            for (int x = 0; x < GRID; x++) {
                spread += Math.abs(row[x] - mean);
                if (x < GRID / 2) {
                    diff += Math.abs(row[x] - row[GRID - 1 - x]);
                }
            }
        }
        return spread == 0 ? 0 : (diff / (n / 2.0)) / (spread / n);
    }
}
