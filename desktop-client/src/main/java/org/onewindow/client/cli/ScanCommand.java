package org.onewindow.client.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.onewindow.devices.scan.decode.CodePoint;
import org.onewindow.devices.scan.decode.DecodedCode;
import org.onewindow.devices.scan.decode.GrayImage;
import org.onewindow.devices.scan.decode.PipelineDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code onewindow scan --image FILE...}: reads every code in each image with the same pipeline as the
 * desk camera and prints one JSON object per file and line:
 * {@code {"file":..., "codes":[{"format":..., "text":..., "bytesBase64":..., "points":[[x,y],...]}]}}.
 * Points are in the pixel grid of the file as stored: EXIF orientation is not applied (ImageIO ignores
 * it), so they match what a pixel editor shows for the raw file. A file that cannot be read gets
 * {@code {"file":..., "error":...}} and the exit code is 1; the other files are still scanned. Images over
 * 100 megapixels are refused from their header, before any pixel is decoded.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Read QR, Data Matrix, PDF417 and Aztec codes in image files; one JSON object per file.")
public final class ScanCommand implements Callable<Integer> {

    @Option(names = "--image", arity = "1..*", required = true, paramLabel = "FILE",
            description = "PNG, JPEG, BMP or GIF files to scan")
    List<Path> images;

    @Spec
    CommandSpec spec;

    /** 100 MP: a 12 MP phone photo is fine, a decompression bomb is not. */
    static final long MAX_PIXELS = 100_000_000L;

    private final ObjectMapper json = new ObjectMapper();

    /** Runs the command on its own (from a source build, before it is registered under {@code onewindow}). */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new ScanCommand()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PipelineDecoder decoder = new PipelineDecoder();
        int failures = 0;
        for (Path file : images) {
            ObjectNode line = json.createObjectNode();
            line.put("file", file.toString());
            try {
                BufferedImage image = read(file);
                ArrayNode codes = line.putArray("codes");
                for (DecodedCode code : decoder.decode(GrayImage.of(image))) {
                    ObjectNode c = codes.addObject();
                    c.put("format", code.format());
                    c.put("text", code.text());
                    c.put("bytesBase64", Base64.getEncoder().encodeToString(code.bytes()));
                    ArrayNode points = c.putArray("points");
                    for (CodePoint p : code.points()) {
                        points.addArray().add(round(p.x())).add(round(p.y()));
                    }
                }
            } catch (IOException | RuntimeException e) {
                failures++;
                line.remove("codes");
                line.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            try {
                // Jackson escapes control characters, so a hostile payload cannot drive the terminal
                out.println(json.writeValueAsString(line));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write JSON", e);
            }
            out.flush();
        }
        return failures == 0 ? 0 : 1;
    }

    private static BufferedImage read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("not a readable file");
        }
        checkSize(file);
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException("not an image format this build can read");
        }
        return image;
    }

    /** Refuses images whose pixels would not fit in memory, reading only the header. */
    private static void checkSize(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException("not an image format this build can read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new IOException("image too large: " + reader.getWidth(0) + "x" + reader.getHeight(0)
                            + " pixels, at most " + MAX_PIXELS / 1_000_000 + " megapixels");
                }
            } finally {
                reader.dispose();
            }
        }
    }

    private static double round(float v) {
        return Math.round(v * 10.0) / 10.0;
    }
}
