package org.onewindow.devices.diag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.onewindow.core.device.Camera;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.Frame;

/**
 * Cameras: on Linux the V4L2 devices under {@code /sys/class/video4linux} (no native library needed, so
 * the probe works on a machine where the camera driver stack is broken); plus the configured camera,
 * if any, opened through its driver and asked for one frame (the test read).
 */
public final class CameraProbe implements DeviceProbe {
    private final Path sysfsRoot;
    private final Supplier<Camera> configuredCamera;

    /** @param configuredCamera the camera the workstation uses, or null when none is configured */
    public CameraProbe(Path sysfsRoot, Supplier<Camera> configuredCamera) {
        this.sysfsRoot = sysfsRoot;
        this.configuredCamera = configuredCamera;
    }

    public static CameraProbe system(Supplier<Camera> configuredCamera) {
        return new CameraProbe(Path.of("/sys/class/video4linux"), configuredCamera);
    }

    @Override
    public String kind() {
        return "camera";
    }

    @Override
    public List<DeviceReport> probe() {
        List<DeviceReport> reports = new ArrayList<>(listVideoDevices());
        if (configuredCamera != null) {
            reports.add(grabOneFrame());
        }
        if (reports.isEmpty()) {
            reports.add(DeviceReport.absent(kind(), "(none)", "no camera found"));
        }
        return reports;
    }

    private List<DeviceReport> listVideoDevices() {
        if (!Files.isDirectory(sysfsRoot)) {
            return List.of();
        }
        List<DeviceReport> reports = new ArrayList<>();
        try (Stream<Path> entries = Files.list(sysfsRoot)) {
            for (Path entry : entries.sorted().toList()) {
                String device = "/dev/" + entry.getFileName();
                Map<String, String> facts = new LinkedHashMap<>();
                Path nameFile = entry.resolve("name");
                if (Files.isReadable(nameFile)) {
                    facts.put("model", Files.readString(nameFile, StandardCharsets.UTF_8).trim());
                }
                reports.add(testOpen(device, facts));
            }
        } catch (IOException e) {
            reports.add(DeviceReport.fault(kind(), sysfsRoot.toString(), "cannot list video devices: " + e.getMessage()));
        }
        return reports;
    }

    private DeviceReport testOpen(String device, Map<String, String> facts) {
        try (InputStream in = Files.newInputStream(Path.of(device))) {
            return DeviceReport.ok(kind(), device, "device node opens", facts);
        } catch (IOException e) {
            return new DeviceReport(kind(), device, DeviceReport.Status.FAULT,
                    "cannot open (no permission: on Linux add the user to group video; or in use)", facts);
        }
    }

    private DeviceReport grabOneFrame() {
        try (Camera camera = configuredCamera.get()) {
            camera.open(640, 480);
            Frame frame = camera.grab();
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("frame", frame.width() + "x" + frame.height());
            return DeviceReport.ok(kind(), camera.name(), "grabbed one frame", facts);
        } catch (DeviceException | RuntimeException e) {
            return DeviceReport.fault(kind(), "configured camera", "test grab failed: " + e.getMessage());
        }
    }
}
