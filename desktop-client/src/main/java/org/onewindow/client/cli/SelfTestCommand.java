package org.onewindow.client.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.onewindow.client.app.AppVersion;
import org.onewindow.client.app.I18n;
import org.onewindow.client.app.Workstation;
import org.onewindow.client.diag.WorkstationDiagnostics;
import org.onewindow.client.provisioning.Provisioning;
import org.onewindow.client.provisioning.ProvisioningException;
import org.onewindow.client.update.TlsContexts;
import org.onewindow.client.update.UpdateCheckException;
import org.onewindow.client.update.UpdateChecker;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.devices.diag.DeviceDiagnostics;
import org.onewindow.devices.diag.DeviceReport;
import org.onewindow.sandbox.SandboxBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code onewindow self-test}: headless proof that this installation works. Loads the settings, starts
 * the workstation (store, back-end or embedded sandbox, ID reader), and checks each part; prints one line
 * per check and exits 0 when all pass, 1 otherwise. Never starts the JavaFX toolkit, so it runs over SSH
 * and in CI without a display.
 */
@Command(name = "self-test", mixinStandardHelpOptions = true,
        description = "Check this installation headless: settings, data folder, evidence store, back-end, devices.")
public final class SelfTestCommand implements Callable<Integer> {
    @Option(names = "--provisioning", description = "Provisioning file (default: $ONEWINDOW_PROVISIONING or the machine file)")
    Path provisioningFile;

    @Option(names = "--data", description = "Data folder instead of the configured one")
    Path data;

    /** One check's outcome. */
    record Check(String name, boolean passed, String detail) {
        String line() {
            return (passed ? "PASS " : "FAIL ") + name + ": " + detail;
        }
    }

    @Override
    public Integer call() {
        List<Check> checks = new ArrayList<>();
        ClientConfiguration config;
        try {
            config = ClientConfiguration.resolve(provisioningFile, data, Locale.SIMPLIFIED_CHINESE);
            checks.add(print(new Check("settings", true, config.describe())));
        } catch (ProvisioningException e) {
            checks.add(print(new Check("settings", false, e.getMessage())));
            return summary(checks);
        }
        Path dataDir = config.settings().dataDir();
        checks.add(print(checkDataFolder(dataDir)));
        if (!checks.get(checks.size() - 1).passed()) {
            return summary(checks);
        }
        Workstation ws;
        try {
            ws = Workstation.start(config.settings(), new I18n(config.settings().locale()), config.provisioning());
            checks.add(print(new Check("start", true, "workstation " + config.settings().workstation() + " started")));
        } catch (Exception e) {
            checks.add(print(new Check("start", false, "workstation did not start: " + e)));
            return summary(checks);
        }
        try (ws) {
            checks.add(print(checkStore(ws)));
            checks.add(print(checkBackend(ws)));
            ws.demoDevices().ifPresent(demo -> demo.present(DemoCitizens.ZHANG_WEI));
            DeviceDiagnostics.Result devices = WorkstationDiagnostics.forWorkstation(ws, config.provisioning(),
                    Duration.ZERO).run();
            for (DeviceReport r : devices.reports()) {
                // absent devices are normal (most counters have no PC/SC reader); faults are not
                checks.add(print(new Check("device " + r.kind() + " " + r.name(),
                        r.status() != DeviceReport.Status.FAULT, r.status() + " " + r.detail())));
            }
            checks.add(print(checkFaceDetector()));
            checks.add(print(checkUpdates(ws, config)));
            checks.add(print(new Check("versions", true, WorkstationDiagnostics.versions().toString())));
        }
        return summary(checks);
    }

    /**
     * The face check's detector as installed: OpenCV's native library for this platform (the installer keeps
     * only the target's) and the bundled cascades, run on a rendered demo face that must be found.
     */
    private static Check checkFaceDetector() {
        try (org.onewindow.devices.face.OpenCvFaceDetector detector =
                     org.onewindow.devices.face.OpenCvFaceDetector.create(null)) {
            java.awt.image.BufferedImage scene = org.onewindow.devices.camera.DemoFaceCamera
                    .clipOf(DemoCitizens.ZHANG_WEI.idNumber()).get(0);
            int faces = detector.faces(org.onewindow.devices.camera.Frames.toFrame(scene, 0, java.time.Instant.now())).size();
            return new Check("face detector", faces == 1, detector.describe() + ", " + faces
                    + (faces == 1 ? " face found in the test image" : " faces in the test image (expected 1)"));
        } catch (RuntimeException | LinkageError e) {
            return new Check("face detector", false, "OpenCV or its cascades did not load: " + e);
        }
    }

    private static Check checkDataFolder(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".self-test", ".tmp");
            Files.delete(probe);
            return new Check("data folder", true, dir + " is writable");
        } catch (Exception e) {
            return new Check("data folder", false, dir + " is not writable (" + e.getMessage()
                    + "); on a shared PC the user must be in group onewindow, or set data.dir");
        }
    }

    private static Check checkStore(Workstation ws) {
        try {
            String integrity = ws.store().integrityCheck();
            boolean ok = "ok".equalsIgnoreCase(integrity);
            return new Check("evidence store", ok, ws.store().folder() + " opened, integrity " + integrity
                    + ", " + ws.store().status());
        } catch (Exception e) {
            return new Check("evidence store", false, "integrity check failed: " + e.getMessage());
        }
    }

    private static Check checkBackend(Workstation ws) {
        String where = ws.sandbox().map(s -> "embedded sandbox " + s.baseUri()).orElse("back-end "
                + ws.settings().backendUri());
        try {
            boolean up = ws.backend().health().isUp();
            return new Check("back-end", up, where + (up ? " is up" : " answers but is not up"));
        } catch (Exception e) {
            return new Check("back-end", false, where + " unreachable: " + e.getMessage()
                    + " (check backend.url, the network and the TLS files)");
        }
    }

    /** Informational: a newer version is news for IT, not a failure; a manifest that does not verify is. */
    private static Check checkUpdates(Workstation ws, ClientConfiguration config) {
        PublicKey key;
        try {
            if (ws.sandbox().isPresent()) {
                key = ws.sandbox().get().receiptKey();
            } else if (config.provisioning().flatMap(Provisioning::updateKey).isPresent()) {
                key = KeyFactory.getInstance("Ed25519").generatePublic(
                        new X509EncodedKeySpec(config.provisioning().get().updateKey().get()));
            } else {
                return new Check("updates", true, "not checked: update.manifestPublicKey is not set");
            }
            URI base = ws.sandbox().map(SandboxBackend::baseUri).orElse(ws.settings().backendUri());
            HttpClient.Builder http = HttpClient.newBuilder();
            if (config.provisioning().isPresent()) {
                TlsContexts.fromProvisioning(config.provisioning().get())
                        .ifPresent(http::sslContext);
            }
            return new Check("updates", true, new UpdateChecker(http.build(), base, key)
                    .check(AppVersion.current()).message());
        } catch (UpdateCheckException e) {
            boolean badSignature = e.getMessage().contains("signature");
            return new Check("updates", !badSignature, e.getMessage());
        } catch (Exception e) {
            return new Check("updates", true, "not checked: " + e.getMessage());
        }
    }

    private static Check print(Check c) {
        System.out.println(c.line());
        return c;
    }

    private static int summary(List<Check> checks) {
        long failed = checks.stream().filter(c -> !c.passed()).count();
        System.out.println(failed == 0 ? "self-test passed (" + checks.size() + " checks)"
                : "self-test FAILED: " + failed + " of " + checks.size() + " checks failed");
        return failed == 0 ? 0 : 1;
    }
}
