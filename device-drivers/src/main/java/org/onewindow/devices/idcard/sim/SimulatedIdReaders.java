package org.onewindow.devices.idcard.sim;

import java.util.concurrent.atomic.AtomicInteger;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.IdReader;
import org.onewindow.core.identity.IdCard;
import org.onewindow.devices.idcard.ProtocolIdReader;
import org.onewindow.devices.idcard.ReaderSettings;
import org.onewindow.devices.idcard.link.ByteLink;
import org.onewindow.devices.idcard.link.InMemoryLink;
import org.onewindow.devices.idcard.photo.PhotoDecoder;
import org.onewindow.devices.idcard.protocol.BaudRate;

/**
 * Readers for the demo and for tests: the real protocol driver wired to the simulator through an
 * in-memory wire, so every byte goes through the same codec as with a real reader. Present and remove
 * cards through the {@link SimulatedCardSlot}:
 *
 * <pre>{@code
 * SimulatedCardSlot slot = new SimulatedCardSlot();
 * IdReader reader = SimulatedIdReaders.inProcess(slot);
 * slot.present(DemoCitizens.ZHANG_WEI);   // the clerk's demo button
 * new CardPresenceWatcher(reader, listener).start();
 * slot.remove();
 * }</pre>
 */
public final class SimulatedIdReaders {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private SimulatedIdReaders() {
    }

    /** The demo reader: the simulator in this process, no faults, default settings, simulated portraits. */
    public static IdReader inProcess(SimulatedCardSlot slot) {
        return inProcess(slot, new SimulatorFaults());
    }

    /**
     * The demo reader with faults a test (or a demo of error handling) can switch on. Photos come out as
     * simulated portraits ({@link SimulatedPhotoDecoder}).
     */
    public static ProtocolIdReader inProcess(SimulatedCardSlot slot, SimulatorFaults faults) {
        return inProcess(new IdReaderSimulator(slot, faults), ReaderSettings.defaults(), new SimulatedPhotoDecoder());
    }

    /**
     * The driver on an in-memory wire to {@code simulator}. Each (re)connect lays a new wire, as if the
     * reader were plugged in again; closing the reader unplugs it.
     */
    public static ProtocolIdReader inProcess(IdReaderSimulator simulator, ReaderSettings settings,
                                             PhotoDecoder photoDecoder) {
        String name = "simulated reader #" + COUNTER.incrementAndGet();
        return new ProtocolIdReader(name, () -> {
            InMemoryLink[] wire = InMemoryLink.pair(name, BaudRate.B115200.bitsPerSecond());
            simulator.serve(wire[1]);
            return wire[0];
        }, settings, photoDecoder);
    }

    /** A slot holding {@code card} with its simulated photo, ready to be read. */
    public static SimulatedCardSlot slotWith(IdCard card) {
        return new SimulatedCardSlot(SampleCards.withPhoto(card));
    }

    /** Serves the simulator on an already-open link (a serial port or pty end), for tools and tests. */
    public static IdReaderSimulator serve(ByteLink link, SimulatedCardSlot slot, SimulatorFaults faults)
            throws DeviceException {
        IdReaderSimulator simulator = new IdReaderSimulator(slot, faults);
        simulator.serve(link);
        return simulator;
    }
}
