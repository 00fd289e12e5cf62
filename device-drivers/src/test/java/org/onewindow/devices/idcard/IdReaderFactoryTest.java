package org.onewindow.devices.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.IdReader;
import org.onewindow.devices.idcard.link.SerialPortLink;
import org.onewindow.devices.idcard.photo.PhotoDecoder;
import org.onewindow.devices.idcard.sim.IdReaderSimulator;
import org.onewindow.devices.idcard.sim.SimulatedCardSlot;
import org.onewindow.devices.idcard.sim.SimulatorFaults;
import org.onewindow.devices.idcard.testing.SocatPtyPair;

class IdReaderFactoryTest {
    @TempDir
    Path dir;

    @Test
    void simulatorModeReadsTheDemoSlot() throws DeviceException {
        SimulatedCardSlot slot = new SimulatedCardSlot(DemoCitizens.CHAN_KA_MING);
        try (IdReader reader = IdReaderFactory.create(IdReaderConfig.simulator(), slot)) {
            assertThat(reader.read().passNumber()).isEqualTo("H12345678");
        }
    }

    @Test
    void serialModeOpensTheConfiguredPortOnlyWhenUsed() throws Exception {
        try (IdReader reader = IdReaderFactory.create(IdReaderConfig.serial(dir.resolve("none").toString(), 115_200),
                null)) {
            assertThat(reader.name()).contains("none");
            assertThatThrownBy(reader::samId).isInstanceOfSatisfying(DeviceException.class,
                    e -> assertThat(e.kind()).isEqualTo(DeviceException.Kind.NOT_CONNECTED));
        }
    }

    @Test
    void autoDetectFindsTheReaderAgainOnAnotherPortAfterAReplug() throws Exception {
        Path first = Files.createDirectory(dir.resolve("usb0"));
        Path second = Files.createDirectory(dir.resolve("usb1"));
        SimulatedCardSlot slot = new SimulatedCardSlot();
        IdReaderConfig config = IdReaderConfig.autoDetect(
                List.of(first.resolve("host").toString(), second.resolve("host").toString()), false);
        try (ProtocolIdReader reader = IdReaderFactory.autoDetecting(config,
                new ReaderAutoDetector(SerialPortLink::open, 150), PhotoDecoder.notInstalled("t"))) {
            try (SocatPtyPair usb0 = SocatPtyPair.start(first);
                 IdReaderSimulator simulator = new IdReaderSimulator(slot, new SimulatorFaults())) {
                simulator.serve(SerialPortLink.open(usb0.deviceEnd(), 115_200));
                slot.present(DemoCitizens.ZHANG_WEI);
                assertThat(reader.read().idNumber()).isEqualTo(DemoCitizens.ZHANG_WEI.idNumber());
            }
            // unplugged: the next call fails typed, and nothing answers anywhere
            assertThatThrownBy(reader::pollForNewCard).isInstanceOf(DeviceException.class);
            assertThatThrownBy(reader::pollForNewCard).isInstanceOfSatisfying(DeviceException.class,
                    e -> assertThat(e.kind()).isEqualTo(DeviceException.Kind.NOT_CONNECTED));
            // plugged back in, enumerated under another name
            try (SocatPtyPair usb1 = SocatPtyPair.start(second);
                 IdReaderSimulator simulator = new IdReaderSimulator(slot, new SimulatorFaults())) {
                simulator.serve(SerialPortLink.open(usb1.deviceEnd(), 115_200));
                slot.present(DemoCitizens.LI_NA);
                assertThat(reader.pollForNewCard()).isTrue();
                assertThat(reader.read().idNumber()).isEqualTo(DemoCitizens.LI_NA.idNumber());
            }
        }
    }
}
