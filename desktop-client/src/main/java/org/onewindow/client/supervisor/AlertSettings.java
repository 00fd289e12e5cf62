package org.onewindow.client.supervisor;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The dashboard's alert configuration: thresholds per category (others use the default) and whether to
 * sound (off by default: halls are quiet places). Kept per workstation in a small properties file.
 */
public record AlertSettings(AlertThresholds defaults, Map<String, AlertThresholds> perCategory, boolean sound) {
    public AlertSettings {
        perCategory = Map.copyOf(perCategory);
    }

    public static AlertSettings standard() {
        return new AlertSettings(AlertThresholds.DEFAULT, Map.of(), false);
    }

    public AlertThresholds forCategory(String code) {
        return perCategory.getOrDefault(code, defaults);
    }

    public AlertSettings with(String category, AlertThresholds t) {
        Map<String, AlertThresholds> m = new TreeMap<>(perCategory);
        m.put(category, t);
        return new AlertSettings(defaults, m, sound);
    }

    public AlertSettings withSound(boolean on) {
        return new AlertSettings(defaults, perCategory, on);
    }

    /** Reads {@code file}; a missing or unreadable file gives the defaults (never stops the dashboard). */
    public static AlertSettings load(Path file) {
        if (!Files.exists(file)) {
            return standard();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            AlertThresholds d = read(p, "default", AlertThresholds.DEFAULT);
            Map<String, AlertThresholds> per = new TreeMap<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("category.") && key.endsWith(".maxWaitMinutes")) {
                    String code = key.substring("category.".length(), key.length() - ".maxWaitMinutes".length());
                    per.put(code, read(p, "category." + code, d));
                }
            }
            return new AlertSettings(d, per, Boolean.parseBoolean(p.getProperty("sound", "false")));
        } catch (IOException | IllegalArgumentException e) {
            org.slf4j.LoggerFactory.getLogger(AlertSettings.class).warn("alert settings unreadable, using defaults: {}",
                    e.getMessage());
            return standard();
        }
    }

    /** Writes atomically (a crash mid-write leaves the old file). */
    public void save(Path file) throws IOException {
        Properties p = new Properties();
        write(p, "default", defaults);
        perCategory.forEach((code, t) -> write(p, "category." + code, t));
        p.setProperty("sound", Boolean.toString(sound));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "OneWindow supervisor alert thresholds");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static AlertThresholds read(Properties p, String prefix, AlertThresholds fallback) {
        return new AlertThresholds(
                Duration.ofMinutes(Long.parseLong(p.getProperty(prefix + ".maxWaitMinutes", "" + fallback.maxWait().toMinutes()).trim())),
                Duration.ofMinutes(Long.parseLong(p.getProperty(prefix + ".maxServiceMinutes", "" + fallback.maxService().toMinutes()).trim())),
                Integer.parseInt(p.getProperty(prefix + ".maxQueue", "" + fallback.maxQueue()).trim()));
    }

    private static void write(Properties p, String prefix, AlertThresholds t) {
        p.setProperty(prefix + ".maxWaitMinutes", Long.toString(t.maxWait().toMinutes()));
        p.setProperty(prefix + ".maxServiceMinutes", Long.toString(t.maxService().toMinutes()));
        p.setProperty(prefix + ".maxQueue", Integer.toString(t.maxQueue()));
    }
}
