package org.onewindow.client.provisioning;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where this PC's provisioning file lives: an explicit {@code --provisioning FILE}, else
 * {@code $ONEWINDOW_PROVISIONING}, else the machine location the installer prepares
 * ({@code /etc/onewindow/workstation.properties}, {@code %ProgramData%\OneWindow\workstation.properties}).
 * The machine file belongs to IT: clerks can read it but not change it, which is what locks the settings.
 */
public final class ProvisioningLocation {
    public static final String ENV = "ONEWINDOW_PROVISIONING";
    public static final String FILE_NAME = "workstation.properties";

    private ProvisioningLocation() {
    }

    public static Path machineFile() {
        return machineFile(System.getProperty("os.name", ""), System.getenv());
    }

    static Path machineFile(String osName, Map<String, String> env) {
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            String programData = env.getOrDefault("ProgramData", "C:\\ProgramData");
            return Path.of(programData, "OneWindow", FILE_NAME);
        }
        return Path.of("/etc/onewindow", FILE_NAME);
    }

    /** The file to use, if one is named or exists at the machine location. */
    public static Optional<Path> resolve(Path explicit) {
        return resolve(explicit, System.getenv(), machineFile());
    }

    static Optional<Path> resolve(Path explicit, Map<String, String> env, Path machineFile) {
        if (explicit != null) {
            return Optional.of(explicit);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(Path.of(fromEnv));
        }
        return Files.exists(machineFile) ? Optional.of(machineFile) : Optional.empty();
    }

    /** Settings are locked when the current user cannot write the file (or create it): clerks, not IT. */
    public static boolean lockedFor(Path file) {
        if (Files.exists(file)) {
            return !Files.isWritable(file);
        }
        Path dir = file.toAbsolutePath().getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        return dir == null || !Files.isWritable(dir);
    }
}
