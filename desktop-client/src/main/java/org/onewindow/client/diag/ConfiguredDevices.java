package org.onewindow.client.diag;

import java.time.Duration;
import java.util.Optional;
import org.onewindow.client.provisioning.DeviceSetting;
import org.onewindow.client.provisioning.Provisioning;
import org.onewindow.client.provisioning.Resolution;
import org.onewindow.core.device.CodeScanner;
import org.onewindow.devices.camera.CameraSettings;
import org.onewindow.devices.camera.FfmpegLocator;
import org.onewindow.devices.idcard.ReaderSettings;
import org.onewindow.devices.scan.Scanners;
import org.onewindow.devices.scan.serial.SerialScannerSettings;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.device.IdReader;
import org.onewindow.devices.diag.DeviceProbe;
import org.onewindow.devices.diag.IdReaderProbe;
import org.onewindow.devices.idcard.ProtocolIdReader;
import org.onewindow.devices.idcard.sim.SimulatedCardSlot;
import org.onewindow.devices.idcard.sim.SimulatedIdReaders;

/**
 * The devices a provisioning file names, opened for a diagnostics run outside the client (the client
 * must not be running at the same time: a serial port has one owner).
 */
public final class ConfiguredDevices {
    private ConfiguredDevices() {
    }

    /** A probe that opens the configured ID reader, test-reads and closes it; empty when none is configured. */
    public static Optional<DeviceProbe> idReaderProbe(Optional<Provisioning> provisioning) {
        DeviceSetting setting = provisioning.map(Provisioning::idReader).orElse(DeviceSetting.SIMULATED);
        int baud = provisioning.map(Provisioning::idReaderBaud).orElse(115200);
        return switch (setting.kind()) {
            case NONE -> Optional.empty();
            case SERIAL -> Optional.of(new IdReaderProbe(() -> ProtocolIdReader.serial(setting.port(), baud), true));
            // the simulator holds a demo card so that the test read has something to read
            default -> Optional.of(new IdReaderProbe(() -> simulatedWithCard(), true));
        };
    }

    /**
     * The ID reader the provisioning file names, for the composition root: the serial driver, or the
     * simulator fed by {@code demoSlot}; empty for {@code none} (Workstation.start then uses a reader that
     * says "not connected").
     */
    public static Optional<IdReader> idReader(Optional<Provisioning> provisioning, SimulatedCardSlot demoSlot) {
        DeviceSetting setting = provisioning.map(Provisioning::idReader).orElse(DeviceSetting.SIMULATED);
        int baud = provisioning.map(Provisioning::idReaderBaud).orElse(115200);
        return switch (setting.kind()) {
            case NONE -> Optional.empty();
            case SERIAL -> Optional.of(ProtocolIdReader.serial(setting.port(), baud,
                    readerSettings(provisioning.get().cardReadTimeout(), baud),
                    org.onewindow.devices.idcard.photo.PhotoDecoder.notInstalled("no decoder library configured")));
            default -> Optional.of(SimulatedIdReaders.inProcess(demoSlot));
        };
    }

    /**
     * Reader timing for a card-read budget IT set ({@code threshold.cardReadTimeoutSeconds}): the whole wait
     * for a card's answer, but never less than twice the largest answer's time on the wire at this baud rate.
     */
    public static ReaderSettings readerSettings(Duration cardReadBudget, int baud) {
        ReaderSettings defaults = ReaderSettings.defaults();
        int wire = defaults.withCardReadBaseMillis(0).cardReadTimeoutMillis(baud);
        int base = (int) Math.max(200, cardReadBudget.toMillis() - wire);
        return defaults.withCardReadBaseMillis(base);
    }

    /** The face camera as configured; without a provisioning file (the embedded demo) it is simulated. */
    public static DeviceSetting faceCamera(Optional<Provisioning> provisioning) {
        return provisioning.map(p -> p.cameras().faceCamera()).orElse(DeviceSetting.SIMULATED);
    }

    /** The document camera as configured; without a provisioning file (the embedded demo) it is simulated. */
    public static DeviceSetting documentCamera(Optional<Provisioning> provisioning) {
        return provisioning.map(p -> p.cameras().documentCamera()).orElse(DeviceSetting.SIMULATED);
    }

