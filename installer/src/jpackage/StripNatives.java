import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Installer step: keeps only the target platform's native libraries in a jar that carries natives for many
 * (OpenCV from Maven Central ships seven platforms, 110 MB; one is about 25 MB compressed).
 * Run with the build's JDK as a single-file program:
 * {@code java StripNatives.java <jar> <natives-root> <keep-subfolder>}, e.g.
 * {@code org.openpnp.opencv.jar nu/pattern/opencv/ linux/x86_64/}.
 */
public final class StripNatives {
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: StripNatives <jar> <natives-root/> <keep-subfolder/>");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        String root = args[1];
        String keep = root + args[2];
        if (!Files.exists(jar)) {
            System.out.println("StripNatives: " + jar + " not present, nothing to do");
            return;
        }
        Path out = jar.resolveSibling(jar.getFileName() + ".stripped");
        int dropped = 0;
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream os = Files.newOutputStream(out);
             ZipOutputStream zip = new ZipOutputStream(os)) {
            for (var entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                boolean otherPlatform = name.startsWith(root) && name.length() > root.length()
                        && !name.startsWith(keep) && !keep.startsWith(name);
                if (otherPlatform) {
                    dropped++;
                    continue;
                }
                zip.putNextEntry(new ZipEntry(name));
                try (InputStream data = in.getInputStream(e)) {
                    data.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        long before = Files.size(jar);
        Files.move(out, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("StripNatives: %s kept %s, dropped %d entries, %d -> %d bytes%n", jar.getFileName(), keep,
                dropped, before, Files.size(jar));
    }
}
