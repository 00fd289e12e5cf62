package org.onewindow.devices.diag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.IdReader;

/**
 * The resident-ID card reader through the {@link IdReader} port: asks for the security module (SAM) ID and,
 * when a card is in the field, reads it. The report says that a card was read, not whose. Works with any
 * implementation (serial driver, vendor bridge, simulator); the driver may contribute a richer probe of
 * its own through {@link DeviceProbe}.
 */
public final class IdReaderProbe implements DeviceProbe {
    private final Supplier<IdReader> reader;
    private final boolean closeAfter;

    /**
     * @param reader     the reader to test
     * @param closeAfter true when the probe owns the reader (opened for the probe), false when it is shared
     */
    public IdReaderProbe(Supplier<IdReader> reader, boolean closeAfter) {
        this.reader = reader;
        this.closeAfter = closeAfter;
    }

    @Override
    public String kind() {
        return "id-reader";
    }

    @Override
    public List<DeviceReport> probe() {
        IdReader r = null;
        String name = "ID card reader";
        Map<String, String> facts = new LinkedHashMap<>();
        try {
            r = reader.get();
            name = r.name();
            facts.put("samId", r.samId());
            if (r.pollForNewCard()) {
                r.read();
                facts.put("card", "read");
                return List.of(DeviceReport.ok(kind(), name, "SAM answered, test card read", facts));
            }
            facts.put("card", "none");
            return List.of(DeviceReport.ok(kind(), name, "SAM answered, no card (put one on to test a read)", facts));
        } catch (DeviceException e) {
            return List.of(new DeviceReport(kind(), name, DeviceReport.Status.FAULT,
                    e.kind() + ": " + e.getMessage(), facts));
        } catch (RuntimeException e) {
            return List.of(new DeviceReport(kind(), name, DeviceReport.Status.FAULT, e.toString(), facts));
        } finally {
            if (closeAfter && r != null) {
                r.close();
            }
        }
    }
}
