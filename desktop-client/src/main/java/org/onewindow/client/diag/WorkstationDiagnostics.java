package org.onewindow.client.diag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.onewindow.client.app.AppVersion;
import org.onewindow.client.app.Workstation;
import org.onewindow.client.provisioning.Provisioning;
import org.onewindow.devices.diag.CameraProbe;
import org.onewindow.devices.diag.DeviceDiagnostics;
import org.onewindow.devices.diag.DeviceProbe;
import org.onewindow.devices.diag.IdReaderProbe;
import org.onewindow.devices.diag.ScannerProbe;
import org.onewindow.devices.diag.SerialPortProbe;
import org.onewindow.devices.diag.SmartCardProbe;

/**
 * Which probes diagnose this workstation: every serial port (the configured ones included), the PC/SC
 * readers, the cameras, the scanner and the ID reader the workstation uses. Another probe (a driver's
 * own, e.g. the ID-card driver's SAM and firmware probe) joins with {@link #extraProbes}.
 */
public final class WorkstationDiagnostics {
    public static final Duration TIME_LIMIT = Duration.ofSeconds(20);
    private static final List<DeviceProbe> EXTRA = new java.util.concurrent.CopyOnWriteArrayList<>();

    private WorkstationDiagnostics() {
    }

    /** Registers a probe that every later diagnostics run includes (drivers call this where they are wired). */
    public static void extraProbes(DeviceProbe probe) {
        EXTRA.add(probe);
    }

    public static DeviceDiagnostics forWorkstation(Workstation ws, Optional<Provisioning> provisioning,
                                                   Duration waitForScan) {
        return forDevices(provisioning, new IdReaderProbe(ws::reader, false), waitForScan);
    }

    /** Without a running workstation: the ID reader is probed only if the caller passes a probe for it. */
    public static DeviceDiagnostics forDevices(Optional<Provisioning> provisioning, DeviceProbe idReaderProbe,
                                               Duration waitForScan) {
        Set<String> ports = new LinkedHashSet<>(provisioning.map(Provisioning::serialPorts).orElse(List.of()));
        List<DeviceProbe> probes = new ArrayList<>();
        probes.add(new SerialPortProbe(ports, true));
        probes.add(new SmartCardProbe());
        probes.add(CameraProbe.system(configuredCamera(provisioning)));
        // scanner drivers are wired by the composition root; until then the configured kind is reported
        probes.add(new ScannerProbe(null, waitForScan));
        if (idReaderProbe != null) {
            probes.add(idReaderProbe);
        }
        probes.addAll(EXTRA);
        return new DeviceDiagnostics(probes, TIME_LIMIT, Map.of("onewindow", AppVersion.current()));
    }

    /**
     * The configured system camera for the probe's test grab: the face camera, else the document camera;
     * null when neither is a real camera.
     */
    private static java.util.function.Supplier<org.onewindow.core.device.Camera> configuredCamera(
            Optional<Provisioning> provisioning) {
        if (provisioning.isEmpty()) {
            return null;
        }
        var cameras = provisioning.get().cameras();
        var kind = org.onewindow.client.provisioning.DeviceSetting.Kind.SYSTEM;
        org.onewindow.client.provisioning.DeviceSetting chosen = cameras.faceCamera().kind() == kind ? cameras.faceCamera()
                : cameras.documentCamera().kind() == kind ? cameras.documentCamera() : null;
        if (chosen == null) {
            return null;
        }
        var settings = ConfiguredDevices.systemCamera(chosen, org.onewindow.client.provisioning.Resolution.VGA, provisioning);
        return () -> {
            try {
                return org.onewindow.devices.camera.Cameras.create(settings, java.time.Clock.systemUTC());
            } catch (org.onewindow.core.device.DeviceException e) {
                throw new IllegalStateException(chosen.port() + ": " + e.getMessage(), e);
            }
        };
    }

    public static Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("onewindow", AppVersion.current());
        v.putAll(DeviceDiagnostics.versions());
        return v;
    }
}
