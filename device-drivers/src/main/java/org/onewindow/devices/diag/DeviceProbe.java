package org.onewindow.devices.diag;

import java.util.List;

/**
 * Finds the devices of one kind and test-reads each. Implementations catch their own device errors and
 * report them as {@link DeviceReport.Status#FAULT}: a probe throws only for a programming error. Probes
 * block on device I/O; {@link DeviceDiagnostics} runs them off the caller's thread with a time limit.
 * The ID-card reader driver plugs its own probe in by implementing this interface.
 */
public interface DeviceProbe {
    /** serial, pcsc, camera, scanner, id-reader. */
    String kind();

    List<DeviceReport> probe();
}
