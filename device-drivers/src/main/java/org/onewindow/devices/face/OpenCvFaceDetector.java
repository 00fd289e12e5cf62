package org.onewindow.devices.face;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.onewindow.core.device.Frame;
import org.onewindow.core.face.FaceBox;
import org.onewindow.core.face.FaceDetector;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;

/**
 * Faces and eyes with OpenCV's cascade classifiers (Viola-Jones Haar cascades from Debian's opencv-data;
 * origin and licence in docs/face-check.md). Frames are detected at half size (320x240 for a 640x480 frame):
 * four times less work, and a face big enough to compare is still far above the cascade's 24-pixel window.
 * A classifier is not thread-safe: calls are serialised.
 */
public final class OpenCvFaceDetector implements FaceDetector {
    public static final String FACE_CASCADE = "haarcascade_frontalface_default.xml";
    public static final String EYE_CASCADE = "haarcascade_eye.xml";
    /** Where Debian (opencv-data), Fedora and a Windows install put the cascades; the installer may add its own. */
    private static final List<Path> SEARCH = List.of(Path.of("/usr/share/opencv4/haarcascades"),
            Path.of("/usr/share/opencv/haarcascades"), Path.of("/usr/local/share/opencv4/haarcascades"));

    private final CascadeClassifier faces;
    private final CascadeClassifier eyes;
    private final String description;

    static {
        nu.pattern.OpenCV.loadLocally();
    }

    public OpenCvFaceDetector(Path cascadeDirectory) {
        Path face = cascadeDirectory.resolve(FACE_CASCADE);
        Path eye = cascadeDirectory.resolve(EYE_CASCADE);
        this.faces = load(face);
        this.eyes = load(eye);
        this.description = "opencv-" + Core.VERSION + " " + FACE_CASCADE + " + " + EYE_CASCADE;
    }

    /**
     * The detector over the first cascade folder found: {@code configured} (may be null), then
     * {@code ONEWINDOW_CASCADES}, then the system locations.
     */
    public static OpenCvFaceDetector fromSystem(Path configured) {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(configured).ifPresent(candidates::add);
        Optional.ofNullable(System.getenv("ONEWINDOW_CASCADES")).filter(s -> !s.isBlank()).map(Path::of)
                .ifPresent(candidates::add);
        candidates.addAll(SEARCH);
        for (Path dir : candidates) {
            if (Files.isReadable(dir.resolve(FACE_CASCADE)) && Files.isReadable(dir.resolve(EYE_CASCADE))) {
                return new OpenCvFaceDetector(dir);
            }
        }
        throw new IllegalStateException("no face cascades found in " + candidates
                + " (install Debian's opencv-data or set ONEWINDOW_CASCADES)");
    }

    private static CascadeClassifier load(Path file) {
        CascadeClassifier c = new CascadeClassifier(file.toString());
        if (c.empty()) {
            throw new IllegalStateException("cannot load cascade " + file);
        }
        return c;
    }

    /** Every preview frame: coarse scale steps (1.2), the gate only needs to know a face is there and how big. */
    @Override
    public List<FaceBox> faces(Frame frame) {
        return detect(frame, 1.2, 3);
    }

    /** Once per compare: finer scale steps (1.1) and more neighbours, so the box that aligns the two faces fits closely. */
    @Override
    public List<FaceBox> facesPrecisely(Frame frame) {
        return detect(frame, 1.1, 4);
    }

    private synchronized List<FaceBox> detect(Frame frame, double scaleStep, int neighbours) {
        int scale = frame.width() >= 480 ? 2 : 1;
        Mat grey = grey(frame, scale, 0, 0, frame.width(), frame.height());
        try {
            MatOfRect found = new MatOfRect();
            int min = Math.max(24, grey.rows() / 10);
            faces.detectMultiScale(grey, found, scaleStep, neighbours, 0, new Size(min, min), new Size());
            List<FaceBox> boxes = new ArrayList<>();
            for (Rect r : found.toArray()) {
                boxes.add(new FaceBox(r.x * scale, r.y * scale, r.width * scale, r.height * scale));
            }
            found.release();
            boxes.sort(Comparator.comparingInt(FaceBox::area).reversed());
            return boxes;
        } finally {
            grey.release();
        }
    }

    @Override
    public synchronized int openEyes(Frame frame, FaceBox face) {
        // eyes sit in the upper 60% of a frontal face box: search only there, at full resolution
        int h = (int) (face.height() * 0.6);
        Mat upper = grey(frame, 1, face.x(), face.y(), Math.min(face.width(), frame.width() - face.x()),
                Math.min(h, frame.height() - face.y()));
        try {
            MatOfRect found = new MatOfRect();
            int min = Math.max(8, face.width() / 10);
            eyes.detectMultiScale(upper, found, 1.15, 3, 0, new Size(min, min), new Size(face.width() / 2.5, face.width() / 2.5));
            int n = found.toArray().length;
            found.release();
            return Math.min(n, 2);
        } finally {
            upper.release();
        }
    }

    /** Luma (BT.601) at 1/scale, histogram-equalised so that dim frames still show their structure. */
    private static Mat grey(Frame frame, int scale, int x0, int y0, int width, int height) {
        int w = width / scale;
        int h = height / scale;
        byte[] luma = new byte[w * h];
        int[] argb = frame.argb();
        for (int y = 0; y < h; y++) {
            int row = (y0 + y * scale) * frame.width() + x0;
            for (int x = 0; x < w; x++) {
                int p = argb[row + x * scale];
                luma[y * w + x] = (byte) ((((p >> 16) & 0xFF) * 77 + ((p >> 8) & 0xFF) * 150 + (p & 0xFF) * 29) >> 8);
            }
        }
        Mat m = new Mat(h, w, CvType.CV_8UC1);
        m.put(0, 0, luma);
        Imgproc.equalizeHist(m, m);
        return m;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        // CascadeClassifier frees its native memory when collected; nothing else is held
    }
}
