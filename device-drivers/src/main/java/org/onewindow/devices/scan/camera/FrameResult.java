package org.onewindow.devices.scan.camera;

import java.util.List;
import org.onewindow.core.device.Frame;
import org.onewindow.devices.scan.decode.DecodedCode;

/** One decoded camera frame and what was found in it (points in frame pixels), for a live preview. */
public record FrameResult(Frame frame, List<DecodedCode> codes) {
    public FrameResult {
        codes = List.copyOf(codes);
    }
}
