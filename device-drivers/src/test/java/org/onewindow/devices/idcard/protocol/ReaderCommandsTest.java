package org.onewindow.devices.idcard.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.device.DeviceException;
import org.onewindow.devices.idcard.ProtocolIdReader;
import org.onewindow.devices.idcard.ReaderSettings;
import org.onewindow.devices.idcard.link.InMemoryLink;
import org.onewindow.devices.idcard.photo.PhotoDecoder;
import org.onewindow.devices.idcard.sim.IdReaderSimulator;
import org.onewindow.devices.idcard.sim.SimulatedCardSlot;
import org.onewindow.devices.idcard.sim.SimulatedIdReaders;
import org.onewindow.devices.idcard.sim.SimulatorFaults;
import org.onewindow.devices.idcard.text.IdCardText;

class ReaderCommandsTest {

    @Test
    void readsTextPhotoAndFingerprintsWithCommand3010() throws DeviceException {
        SimulatedCardSlot slot = new SimulatedCardSlot(DemoCitizens.MA_XIULAN);
        InMemoryLink[] wire = InMemoryLink.pair("fp", 115_200);
        try (IdReaderSimulator simulator = new IdReaderSimulator(slot, new SimulatorFaults())) {
            simulator.serve(wire[1]);
            ReaderCommands commands = new ReaderCommands(new FrameChannel(wire[0], 100), 500, 2_000, 0);
            assertThat(commands.findCard()).isTrue();
            commands.selectCard();
            CardData data = commands.readTextPhotoAndFingerprints();
            assertThat(data.fingerprints()).hasSize(1024);
            assertThat(data.photoWlt()).hasSize(1024);
            assertThat(IdCardText.decode(data.text(), null).birthDate()).isEqualTo(LocalDate.of(1978, 1, 1));
            // command + status + len fields + 256 + 1024 + 1024 + checksum
            assertThat(commands.channel().bytesReceived()).isEqualTo(15 + 19 + 7 + 3 + 6 + 256 + 1024 + 1024 + 1);
            wire[0].close();
        }
    }

    @Test
    void aTextAndPhotoReadMovesTheDocumentedByteCounts() throws DeviceException {
        SimulatedCardSlot slot = new SimulatedCardSlot(DemoCitizens.ZHANG_WEI);
        InMemoryLink[] wire = InMemoryLink.pair("sizes", 115_200);
        try (IdReaderSimulator simulator = new IdReaderSimulator(slot, new SimulatorFaults())) {
            simulator.serve(wire[1]);
            ReaderCommands commands = new ReaderCommands(new FrameChannel(wire[0], 100), 500, 2_000, 0);
            assertThat(commands.findCard()).isTrue();
            assertThat(commands.channel().bytesReceived()).isEqualTo(15);
            commands.selectCard();
            assertThat(commands.channel().bytesReceived()).isEqualTo(15 + 19);
            commands.readTextAndPhoto();
            assertThat(commands.channel().bytesReceived()).isEqualTo(15 + 19 + 1_295);
            assertThat(commands.channel().bytesSent()).isEqualTo(3 * 10);
            wire[0].close();
        }
    }

    @Test
    void switchingTheBaudRateMovesBothEndsAndReadsGoOn() throws DeviceException {
        SimulatedCardSlot slot = new SimulatedCardSlot();
        try (ProtocolIdReader reader = SimulatedIdReaders.inProcess(new IdReaderSimulator(slot, new SimulatorFaults()),
                ReaderSettings.defaults(), PhotoDecoder.notInstalled("t"))) {
            reader.switchBaudRate(BaudRate.B9600);
            slot.present(DemoCitizens.ZHANG_WEI);
            assertThat(reader.read().idNumber()).isEqualTo(DemoCitizens.ZHANG_WEI.idNumber());
            assertThat(reader.retriesUsed()).isZero();
        }
    }

    @Test
    void samIdsFormatAndParseLikeVendorTools() {
        String id = "05.01-20240101-0012345678-1234567890";
        assertThat(SamIds.format(SamIds.parse(id))).isEqualTo(id);
        assertThat(SamIds.parse(id)).hasSize(16);
    }
}
