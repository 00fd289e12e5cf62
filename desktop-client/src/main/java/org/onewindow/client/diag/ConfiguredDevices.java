package org.onewindow.client.diag;

import java.util.Optional;
import org.onewindow.client.provisioning.DeviceSetting;
import org.onewindow.client.provisioning.Provisioning;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.device.IdReader;
import org.onewindow.devices.diag.DeviceProbe;
import org.onewindow.devices.diag.IdReaderProbe;
import org.onewindow.devices.idcard.ProtocolIdReader;
import org.onewindow.devices.idcard.sim.SimulatedCardSlot;
import org.onewindow.devices.idcard.sim.SimulatedIdReaders;

/**
 * The devices a provisioning file names, opened for a diagnostics run outside the client (the client
 * must not be running at the same time: a serial port has one owner).
 */
public final class ConfiguredDevices {
    private ConfiguredDevices() {
    }

    /** A probe that opens the configured ID reader, test-reads and closes it; empty when none is configured. */
    public static Optional<DeviceProbe> idReaderProbe(Optional<Provisioning> provisioning) {
        DeviceSetting setting = provisioning.map(Provisioning::idReader).orElse(DeviceSetting.SIMULATED);
        int baud = provisioning.map(Provisioning::idReaderBaud).orElse(115200);
        return switch (setting.kind()) {
            case NONE -> Optional.empty();
            case SERIAL -> Optional.of(new IdReaderProbe(() -> ProtocolIdReader.serial(setting.port(), baud), true));
            // the simulator holds a demo card so that the test read has something to read
            default -> Optional.of(new IdReaderProbe(() -> simulatedWithCard(), true));
        };
    }

    /**
     * The ID reader the provisioning file names, for the composition root: the serial driver, or the
     * simulator fed by {@code demoSlot}; empty for {@code none} (Workstation.start then uses a reader that
     * says "not connected").
     */
    public static Optional<IdReader> idReader(Optional<Provisioning> provisioning, SimulatedCardSlot demoSlot) {
        DeviceSetting setting = provisioning.map(Provisioning::idReader).orElse(DeviceSetting.SIMULATED);
        int baud = provisioning.map(Provisioning::idReaderBaud).orElse(115200);
        return switch (setting.kind()) {
            case NONE -> Optional.empty();
            case SERIAL -> Optional.of(ProtocolIdReader.serial(setting.port(), baud));
            default -> Optional.of(SimulatedIdReaders.inProcess(demoSlot));
        };
    }

    private static IdReader simulatedWithCard() {
        return SimulatedIdReaders.inProcess(new SimulatedCardSlot(DemoCitizens.ZHANG_WEI));
    }
}
