package org.onewindow.devices.camera;

/** Hot-plug events from the camera scan. Called on Webcam Capture's discovery thread: be fast, never block. */
public interface CameraPlugListener {
    void attached(String cameraName);

    void detached(String cameraName);
}
