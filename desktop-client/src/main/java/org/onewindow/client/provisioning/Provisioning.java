package org.onewindow.client.provisioning;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.onewindow.cache.crypto.CipherSuite;
import org.onewindow.client.app.ClientSettings;

/**
 * One workstation's validated provisioning file: everything IT decides for this PC. Made only by
 * {@link ProvisioningLoader}, so every value here has passed validation.
 *
 * @param backendUrl      the hall back-end, empty for the embedded sandbox
 * @param dataDir         the data folder, empty for the per-user default
 * @param updateKey       X.509-encoded Ed25519 key of the update manifest, empty when not configured
 */
public record Provisioning(
        Path source,
        String hall,
        String window,
        String workstation,
        Optional<URI> backendUrl,
        Optional<Path> trustAnchors,
        Optional<Path> clientCertificate,
        Optional<String> clientCertificatePassword,
        Optional<byte[]> updateKey,
        Optional<Path> dataDir,
        Locale locale,
        DeviceSetting idReader,
        int idReaderBaud,
        CameraSetup cameras,
        DeviceSetting scanner,
        int scannerBaud,
        PassportSetup passport,
        FacePolicy face,
        Duration cardReadTimeout,
        int retentionDays,
        CipherSuite archiveCipher,
        String logLevel,
        Bridge bridge,
        org.onewindow.client.citizen.CitizenDisplayMode citizenDisplay,
        boolean demo) {

    /**
     * The two cameras: the face camera of the person-ID check and the document camera (高拍仪); both may be the
     * same device. {@code ffmpeg} is the capture program IT named, empty for the bundled one or the PATH's.
     */
    public record CameraSetup(DeviceSetting faceCamera, Resolution faceResolution, DeviceSetting documentCamera,
                              Resolution documentResolution, Optional<Path> ffmpeg) {
        public static final CameraSetup SIMULATED = new CameraSetup(DeviceSetting.SIMULATED, Resolution.VGA,
                DeviceSetting.SIMULATED, new Resolution(1280, 960), Optional.empty());
    }

    /** The passport chip reader and the CSCA certificates passports are checked against (empty: not checked). */
    public record PassportSetup(DeviceSetting reader, Optional<Path> csca) {
        public static final PassportSetup NONE = new PassportSetup(DeviceSetting.NONE, Optional.empty());
    }

    /** The face check's rules: the compare score that passes, compares per citizen, and the liveness prompt. */
    public record FacePolicy(double matchThreshold, int attempts, boolean liveness) {
        public static final FacePolicy DEFAULTS = new FacePolicy(0.60, 3, true);
    }

    /** The optional loopback bridge for web intake systems (off by default). */
    public record Bridge(boolean enabled, int port, List<String> allowedOrigins, Optional<String> token) {
        public static final Bridge OFF = new Bridge(false, 17321, List.of(), Optional.empty());
    }

    /** The settings the composition root takes ({@link org.onewindow.client.app.Workstation#start}). */
    public ClientSettings clientSettings() {
        return new ClientSettings(dataDir.orElseGet(ClientSettings::defaultDataDir), backendUrl.orElse(null), locale,
                hall, window, workstation, demo);
    }

    /** Serial ports this file names (for diagnostics). */
    public List<String> serialPorts() {
        return java.util.stream.Stream.of(idReader, scanner)
                .flatMap(d -> d.serialPort().stream()).distinct().toList();
    }

    @Override
    public String toString() {
        // records print every component: keep the secrets out of logs and exceptions
        return "Provisioning[" + source + ", hall=" + hall + ", window=" + window + ", workstation=" + workstation
                + ", backend=" + backendUrl.map(URI::toString).orElse(ProvisioningSchema.EMBEDDED) + "]";
    }
}
