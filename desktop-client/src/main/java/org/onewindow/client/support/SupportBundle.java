package org.onewindow.client.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.onewindow.client.logging.LogMasking;
import org.onewindow.client.provisioning.RedactedSettings;
import org.onewindow.devices.diag.DeviceDiagnostics;
import org.onewindow.devices.diag.DeviceReport;

/**
 * The zip IT sends to support: recent logs with every line masked again (rolled .gz logs unpacked), the
 * provisioning file without its secrets, the device list and the versions. Nothing else from the data
 * folder: never the evidence outbox, the keys or the sandbox database.
 */
public final class SupportBundle {
    private final Clock clock;

    public SupportBundle(Clock clock) {
        this.clock = clock;
    }

    /** What went into a bundle, for the command's summary. */
    public record Summary(Path zip, int logFiles, long logLines, int maskedLines) {
    }

    public Summary write(Path zip, Path logDir, Duration logAge, Optional<Path> provisioningFile,
                         DeviceDiagnostics.Result devices, Map<String, String> versions) throws IOException {
        Files.createDirectories(zip.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(zip.toAbsolutePath().getParent(), ".support", ".tmp");
        int files = 0;
        long lines = 0;
        int masked = 0;
        try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Path log : recentLogs(logDir, logAge)) {
                String name = log.getFileName().toString().replaceFirst("\\.gz$", "");
                z.putNextEntry(new ZipEntry("logs/" + name));
                Writer w = new java.io.OutputStreamWriter(z, StandardCharsets.UTF_8);
                try (BufferedReader r = open(log)) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        String safe = LogMasking.mask(line);
                        if (!safe.equals(line)) {
                            masked++;
                        }
                        w.write(safe);
                        w.write('\n');
                        lines++;
                    }
                }
                w.flush();
                z.closeEntry();
                files++;
            }
            text(z, "settings.txt", settings(provisioningFile));
            text(z, "devices.txt", devices(devices));
            StringBuilder v = new StringBuilder();
            versions.forEach((k, val) -> v.append(k).append(": ").append(val).append('\n'));
            v.append("bundleCreated: ").append(Instant.now(clock)).append('\n');
            text(z, "versions.txt", v.toString());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING);
        return new Summary(zip, files, lines, masked);
    }

    private List<Path> recentLogs(Path logDir, Duration age) throws IOException {
        if (!Files.isDirectory(logDir)) {
            return List.of();
        }
        Instant since = Instant.now(clock).minus(age);
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> s = Files.list(logDir)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if ((n.endsWith(".log") || n.endsWith(".log.gz")) && Files.isRegularFile(p)
                        && Files.getLastModifiedTime(p).toInstant().isAfter(since)) {
                    logs.add(p);
                }
            }
        }
        return logs;
    }

    private static BufferedReader open(Path log) throws IOException {
        InputStream in = Files.newInputStream(log);
        if (log.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        // a log is written as UTF-8; a damaged byte must not stop the bundle
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)));
    }

    private static String settings(Optional<Path> provisioningFile) {
        if (provisioningFile.isEmpty()) {
            return "No provisioning file: the client runs its embedded demo.\n";
        }
        Path f = provisioningFile.get();
        try {
            return "# " + f + " (secrets replaced)\n" + RedactedSettings.text(RedactedSettings.of(f));
        } catch (IOException e) {
            return "# " + f + " could not be read: " + e.getMessage() + "\n";
        }
    }

    private static String devices(DeviceDiagnostics.Result result) {
        StringBuilder b = new StringBuilder();
        for (DeviceReport r : result.reports()) {
            b.append(LogMasking.mask(r.line())).append('\n');
        }
        return b.toString();
    }

    private static void text(ZipOutputStream z, String name, String content) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(content.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }
}
