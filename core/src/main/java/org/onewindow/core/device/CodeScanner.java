package org.onewindow.core.device;

import java.util.function.Consumer;

/** A source of scans: keyboard wedge, serial scanner, camera decoder, simulator. */
public interface CodeScanner extends AutoCloseable {
    String name();

    /** Starts delivering scans to {@code sink} on the scanner's own thread; the sink must not block. */
    void start(Consumer<ScanEvent> sink) throws DeviceException;

    @Override
    void close();
}
