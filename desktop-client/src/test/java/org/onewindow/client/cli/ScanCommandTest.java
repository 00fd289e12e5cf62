package org.onewindow.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScanCommandTest {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    private record Run(int exitCode, List<JsonNode> lines) {
    }

    private Run run(String... args) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new ScanCommand());
        cmd.setOut(new PrintWriter(out));
        int exit = cmd.execute(args);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                lines.add(json.readTree(line));
            }
        }
        return new Run(exit, lines);
    }

    private static BufferedImage code(BarcodeFormat format, String text, int size) throws Exception {
        return MatrixToImageWriter.toBufferedImage(new MultiFormatWriter().encode(text, format, size, size,
                Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.CHARACTER_SET, "UTF-8")));
    }

    /** A QR code left and a Data Matrix right on a 800x400 white page. */
    private Path twoCodes() throws Exception {
        BufferedImage page = new BufferedImage(800, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 800, 400);
        g.drawImage(code(BarcodeFormat.QR_CODE, "电子证照 QR-1", 250), 60, 60, null);
        g.drawImage(code(BarcodeFormat.DATA_MATRIX, "DC03CHNDATAMATRIX2", 220), 480, 90, null);
        g.dispose();
        Path file = dir.resolve("two.png");
        ImageIO.write(page, "png", file.toFile());
        return file;
    }

    @Test
    void printsEveryCodeOfEveryFileWithPointsInThePixelGrid() throws Exception {
        Path two = twoCodes();
        BufferedImage blank = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Path empty = dir.resolve("empty.png");
        ImageIO.write(blank, "png", empty.toFile());

        Run run = run("--image", two.toString(), empty.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(2);
        JsonNode first = run.lines().get(0);
        assertThat(first.get("file").asText()).isEqualTo(two.toString());
        assertThat(first.get("codes")).hasSize(2);
        for (JsonNode code : first.get("codes")) {
            String text = code.get("text").asText();
            assertThat(new String(Base64.getDecoder().decode(code.get("bytesBase64").asText()), StandardCharsets.UTF_8))
                    .isEqualTo(text);
            double minX = code.get("format").asText().equals("QR_CODE") ? 60 : 480;
            assertThat(code.get("points")).isNotEmpty().allSatisfy(p -> {
                assertThat(p.get(0).asDouble()).isBetween(minX, minX + 260);
                assertThat(p.get(1).asDouble()).isBetween(50.0, 350.0);
            });
        }
        assertThat(first.get("codes").findValuesAsText("text")).containsExactlyInAnyOrder("电子证照 QR-1", "DC03CHNDATAMATRIX2");
        assertThat(run.lines().get(1).get("codes")).isEmpty();
    }

    @Test
    void pointsIgnoreExifOrientation() throws Exception {
        BufferedImage page = new BufferedImage(600, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 300);
        g.drawImage(code(BarcodeFormat.QR_CODE, "EXIF-6", 200), 360, 50, null);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(page, "jpg", jpeg);
        Path file = dir.resolve("rotated.jpg");
        Files.write(file, withExifOrientation(jpeg.toByteArray(), 6)); // "rotate 90° clockwise to display"

        JsonNode code = run("--image", file.toString()).lines().get(0).get("codes").get(0);

        assertThat(code.get("text").asText()).isEqualTo("EXIF-6");
        // stored grid: the code is on the right half of a 600x300 picture, not the bottom of a 300x600 one
        assertThat(code.get("points")).allSatisfy(p -> {
            assertThat(p.get(0).asDouble()).isBetween(350.0, 570.0);
            assertThat(p.get(1).asDouble()).isBetween(40.0, 260.0);
        });
    }

    @Test
    void unreadableFileIsReportedAndTheOthersStillScanned() throws Exception {
        Path junk = dir.resolve("junk.png");
        Files.writeString(junk, "\u001B[2Jnot an image");
        Path two = twoCodes();

        Run run = run("--image", junk.toString(), dir.resolve("missing.png").toString(), two.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(0).has("error")).isTrue();
        assertThat(run.lines().get(1).has("error")).isTrue();
        assertThat(run.lines().get(2).get("codes")).hasSize(2);
    }

    @Test
    void hugeImageIsRefusedFromItsHeaderWithoutDecodingIt() throws Exception {
        Path bomb = dir.resolve("bomb.png");
        Files.write(bomb, pngHeaderOnly(60_000, 60_000)); // 3.6 gigapixels: would need 14 GB as ARGB
        Run run = run("--image", bomb.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines().get(0).get("error").asText()).contains("too large").contains("60000x60000");
    }

    /** A PNG signature, an IHDR chunk with the given size and IEND: enough for a reader to report the size. */
    private static byte[] pngHeaderOnly(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        writeChunk(out, "IHDR", ihdr.array());
        writeChunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void controlCharactersInPayloadsAreEscapedInTheJson() throws Exception {
        BufferedImage page = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 300);
        g.drawImage(code(BarcodeFormat.QR_CODE, "A\u001B[31mB\u0007", 200), 50, 50, null);
        g.dispose();
        Path file = dir.resolve("escape.png");
        ImageIO.write(page, "png", file.toFile());

        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new ScanCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.execute("--image", file.toString());

        assertThat(out.toString()).contains("A\\u001B[31mB\\u0007").doesNotContain("\u001B");
    }

    /** Inserts an APP1 Exif segment with one Orientation tag right after the JPEG's SOI marker. */
    private static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0};
        byte[] header = {'E', 'x', 'i', 'f', 0, 0};
        int length = 2 + header.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(header);
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
