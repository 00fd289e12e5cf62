package org.onewindow.devices.diag;

import com.fazecast.jSerialComm.SerialPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists the serial ports the OS reports plus the ports the provisioning file names (pseudo-terminals and
 * by-id links are not listed by jSerialComm), and test-opens each one. Opening is the test read: a serial
 * device does not answer unless spoken to in its own protocol, which the device's own probe does.
 */
public final class SerialPortProbe implements DeviceProbe {
    private final Set<String> configuredPorts;
    private final boolean listSystemPorts;

    public SerialPortProbe(Set<String> configuredPorts, boolean listSystemPorts) {
        this.configuredPorts = new LinkedHashSet<>(configuredPorts);
        this.listSystemPorts = listSystemPorts;
    }

    @Override
    public String kind() {
        return "serial";
    }

    /**
     * The serial ports of this PC as a provisioning file names them ({@code /dev/ttyUSB0}, {@code COM3});
     * empty when the native library cannot list them.
     */
    public static List<String> listPorts() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
        try {
            return java.util.Arrays.stream(SerialPort.getCommPorts())
                    .map(p -> windows ? p.getSystemPortName() : p.getSystemPortPath()).distinct().sorted().toList();
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
    }

    public static String libraryVersion() {
        return SerialPort.getVersion();
    }

    @Override
    public List<DeviceReport> probe() {
        Map<String, SerialPort> ports = new LinkedHashMap<>();
        try {
            if (listSystemPorts) {
                for (SerialPort p : SerialPort.getCommPorts()) {
                    ports.put(p.getSystemPortPath(), p);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            return List.of(DeviceReport.fault(kind(), "(all)", "cannot list serial ports: " + e.getMessage()));
        }
        List<DeviceReport> reports = new ArrayList<>();
        for (String configured : configuredPorts) {
            if (!ports.containsKey(configured)) {
                try {
                    ports.put(configured, SerialPort.getCommPort(configured));
                } catch (RuntimeException e) {
                    reports.add(DeviceReport.fault(kind(), configured,
                            "configured in the provisioning file but not found: " + e.getMessage()));
                }
            }
        }
        for (Map.Entry<String, SerialPort> e : ports.entrySet()) {
            reports.add(testOpen(e.getKey(), e.getValue()));
        }
        if (reports.isEmpty()) {
            reports.add(DeviceReport.absent(kind(), "(none)", "no serial ports found"));
        }
        return reports;
    }

    private DeviceReport testOpen(String path, SerialPort port) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("description", String.valueOf(port.getPortDescription()));
        facts.put("configured", String.valueOf(configuredPorts.contains(path)));
        // jSerialComm may report a stale errno after a good open: trust openPort()'s result only
        if (port.openPort()) {
            port.closePort();
            return DeviceReport.ok(kind(), path, "opened and closed", facts);
        }
        return new DeviceReport(kind(), path, DeviceReport.Status.FAULT,
                "cannot open (unplugged, in use by another program, or no permission: on Linux add the user"
                        + " to group dialout)", facts);
    }
}
