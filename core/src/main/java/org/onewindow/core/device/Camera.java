package org.onewindow.core.device;

/** A camera: the face camera at the counter or the document camera (高拍仪). Blocking calls. */
public interface Camera extends AutoCloseable {
    String name();

    void open(int width, int height) throws DeviceException;

    /** The next frame; blocks for at most about one frame time. */
    Frame grab() throws DeviceException;

    @Override
    void close();
}
