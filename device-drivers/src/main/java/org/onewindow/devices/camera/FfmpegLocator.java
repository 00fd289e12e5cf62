package org.onewindow.devices.camera;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * Which ffmpeg executable captures the camera: a configured path, else the one bundled with the installed
 * application, else {@code ffmpeg} from the PATH.
 *
 * <p>The bundle sits in {@code <app folder>/ffmpeg/ffmpeg.exe} (Windows) or {@code <app folder>/ffmpeg/ffmpeg}
 * (elsewhere). The app folder is the system property {@value #APP_DIR_PROPERTY} if set, else the folder of
 * the jar this class was loaded from: jpackage puts the application's jars in {@code <install>\app\} on
 * Windows and {@code /opt/onewindow/lib/app/} on Linux. Run from classes folders (development, tests) there is
 * no app folder. The Windows installer ships ffmpeg there (installer/pom.xml); the Linux package recommends
 * the distribution's ffmpeg instead, found on the PATH.
 */
public final class FfmpegLocator {
    /** System property naming the app folder; overrides the folder of this class's jar. */
    public static final String APP_DIR_PROPERTY = "onewindow.appDir";
    /** What is run when nothing is configured or bundled: looked up on the PATH by the OS. */
    public static final String FROM_PATH = "ffmpeg";

    private FfmpegLocator() {
    }

    /** The ffmpeg to run: {@code configured} if not blank, else the bundled one, else {@code "ffmpeg"}. */
    public static String resolve(String configured) {
        return resolve(configured, appFolder().orElse(null));
    }

    /** As {@link #resolve(String)}, with the app folder given (null: none). */
    public static String resolve(String configured, Path appFolder) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        return Optional.ofNullable(appFolder).flatMap(FfmpegLocator::bundled).map(Path::toString).orElse(FROM_PATH);
    }

    /** The bundled ffmpeg under {@code appFolder} if it is there and executable. */
    public static Optional<Path> bundled(Path appFolder) {
        Path exe = bundledPath(appFolder, isWindows());
        return Files.isRegularFile(exe) && Files.isExecutable(exe) ? Optional.of(exe) : Optional.empty();
    }

    /** Where the installer puts ffmpeg under the app folder, whether or not it is there. */
    static Path bundledPath(Path appFolder, boolean windows) {
        return appFolder.resolve("ffmpeg").resolve(windows ? "ffmpeg.exe" : "ffmpeg");
    }

    /** The app folder: {@value #APP_DIR_PROPERTY}, else the folder of the jar holding this class. */
    public static Optional<Path> appFolder() {
        String property = System.getProperty(APP_DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property.strip()));
        }
        CodeSource source = FfmpegLocator.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return folderOfJar(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The folder holding {@code codeLocation} if it is a jar file; nothing for a classes folder. */
    static Optional<Path> folderOfJar(Path codeLocation) {
        return Files.isRegularFile(codeLocation) ? Optional.ofNullable(codeLocation.toAbsolutePath().getParent())
                : Optional.empty();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
