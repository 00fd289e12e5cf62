package org.onewindow.devices.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.DeviceException.Kind;
import org.onewindow.core.identity.IdCard;
import org.onewindow.devices.idcard.link.SerialPortLink;
import org.onewindow.devices.idcard.photo.PhotoDecoder;
import org.onewindow.devices.idcard.protocol.Command;
import org.onewindow.devices.idcard.protocol.FrameChannel;
import org.onewindow.devices.idcard.protocol.ReaderCommands;
import org.onewindow.devices.idcard.sim.IdReaderSimulator;
import org.onewindow.devices.idcard.sim.SampleCards;
import org.onewindow.devices.idcard.sim.SimulatedCardSlot;
import org.onewindow.devices.idcard.sim.SimulatorFaults;
import org.onewindow.devices.idcard.sim.SimulatorFaults.Fault;
import org.onewindow.devices.idcard.testing.SocatPtyPair;

/** The real jSerialComm path: driver on one pty, simulator on the other, socat in between. */
class PtyReaderTest {
    @TempDir
    Path dir;
    private SocatPtyPair ptys;
    private final SimulatedCardSlot slot = new SimulatedCardSlot();
    private final SimulatorFaults faults = new SimulatorFaults();
    private IdReaderSimulator simulator;
    private ProtocolIdReader reader;

    @BeforeEach
    void plugIn() throws Exception {
        ptys = SocatPtyPair.start(dir);
        simulator = new IdReaderSimulator(slot, faults);
        simulator.serve(SerialPortLink.open(ptys.deviceEnd(), 115_200));
        // short timeouts keep the no-answer cases quick; the pty answers in well under a millisecond
        reader = ProtocolIdReader.serial(ptys.hostEnd(), 115_200,
                ReaderSettings.defaults().withCommandTimeoutMillis(300).withCardReadBaseMillis(500),
                PhotoDecoder.notInstalled("test"));
    }

    @AfterEach
    void unplug() throws Exception {
        reader.close();
        simulator.close();
        ptys.close();
    }

    @Test
    void readsEveryCardTypeThroughARealSerialDevice() throws DeviceException {
        for (IdCard card : SampleCards.all()) {
            slot.present(card);
            assertThat(reader.pollForNewCard()).isTrue();
            assertThat(reader.read()).isEqualTo(SampleCards.withPhoto(card));
            assertThat(reader.pollForNewCard()).as("read card is not found again").isFalse();
            slot.remove();
        }
        assertThat(reader.retriesUsed()).isZero();
    }

    @Test
    void readsTheSamIdAndPassesTheSelfTest() throws DeviceException {
        assertThat(reader.selfTest()).isEqualTo(IdReaderSimulator.DEFAULT_SAM_ID);
        assertThat(reader.samId()).isEqualTo(IdReaderSimulator.DEFAULT_SAM_ID);
    }

    @Test
    void readsAnAddedAddress() throws DeviceException {
        slot.present(DemoCitizens.ZHANG_WEI, "山东省济南市历城区山大南路27号");
        reader.read();
        assertThat(reader.readAddedAddress()).contains("山东省济南市历城区山大南路27号");
        slot.present(DemoCitizens.LI_NA);
        reader.read();
        assertThat(reader.readAddedAddress()).isEmpty();
    }

    @Test
    void recoversFromEachLineFaultByRetrying() throws DeviceException {
        slot.present(DemoCitizens.ZHANG_WEI);
        Fault[] lineFaults = {Fault.BAD_CHECKSUM, Fault.TRUNCATED, Fault.NO_RESPONSE, Fault.WRONG_LENGTH_FIELD};
        int retriesBefore = reader.retriesUsed();
        for (Fault fault : lineFaults) {
            slot.present(DemoCitizens.ZHANG_WEI);
            faults.onceFor(Command.READ_TEXT_PHOTO, fault);
            assertThat(reader.read().idNumber()).as("after %s", fault).isEqualTo(DemoCitizens.ZHANG_WEI.idNumber());
            assertThat(faults.hasPending()).as("%s was injected", fault).isFalse();
            assertThat(reader.retriesUsed()).as("%s cost a retry", fault).isEqualTo(++retriesBefore);
        }
    }

