package org.onewindow.client.provisioning;

import java.util.List;
import org.onewindow.core.device.DeviceException;
import org.onewindow.devices.camera.CameraSettings;
import org.onewindow.devices.camera.Cameras;
import org.onewindow.devices.diag.SerialPortProbe;

/** What is plugged into this PC now, for the wizard's device choices. Blocking I/O: never on the FX thread. */
public interface AttachedDevices {
    /** Camera names as the capture driver lists them (what {@code system:<name>} takes). */
    List<String> cameras() throws DeviceException;

    /** Serial ports as a provisioning file names them. */
    List<String> serialPorts();

    /** Calls {@code changed} (on a driver thread) when a camera is plugged in or out; close to stop. */
    default AutoCloseable watchCameras(Runnable changed) throws DeviceException {
        return () -> { };
    }

    /** The real lists: cameras through the capture driver ({@code ffmpeg} program), ports through jSerialComm. */
    static AttachedDevices ofThisPc(String ffmpeg) {
        return new AttachedDevices() {
            @Override
            public List<String> cameras() throws DeviceException {
                return Cameras.list(CameraSettings.defaults().withFfmpeg(ffmpeg));
            }

            @Override
            public List<String> serialPorts() {
                return SerialPortProbe.listPorts();
            }

            @Override
            public AutoCloseable watchCameras(Runnable changed) throws DeviceException {
                return Cameras.watch(CameraSettings.defaults().withFfmpeg(ffmpeg),
                        new org.onewindow.devices.camera.CameraPlugListener() {
                            @Override
                            public void attached(String name) {
                                changed.run();
                            }

                            @Override
                            public void detached(String name) {
                                changed.run();
                            }
                        });
            }
        };
    }
}
