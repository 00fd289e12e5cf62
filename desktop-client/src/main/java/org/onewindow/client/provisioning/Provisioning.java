package org.onewindow.client.provisioning;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
        DeviceSetting camera,
        DeviceSetting scanner,
        int scannerBaud,
        double faceMatchThreshold,
        Duration cardReadTimeout,
        int retentionDays,
        String logLevel,
        Bridge bridge,
        boolean demo) {

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
