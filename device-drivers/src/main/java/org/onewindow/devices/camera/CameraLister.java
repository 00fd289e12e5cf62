package org.onewindow.devices.camera;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds the cameras attached now. Called again on each hot-plug scan: must be cheap and never throw. */
@FunctionalInterface
public interface CameraLister {
    List<FfmpegInput> list();

    /** The lister for this operating system: sysfs on Linux, ffmpeg's DirectShow listing on Windows. */
    static CameraLister forThisSystem(String ffmpeg) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win")) {
            return dshow(ffmpeg);
        }
        return v4l2(Path.of("/sys/class/video4linux"), Path.of("/dev"));
    }

    /**
     * Video4Linux2 capture nodes from sysfs. A UVC camera makes two nodes (capture and metadata); only the
     * node with {@code index} 0 captures. The device name is the kernel's card name plus the node, so that
     * two identical cameras stay apart.
     */
    static CameraLister v4l2(Path sysClassVideo4Linux, Path devDir) {
        return () -> {
            if (!Files.isDirectory(sysClassVideo4Linux)) {
                return List.of();
            }
            List<FfmpegInput> found = new ArrayList<>();
            try (Stream<Path> nodes = Files.list(sysClassVideo4Linux)) {
                for (Path node : nodes.sorted(Comparator.comparing(Path::toString)).toList()) {
                    String id = node.getFileName().toString();
                    if (!id.startsWith("video") || !"0".equals(read(node.resolve("index"), "0"))) {
                        continue;
                    }
                    String card = read(node.resolve("name"), id);
                    found.add(FfmpegInput.v4l2(card + " (" + id + ")", devDir.resolve(id)));
                }
            } catch (IOException e) {
                return List.of();
            }
            return found;
        };
    }

    /** DirectShow video devices as ffmpeg lists them ({@code -list_devices true -f dshow -i dummy}). */
    static CameraLister dshow(String ffmpeg) {
        return () -> {
            try {
                Process p = new ProcessBuilder(ffmpeg, "-hide_banner", "-list_devices", "true", "-f", "dshow", "-i", "dummy")
                        .redirectErrorStream(true).start();
                String text;
                try (InputStream in = p.getInputStream()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                p.waitFor(5, TimeUnit.SECONDS);
                return parseDshowListing(text).stream().map(FfmpegInput::dshow).toList();
            } catch (IOException e) {
                return List.of();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        };
    }

    /**
     * Video device names from ffmpeg's DirectShow listing. Newer ffmpeg tags each line with "(video)";
     * older builds print a "DirectShow video devices" header before the video block.
     */
    static List<String> parseDshowListing(String text) {
        Pattern quoted = Pattern.compile("\\]\\s+\"([^\"]+)\"(\\s+\\((video|audio|none)\\))?");
        Set<String> names = new LinkedHashSet<>();
        boolean inVideoBlock = false;
        for (String line : text.split("\\R")) {
            if (line.contains("DirectShow video devices")) {
                inVideoBlock = true;
                continue;
            }
            if (line.contains("DirectShow audio devices")) {
                inVideoBlock = false;
                continue;
            }
            if (line.contains("Alternative name")) {
                continue;
            }
            Matcher m = quoted.matcher(line);
            if (m.find()) {
                String kind = m.group(3);
                if ("video".equals(kind) || (kind == null && inVideoBlock)) {
                    names.add(m.group(1));
                }
            }
        }
        return List.copyOf(names);
    }

    private static String read(Path file, String fallback) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return fallback;
        }
    }
}
