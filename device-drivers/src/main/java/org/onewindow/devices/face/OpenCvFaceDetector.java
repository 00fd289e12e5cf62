package org.onewindow.devices.face;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * Faces and eyes with OpenCV's cascade classifiers (Viola-Jones Haar cascades; origin and licence in
 * docs/face-check.md). Frames are detected at half size (320x240 for a 640x480 frame): four times less work,
 * and a face big enough to compare is still far above the cascade's 24-pixel window.
 * A classifier is not thread-safe: calls are serialised.
 *
 * <p><b>Where the cascades come from.</b> The two cascade files travel inside this module's jar (resources
 * next to this class, copied unchanged from OpenCV's {@code data/haarcascades} with their Intel licence
 * headers). {@link #create(Path)} takes, in this order: an explicitly configured folder, the folder in
 * {@code ONEWINDOW_CASCADES}, else the bundled copies. OpenCV's {@code CascadeClassifier} reads only from a
 * file path, so the bundled copies are extracted once per JVM into a private temporary folder that is
 * deleted when the JVM exits. A folder that is configured but lacks the files is an error, not a silent
 * fallback: whoever configured it meant another model.
 *
 * <p>The system folders ({@code /usr/share/opencv4/haarcascades} from Debian's opencv-data, ...) are no
 * longer searched: the bundled copies are always there, so a system fallback could never be reached, and
 * they would make the detector depend on a distribution's version of the model instead of the one the tests
 * and thresholds were tuned with. Point {@code ONEWINDOW_CASCADES} at such a folder to use it on purpose.
 *
 * <p>OpenCV opens files with the narrow (ANSI) C API on Windows, so a path with non-ASCII characters (a
 * Chinese user name in {@code %TEMP%}) cannot be loaded (reported upstream, e.g. opencv/opencv#4292; not
 * tested here, no Windows machine): the extraction prefers an all-ASCII temporary folder, see
 * {@link #extractionRoot}.
 */
public final class OpenCvFaceDetector implements FaceDetector {
    public static final String FACE_CASCADE = "haarcascade_frontalface_default.xml";
    public static final String EYE_CASCADE = "haarcascade_eye.xml";
    /** Environment variable naming a folder that holds both cascade files; overrides the bundled ones. */
    public static final String CASCADES_ENV = "ONEWINDOW_CASCADES";

    /** Where the cascades of a detector came from. */
    public enum CascadeSource {
        /** a folder the caller passed in */
        CONFIGURED,
        /** the folder in {@code ONEWINDOW_CASCADES} */
        ENVIRONMENT,
        /** the copies inside the application, extracted to a private temporary folder */
        BUNDLED
    }

    private static Path extracted; // the bundled cascades, extracted on first use

    private final CascadeClassifier faces;
    private final CascadeClassifier eyes;
    private final CascadeSource source;
    private final Path cascadeDirectory;
    private final String description;

    static {
        nu.pattern.OpenCV.loadLocally();
    }

    /** The detector over the two cascade files in {@code cascadeDirectory} (an explicitly configured folder). */
    public OpenCvFaceDetector(Path cascadeDirectory) {
        this(cascadeDirectory, CascadeSource.CONFIGURED);
    }

    private OpenCvFaceDetector(Path cascadeDirectory, CascadeSource source) {
        this.faces = load(cascadeDirectory.resolve(FACE_CASCADE));
        this.eyes = load(cascadeDirectory.resolve(EYE_CASCADE));
        this.source = source;
        this.cascadeDirectory = cascadeDirectory;
        this.description = "opencv-" + Core.VERSION + " " + FACE_CASCADE + " + " + EYE_CASCADE
                + (source == CascadeSource.BUNDLED ? "" : " from " + cascadeDirectory);
    }

    /** The detector over the cascades bundled with the application. */
    public static OpenCvFaceDetector bundled() {
        return new OpenCvFaceDetector(bundledCascades(), CascadeSource.BUNDLED);
    }

    /**
     * The detector the workstation uses: the {@code configured} folder if not null, else the folder in
     * {@code ONEWINDOW_CASCADES} if set, else the bundled cascades.
     *
     * @throws IllegalStateException when a configured folder (or the environment's) lacks a cascade file
     */
    public static OpenCvFaceDetector create(Path configured) {
        return create(configured, System.getenv(CASCADES_ENV));
    }

    static OpenCvFaceDetector create(Path configured, String environment) {
        if (configured != null) {
            return new OpenCvFaceDetector(checked(configured, "configured cascade folder"), CascadeSource.CONFIGURED);
        }
        if (environment != null && !environment.isBlank()) {
            return new OpenCvFaceDetector(checked(Path.of(environment.strip()), CASCADES_ENV), CascadeSource.ENVIRONMENT);
        }
        return bundled();
    }

    /**
     * The name this class had when the cascades came from system folders; now the same as {@link #create(Path)}
     * (bundled cascades, no system folder).
     *
     * @deprecated use {@link #create(Path)} or {@link #bundled()}
     */
    @Deprecated
    public static OpenCvFaceDetector fromSystem(Path configured) {
        return create(configured);
    }

    /** Where this detector's cascades came from. */
    public CascadeSource source() {
        return source;
    }

    /** The folder the cascade files were loaded from (for bundled ones: the private extraction folder). */
    public Path cascadeDirectory() {
        return cascadeDirectory;
    }

    private static Path checked(Path dir, String what) {
        for (String name : List.of(FACE_CASCADE, EYE_CASCADE)) {
            if (!Files.isReadable(dir.resolve(name))) {
                throw new IllegalStateException(what + " " + dir + " has no readable " + name
                        + " (leave it unset to use the cascades bundled with the application)");
            }
        }
        return dir;
    }

    /** The bundled cascades as files: extracted on the first call into a private folder deleted on exit. */
    static synchronized Path bundledCascades() {
        if (extracted != null && Files.isReadable(extracted.resolve(FACE_CASCADE))
                && Files.isReadable(extracted.resolve(EYE_CASCADE))) {
            return extracted;
        }
        try {
            Path dir = Files.createTempDirectory(extractionRoot(candidateRoots()), "onewindow-cascades-");
            dir.toFile().deleteOnExit(); // deleteOnExit runs in reverse order: the files go first, then the folder
            for (String name : List.of(FACE_CASCADE, EYE_CASCADE)) {
                try (InputStream in = OpenCvFaceDetector.class.getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IllegalStateException("cascade " + name + " is not bundled next to "
                                + OpenCvFaceDetector.class.getName() + " (broken build?)");
                    }
                    Path file = dir.resolve(name);
                    Files.copy(in, file);
                    file.toFile().deleteOnExit();
                }
            }
            extracted = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the bundled face cascades", e);
        }
    }

    /** The temporary folder, then (Windows) {@code %ProgramData%}: candidates for the extraction folder. */
    private static List<Path> candidateRoots() {
        List<Path> roots = new ArrayList<>();
        roots.add(Path.of(System.getProperty("java.io.tmpdir")));
        Optional.ofNullable(System.getenv("ProgramData")).filter(s -> !s.isBlank()).map(Path::of).ifPresent(roots::add);
        return roots;
    }

    /**
     * The first candidate whose absolute path is all ASCII and that is a writable folder (OpenCV cannot open
     * other paths on Windows); the first candidate when none is.
     */
    static Path extractionRoot(List<Path> candidates) {
        for (Path root : candidates) {
            if (openCvCanOpen(root.toAbsolutePath().toString()) && Files.isDirectory(root) && Files.isWritable(root)) {
                return root;
            }
        }
        return candidates.get(0);
    }

    /** Whether OpenCV can open files under {@code path} on every platform: only if it is all ASCII. */
    static boolean openCvCanOpen(String path) {
        return path.chars().allMatch(c -> c < 0x80);
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
