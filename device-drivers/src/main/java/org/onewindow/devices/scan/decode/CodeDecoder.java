package org.onewindow.devices.scan.decode;

import com.google.zxing.LuminanceSource;
import java.util.List;

/**
 * Finds every code in one grey image. Implementations are thread-confined (one per decoding thread) unless
 * they say otherwise, never throw on bad images, and return an empty list when nothing is found.
 */
public interface CodeDecoder {
    List<DecodedCode> decode(LuminanceSource image);
}