    public static Resolution faceResolution(Optional<Provisioning> provisioning) {
        return provisioning.map(p -> p.cameras().faceResolution()).orElse(Provisioning.CameraSetup.SIMULATED.faceResolution());
    }

    public static Resolution documentResolution(Optional<Provisioning> provisioning) {
        return provisioning.map(p -> p.cameras().documentResolution())
                .orElse(Provisioning.CameraSetup.SIMULATED.documentResolution());
    }

    /** Capture settings for a {@code system:<name>} camera, through the configured or bundled ffmpeg. */
    public static CameraSettings systemCamera(DeviceSetting camera, Resolution size, Optional<Provisioning> provisioning) {
        if (camera.kind() != DeviceSetting.Kind.SYSTEM) {
            throw new IllegalArgumentException("not a system camera: " + camera.text());
        }
        return new CameraSettings(CameraSettings.Source.FFMPEG, camera.port(), size.width(), size.height(), 25, null,
                ffmpeg(provisioning));
    }

    /** The ffmpeg program: the one IT named, else the one installed with OneWindow, else the PATH's. */
    public static String ffmpeg(Optional<Provisioning> provisioning) {
        return ffmpeg(provisioning.flatMap(p -> p.cameras().ffmpeg()).map(Object::toString).orElse(null));
    }

    /** As {@link #ffmpeg(Optional)}, from the raw {@code device.ffmpeg} value (null when not set). */
    public static String ffmpeg(String configured) {
        return FfmpegLocator.resolve(configured);
    }

    /**
     * The passport chip reader: the JMRTD driver on a PC/SC reader ({@code pcsc[:<name>]}) checking against the
     * configured CSCA certificates, the in-process simulator with the demo passport ({@code simulated}, and the
     * embedded demo), or empty for {@code none}.
     */
    public static Optional<org.onewindow.core.device.PassportReader> passportReader(Optional<Provisioning> provisioning)
            throws java.io.IOException, java.security.GeneralSecurityException {
        DeviceSetting setting = provisioning.map(p -> p.passport().reader()).orElse(DeviceSetting.SIMULATED);
        return switch (setting.kind()) {
            case SIMULATED -> Optional.of(org.onewindow.devices.passport.sim.SimulatedPassportReader.withDemoPassport());
            case PCSC -> {
                java.util.List<java.security.cert.X509Certificate> anchors = java.util.List.of();
                Optional<java.nio.file.Path> csca = provisioning.flatMap(p -> p.passport().csca());
                if (csca.isPresent()) {
                    try (java.io.InputStream in = java.nio.file.Files.newInputStream(csca.get())) {
                        anchors = org.onewindow.devices.passport.JmrtdPassportReader.loadCertificates(in);
                    }
                }
                yield Optional.of(new org.onewindow.devices.passport.JmrtdPassportReader(setting.port(), anchors));
            }
            default -> Optional.empty();
        };
    }

    /** A serial code scanner when the file names one ({@code device.scanner=serial:<port>}). */
    public static Optional<CodeScanner> serialScanner(Optional<Provisioning> provisioning) {
        return provisioning.filter(p -> p.scanner().kind() == DeviceSetting.Kind.SERIAL)
                .map(p -> Scanners.serial(SerialScannerSettings.of(p.scanner().port()).withBaudRate(p.scannerBaud())));
    }

    /**
     * Whether keystrokes are watched for a keyboard-wedge scanner. Off only when IT says there is no scanner
     * or a serial one ({@code none}, {@code serial:}): then a fast typist can never be taken for a scanner.
     */
    public static boolean keyboardWedge(Optional<Provisioning> provisioning) {
        return provisioning.map(p -> p.scanner().kind() == DeviceSetting.Kind.KEYBOARD
                || p.scanner().kind() == DeviceSetting.Kind.SIMULATED).orElse(true);
    }

    private static IdReader simulatedWithCard() {
        return SimulatedIdReaders.inProcess(new SimulatedCardSlot(DemoCitizens.ZHANG_WEI));
    }
}
