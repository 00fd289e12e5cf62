package org.onewindow.devices.diag;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one probe found about one device. Never carries citizen data: a test read reports that a card or
 * frame was read, not what was on it.
 *
 * @param kind   serial, pcsc, camera, scanner, id-reader
 * @param name   the device as the OS or driver names it ("/dev/ttyUSB0", "Virtual PCD 00 00")
 * @param status OK (present and the test read worked), ABSENT (nothing there), FAULT (present but failing)
 * @param detail one sentence IT can act on
 * @param facts  versions, ids and settings worth a support call (ordered)
 */
public record DeviceReport(String kind, String name, Status status, String detail, Map<String, String> facts) {
    public enum Status { OK, ABSENT, FAULT }

    public DeviceReport {
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public static DeviceReport ok(String kind, String name, String detail, Map<String, String> facts) {
        return new DeviceReport(kind, name, Status.OK, detail, facts);
    }

    public static DeviceReport absent(String kind, String name, String detail) {
        return new DeviceReport(kind, name, Status.ABSENT, detail, Map.of());
    }

    public static DeviceReport fault(String kind, String name, String detail) {
        return new DeviceReport(kind, name, Status.FAULT, detail, Map.of());
    }

    /** One line for a terminal or a support bundle: {@code OK     serial  /dev/ttyUSB0  opened (k=v, ...)}. */
    public String line() {
        StringBuilder b = new StringBuilder(String.format("%-6s %-9s %s  %s", status, kind, name, detail));
        if (!facts.isEmpty()) {
            b.append("  ").append(new java.util.TreeMap<>(facts));
        }
        return b.toString();
    }
}
