package org.onewindow.devices.scan.decode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import javax.imageio.ImageIO;

/**
 * The generated hard corpus: codes rendered with ZXing's writers and distorted the way counters see them.
 * Generated at test time from fixed seeds (nothing binary is committed): the same seed gives the same
 * images on every machine. {@link #write(Path)} stores them as N.png/N.jpg + N.txt for the CLI and for eyes.
 */
public final class HardCorpus {

    /**
     * One image and the payloads it holds (empty for the negative corpus). JPEG samples keep their exact
     * compressed bytes so a stored copy decodes to the very same pixels.
     */
    public record Sample(String category, int index, BufferedImage image, List<String> expected, byte[] jpegBytes) {
        public String id() {
            return category + "/" + index;
        }

        boolean jpeg() {
            return jpegBytes != null;
        }

        static Sample png(String category, int index, BufferedImage image, List<String> expected) {
            return new Sample(category, index, image, expected, null);
        }

        static Sample jpeg(String category, int index, BufferedImage image, float quality, List<String> expected) {
            byte[] bytes = CodeScene.jpeg(image, quality);
            return new Sample(category, index, CodeScene.readImage(bytes), expected, bytes);
        }
    }

    /** Bump when any generator changes: cached copies under an older version are ignored. */
    public static final String VERSION = "v1";

    /** A named distortion with its sample count. */
    public record Category(String name, int count, BiFunction<Random, Integer, Sample> generator) {
    }

    private static final String ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789";

    private HardCorpus() {
    }

    public static List<Category> categories() {
        return List.of(
                new Category("angled-screen", 10, HardCorpus::angledScreen),
                new Category("glare", 10, HardCorpus::glare),
                new Category("low-contrast", 10, HardCorpus::lowContrast),
                new Category("moire", 10, HardCorpus::moire),
                new Category("inverted", 10, HardCorpus::inverted),
                new Category("small", 10, HardCorpus::small),
                new Category("multi", 10, HardCorpus::multi),
                new Category("photo-12mp", 2, HardCorpus::photo12mp),
                new Category("blur", 10, HardCorpus::blur),
                new Category("quiet-zone", 10, HardCorpus::quietZone));
    }