    @Test
    void aCleanReadSucceedsAfterAThousandGarbageBytesWithoutARetry() throws DeviceException {
        slot.present(DemoCitizens.LI_NA);
        faults.noiseBytes(1_000).onceFor(Command.READ_TEXT_PHOTO, Fault.NOISE_BEFORE);
        assertThat(reader.read().idNumber()).isEqualTo(DemoCitizens.LI_NA.idNumber());
        assertThat(faults.hasPending()).isFalse();
        // the decoder resynchronises on the preamble: noise in front of a good frame costs nothing
        assertThat(reader.retriesUsed()).isZero();
    }

    @Test
    void persistentLineDamageEndsInATypedError() throws DeviceException {
        slot.present(DemoCitizens.ZHANG_WEI);
        faults.always(Fault.BAD_CHECKSUM);
        assertThatThrownBy(reader::read).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.CHECKSUM));
        faults.always(Fault.NO_RESPONSE);
        assertThatThrownBy(reader::read).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
        faults.clear();
        slot.present(DemoCitizens.ZHANG_WEI);
        assertThat(reader.read().idNumber()).isEqualTo(DemoCitizens.ZHANG_WEI.idNumber());
    }

    @Test
    void inconsistentBlockLengthsAreALengthError() {
        slot.present(DemoCitizens.ZHANG_WEI);
        faults.onceFor(Command.READ_TEXT_PHOTO, Fault.WRONG_BLOCK_LENGTH);
        assertThatThrownBy(reader::read).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.LENGTH));
    }

    @Test
    void aSlowModuleWithinTheTimeoutStillReads() throws DeviceException {
        slot.present(DemoCitizens.MA_XIULAN);
        faults.responseDelay(Duration.ofMillis(150));
        assertThat(reader.read().idNumber()).isEqualTo(DemoCitizens.MA_XIULAN.idNumber());
        assertThat(reader.retriesUsed()).isZero();
    }

    @Test
    void aModuleSlowerThanTheTimeoutFailsTypedAndTheNextReadAfterItRecoversWorks() throws Exception {
        slot.present(DemoCitizens.ZHANG_WEI);
        faults.responseDelay(Duration.ofMillis(450));
        assertThatThrownBy(reader::read).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.kind()).isIn(Kind.TIMEOUT, Kind.PROTOCOL, Kind.READ_FAILED, Kind.NO_CARD));
        faults.clear();
        // let the late answers land (part of the scenario, not a timing assertion): the driver must discard
        // them before its next command
        Thread.sleep(600);
        slot.present(DemoCitizens.ZHANG_WEI);
        assertThat(reader.read().idNumber()).isEqualTo(DemoCitizens.ZHANG_WEI.idNumber());
    }

    @Test
    void resetsTheSecurityModule() throws Exception {
        ReaderCommands commands = new ReaderCommands(new FrameChannel(SerialPortLink.open(ptys.hostEnd(), 115_200), 100),
                300, 800, 0);
        commands.resetSam();
        commands.samStatus();
        assertThat(simulator.framesAnswered()).isEqualTo(2);
        commands.channel().link().close();
    }

    @Test
    void samErrorsBecomeTypedErrorsWithClerkText() {
        int[][] cases = {{0x60, Kind.SELF_TEST_FAILED.ordinal()}, {0x66, Kind.NOT_AUTHORISED.ordinal()},
            {0x31, Kind.AUTHENTICATION.ordinal()}, {0x33, Kind.AUTHENTICATION.ordinal()},
            {0x21, Kind.BAD_COMMAND.ordinal()}, {0x40, Kind.WRONG_CARD.ordinal()}, {0x77, Kind.PROTOCOL.ordinal()}};
        for (int[] c : cases) {
            faults.samError(c[0]);
            assertThatThrownBy(reader::selfTest).isInstanceOfSatisfying(DeviceException.class, e -> {
                assertThat(e.kind()).as("SW3 %02X", c[0]).isEqualTo(Kind.values()[c[1]]);
                assertThat(e.getMessage()).contains(String.format("%02X", c[0]));
            });
        }
        faults.samError(0x60);
        assertThatThrownBy(reader::selfTest).hasMessageContaining("self-test");
    }

    @Test
    void cardRemovedMidReadIsReportedAsRemoved() {
        slot.present(DemoCitizens.ANNA_SCHMIDT);
        faults.onceFor(Command.READ_TEXT_PHOTO, Fault.CARD_REMOVED_MID_READ);
        assertThatThrownBy(reader::read).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.CARD_REMOVED));
    }

    @Test
    void noCardIsATypedError() {
        assertThatThrownBy(reader::read).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.NO_CARD));
    }
}