    public static List<Sample> generate(Category category) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < category.count(); i++) {
            Random rnd = new Random(category.name().hashCode() * 1_000_003L + i);
            samples.add(category.generator().apply(rnd, i));
        }
        return samples;
    }

    public static List<Sample> generateAll() {
        List<Sample> all = new ArrayList<>();
        for (Category c : categories()) {
            all.addAll(generate(c));
        }
        return all;
    }

    /** Desks, forms and textures without any code: nothing may be reported for these. */
    public static List<Sample> negatives(int count) {
        return generate(negativeCategory(count));
    }

    private static Sample negative(Random rnd, int i) {
        int w = i % 2 == 0 ? 640 : 1280;
        int h = i % 2 == 0 ? 480 : 720;
        CodeScene scene = CodeScene.desk(w, h, rnd, true);
        if (i % 3 == 0) {
            // a random black/white texture of code-like density: fabric, a tiled floor, a halftone
            float[] quad = CodeScene.tiltedSquare(w / 2f, h / 2f, h * 0.5f, rnd.nextDouble(), 0.2, 0.1);
            BitMatrix texture = new BitMatrix(33, 33);
            for (int y = 0; y < 33; y++) {
                for (int x = 0; x < 33; x++) {
                    if (rnd.nextBoolean()) {
                        texture.set(x, y);
                    }
                }
            }
            scene.draw(texture, quad, new CodeScene.Look());
        }
        scene.noise(rnd, 2 + rnd.nextFloat() * 4);
        scene.gaussianBlur(0.6f);
        return Sample.png("negative", i, scene.toImage(), List.of());
    }

    // ---- categories ----

    private static Sample angledScreen(Random rnd, int i) {
        CodeScene scene = CodeScene.desk(1280, 720, rnd, true);
        String text = eLicenceUrl(rnd);
        BitMatrix bits = CodeScene.encode(BarcodeFormat.QR_CODE, text, ErrorCorrectionLevel.M);
        CodeScene.Look look = screenLook(rnd);
        float side = 260 + rnd.nextInt(140);
        double tilt = Math.toRadians(35 + rnd.nextInt(16)) * (rnd.nextBoolean() ? 1 : -1);
        float[] quad = CodeScene.tiltedSquare(640 + rnd.nextInt(200) - 100, 360 + rnd.nextInt(100) - 50, side,
                rnd.nextDouble() * Math.PI * 2, i % 2 == 0 ? tilt : 0.15 * tilt, i % 2 == 0 ? 0.15 * tilt : tilt);
        scene.draw(bits, quad, look);
        scene.glare(quad[0] + rnd.nextInt(100), quad[1] + rnd.nextInt(100), 60, 60 + rnd.nextInt(60));
        scene.gaussianBlur(0.7f);
        scene.noise(rnd, 3);
        return Sample.jpeg("angled-screen", i, scene.toImage(), 0.8f, List.of(text));
    }

    private static Sample glare(Random rnd, int i) {
        CodeScene scene = CodeScene.desk(1280, 720, rnd, true);
        BarcodeFormat format = i % 3 == 2 ? BarcodeFormat.DATA_MATRIX : BarcodeFormat.QR_CODE;
        String text = format == BarcodeFormat.QR_CODE ? eLicenceUrl(rnd) : vdsLike(rnd);
        BitMatrix bits = CodeScene.encode(format, text, ErrorCorrectionLevel.Q);
        float side = 280 + rnd.nextInt(120);
        float cx = 640 + rnd.nextInt(300) - 150;
        float cy = 360 + rnd.nextInt(120) - 60;
        CodeScene.Look look = new CodeScene.Look();
        look.dark = 50 + rnd.nextInt(30);
        look.light = 200 + rnd.nextInt(30);
        scene.draw(bits, CodeScene.tiltedSquare(cx, cy, side, rnd.nextDouble() * 0.5, 0.3, 0.2), look);
        // a soft highlight off-centre that washes out part of the symbol without saturating all of it
        scene.glare(cx + (rnd.nextFloat() - 0.5f) * side * 0.6f, cy + (rnd.nextFloat() - 0.5f) * side * 0.6f,
                side * (0.25f + rnd.nextFloat() * 0.15f), 140 + rnd.nextInt(60));
        scene.gaussianBlur(0.8f);
        scene.noise(rnd, 2.5f);
        return Sample.jpeg("glare", i, scene.toImage(), 0.85f, List.of(text));
    }

    private static Sample lowContrast(Random rnd, int i) {
        CodeScene scene = CodeScene.desk(640, 480, rnd, false);
        BarcodeFormat format = i % 4 == 3 ? BarcodeFormat.AZTEC : BarcodeFormat.QR_CODE;
        String text = randomText(rnd, 20, 60);
        BitMatrix bits = CodeScene.encode(format, text, ErrorCorrectionLevel.M);
        CodeScene.Look look = new CodeScene.Look();
        look.dark = 120 + rnd.nextInt(15);
        look.light = look.dark + 16 + rnd.nextInt(8);
        scene.contrast(0.2f, 140);
        scene.draw(bits, CodeScene.tiltedSquare(320, 240, 220 + rnd.nextInt(60), rnd.nextDouble(), 0.2, 0.1), look);
        scene.illuminationGradient(0.85f, 1.1f);
        scene.gaussianBlur(0.6f);
        scene.noise(rnd, 2f);
        return Sample.png("low-contrast", i, scene.toImage(), List.of(text));
    }

    private static Sample moire(Random rnd, int i) {
        CodeScene scene = CodeScene.desk(1280, 720, rnd, true);
        String text = eLicenceUrl(rnd);
        BitMatrix bits = CodeScene.encode(BarcodeFormat.QR_CODE, text, ErrorCorrectionLevel.M);
        CodeScene.Look look = screenLook(rnd);
        look.screenPitch = 1f / (2 + rnd.nextInt(2)); // 2-3 phone pixels per module
        look.gap = 0.35f + rnd.nextFloat() * 0.15f;
        float side = 250 + rnd.nextInt(120);
        scene.draw(bits, CodeScene.tiltedSquare(640, 360, side, Math.toRadians(rnd.nextInt(12)), 0.25, 0.15), look);
        scene.gaussianBlur(0.5f);
        scene.noise(rnd, 2);
        return Sample.png("moire", i, scene.toImage(), List.of(text));
    }

    private static Sample inverted(Random rnd, int i) {
        CodeScene scene = CodeScene.desk(640, 480, rnd, true);
        BarcodeFormat[] formats = {BarcodeFormat.QR_CODE, BarcodeFormat.DATA_MATRIX, BarcodeFormat.AZTEC};
        BarcodeFormat format = formats[i % formats.length];
        String text = format == BarcodeFormat.DATA_MATRIX ? vdsLike(rnd) : randomText(rnd, 15, 50);
        BitMatrix bits = CodeScene.encode(format, text, ErrorCorrectionLevel.M);
        CodeScene.Look look = new CodeScene.Look();
        look.dark = 225; // light modules on a dark background (phone dark mode)
        look.light = 20 + rnd.nextInt(20);
        scene.draw(bits, CodeScene.tiltedSquare(320, 240, 200 + rnd.nextInt(80), rnd.nextDouble(), 0.15, 0.1), look);
        scene.gaussianBlur(0.6f);
        scene.noise(rnd, 3);
        return Sample.png("inverted", i, scene.toImage(), List.of(text));
    }

    private static Sample small(Random rnd, int i) {
        int w = i % 2 == 0 ? 1280 : 1920;
        int h = i % 2 == 0 ? 720 : 1080;
        CodeScene scene = CodeScene.desk(w, h, rnd, true);
        String text = randomText(rnd, 12, 30);
        BitMatrix bits = CodeScene.encode(BarcodeFormat.QR_CODE, text, ErrorCorrectionLevel.M);
        float pxPerModule = 2f + rnd.nextFloat();
        float side = (bits.getWidth() + 8) * pxPerModule;
        scene.draw(bits, CodeScene.tiltedSquare(150 + rnd.nextInt(w - 300), 150 + rnd.nextInt(h - 300), side,
                rnd.nextDouble() * 0.3, 0.1, 0.1), new CodeScene.Look());
        scene.gaussianBlur(0.5f);
        scene.noise(rnd, 3);
        return Sample.jpeg("small", i, scene.toImage(), 0.9f, List.of(text));
    }

    private static Sample multi(Random rnd, int i) {
        CodeScene scene = CodeScene.desk(1280, 720, rnd, false);
        BarcodeFormat[] formats = {BarcodeFormat.QR_CODE, BarcodeFormat.DATA_MATRIX, BarcodeFormat.AZTEC,
            BarcodeFormat.PDF_417, BarcodeFormat.QR_CODE};
        int n = 2 + rnd.nextInt(3);
        List<String> texts = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            BarcodeFormat format = formats[(i + k) % formats.length];
            String text = format == BarcodeFormat.DATA_MATRIX ? vdsLike(rnd) : randomText(rnd, 10, 40);
            texts.add(text);
            BitMatrix bits = CodeScene.encode(format, text, ErrorCorrectionLevel.M);
            float cellW = 1280f / n;
            float side = Math.min(cellW * 0.75f, 300);
            float[] quad = CodeScene.tiltedSquare(cellW * (k + 0.5f), 360 + rnd.nextInt(160) - 80, side,
                    rnd.nextDouble() * 0.4 - 0.2, 0.1, 0.1);
            if (format == BarcodeFormat.PDF_417) {
                // PDF417 is wide: stretch the square to its aspect ratio
                float aspect = bits.getWidth() / (float) bits.getHeight();
                float[] wide = CodeScene.tiltedSquare(0, 0, 1, 0, 0, 0);
                for (int c = 0; c < 4; c++) {
                    wide[2 * c] = cellW * (k + 0.5f) + wide[2 * c] * side * 1.0f;
                    wide[2 * c + 1] = 360 + wide[2 * c + 1] * side / aspect * 1.0f;
                }
                quad = wide;
            }
            CodeScene.Look look = new CodeScene.Look();
            look.quietZone = 3;
            scene.draw(bits, quad, look);
        }
        scene.gaussianBlur(0.6f);
        scene.noise(rnd, 2);
        return Sample.png("multi", i, scene.toImage(), texts);
    }

    private static Sample photo12mp(Random rnd, int i) {
        CodeScene scene = CodeScene.desk(4000, 3000, rnd, true);
        String text = eLicenceUrl(rnd);
        BitMatrix bits = CodeScene.encode(BarcodeFormat.QR_CODE, text, ErrorCorrectionLevel.M);
        float pxPerModule = 5 + rnd.nextInt(4);
        float side = (bits.getWidth() + 8) * pxPerModule;
        scene.draw(bits, CodeScene.tiltedSquare(800 + rnd.nextInt(2400), 700 + rnd.nextInt(1600), side,
                rnd.nextDouble() * Math.PI, 0.4, 0.2), new CodeScene.Look());
        scene.gaussianBlur(1.2f);
        scene.noise(rnd, 4);
        return Sample.jpeg("photo-12mp", i, scene.toImage(), 0.85f, List.of(text));
    }

    private static Sample blur(Random rnd, int i) {
        CodeScene scene = CodeScene.desk(640, 480, rnd, true);
        BarcodeFormat format = i % 3 == 2 ? BarcodeFormat.DATA_MATRIX : BarcodeFormat.QR_CODE;
        String text = format == BarcodeFormat.QR_CODE ? randomText(rnd, 20, 60) : vdsLike(rnd);
        BitMatrix bits = CodeScene.encode(format, text, ErrorCorrectionLevel.M);
        float side = 200 + rnd.nextInt(60);
        float module = side / (bits.getWidth() + 8);
        scene.draw(bits, CodeScene.tiltedSquare(320, 240, side, rnd.nextDouble(), 0.1, 0.1), new CodeScene.Look());
        scene.gaussianBlur(module * (0.35f + rnd.nextFloat() * 0.15f));
        scene.noise(rnd, 2);
        return Sample.png("blur", i, scene.toImage(), List.of(text));
    }

    private static Sample quietZone(Random rnd, int i) {
        CodeScene scene = CodeScene.desk(640, 480, rnd, true);
        BarcodeFormat[] formats = {BarcodeFormat.QR_CODE, BarcodeFormat.DATA_MATRIX, BarcodeFormat.AZTEC,
            BarcodeFormat.QR_CODE};
        BarcodeFormat format = formats[i % formats.length];
        String text = format == BarcodeFormat.DATA_MATRIX ? vdsLike(rnd) : randomText(rnd, 15, 50);
        BitMatrix bits = CodeScene.encode(format, text, ErrorCorrectionLevel.M);
        CodeScene.Look look = new CodeScene.Look();
        look.quietZone = 3;
        look.quietZoneMarks = 6 + rnd.nextInt(6);
        look.seed = rnd.nextLong();
        scene.draw(bits, CodeScene.tiltedSquare(320, 240, 240 + rnd.nextInt(60), rnd.nextDouble() * 0.4, 0.1, 0.1), look);
        scene.gaussianBlur(0.6f);
        scene.noise(rnd, 2);
        return Sample.png("quiet-zone", i, scene.toImage(), List.of(text));
    }

    // ---- payloads and looks ----

    private static CodeScene.Look screenLook(Random rnd) {
        CodeScene.Look look = new CodeScene.Look();
        look.dark = 30 + rnd.nextInt(20);
        look.light = 200 + rnd.nextInt(40);
        look.screenPitch = 1f / (3 + rnd.nextInt(3));
        look.gap = 0.2f + rnd.nextFloat() * 0.1f;
        return look;
    }

    static String randomText(Random rnd, int minLength, int maxLength) {
        int n = minLength + rnd.nextInt(maxLength - minLength + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALNUM.charAt(rnd.nextInt(ALNUM.length())));
        }
        if (rnd.nextInt(4) == 0) {
            sb.append("·电子证照");
        }
        return sb.toString();
    }

    static String eLicenceUrl(Random rnd) {
        return "https://zwfw.example.gov.cn/e/" + randomText(rnd, 16, 40).replace("·电子证照", "") + "?v=2";
    }

    /** Upper-case digits and letters like an ICAO visible digital seal header and message. */
    static String vdsLike(Random rnd) {
        StringBuilder sb = new StringBuilder("DC03CHN");
        for (int i = 0; i < 24 + rnd.nextInt(30); i++) {
            sb.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<".charAt(rnd.nextInt(37)));
        }
        return sb.toString();
    }

    /** Writes every sample as {@code <category>/<n>.png|jpg} with {@code <n>.txt} (one payload per line). */
    public static void write(List<Sample> samples, Path dir) throws IOException {
        for (Sample s : samples) {
            Path folder = Files.createDirectories(dir.resolve(s.category()));
            if (s.jpeg()) {
                Files.write(folder.resolve(s.index() + ".jpg"), s.jpegBytes());
            } else {
                ImageIO.write(s.image(), "png", folder.resolve(s.index() + ".png").toFile());
            }
            Files.writeString(folder.resolve(s.index() + ".txt"), String.join("\n", s.expected()), StandardCharsets.UTF_8);
        }
    }

    /**
     * The samples of a category from {@code cache} when a complete copy of this generator version is there,
     * else generated and stored there (first run about 20 s of CPU, later runs read files).
     */
    public static List<Sample> cached(Category category, Path cache) throws IOException {
        Path dir = cache.resolve(VERSION);
        Path done = dir.resolve(category.name() + ".complete");
        if (Files.exists(done)) {
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < category.count(); i++) {
                Path folder = dir.resolve(category.name());
                Path jpg = folder.resolve(i + ".jpg");
                Path png = folder.resolve(i + ".png");
                String text = Files.readString(folder.resolve(i + ".txt"), StandardCharsets.UTF_8);
                List<String> expected = text.isEmpty() ? List.of() : List.of(text.split("\n"));
                if (Files.exists(jpg)) {
                    byte[] bytes = Files.readAllBytes(jpg);
                    samples.add(new Sample(category.name(), i, CodeScene.readImage(bytes), expected, bytes));
                } else {
                    samples.add(Sample.png(category.name(), i, ImageIO.read(png.toFile()), expected));
                }
            }
            return samples;
        }
        List<Sample> samples = generate(category);
        write(samples, dir);
        Files.writeString(done, "");
        return samples;
    }

    /** The negative corpus as a category, so it can be cached like the others. */
    public static Category negativeCategory(int count) {
        return new Category("negative", count, HardCorpus::negative);
    }
}
