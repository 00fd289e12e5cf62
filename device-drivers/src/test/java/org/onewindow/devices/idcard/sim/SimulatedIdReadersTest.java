package org.onewindow.devices.idcard.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.IdReader;
import java.time.LocalDate;
import org.onewindow.core.identity.IdCard;
import org.onewindow.core.identity.IdCardType;
import org.onewindow.core.identity.Sex;
import org.onewindow.devices.idcard.ReaderSettings;
import org.onewindow.devices.idcard.ProtocolIdReader;
import org.onewindow.devices.idcard.protocol.Command;

class SimulatedIdReadersTest {
    private final SimulatedCardSlot slot = new SimulatedCardSlot();
    private final SimulatorFaults faults = new SimulatorFaults();
    private final ProtocolIdReader reader = SimulatedIdReaders.inProcess(slot, faults);

    @AfterEach
    void close() {
        reader.close();
    }

    @Test
    void readsEverySampleCardTypeThroughTheCodec() throws DeviceException {
        for (IdCard card : SampleCards.all()) {
            slot.present(card);
            assertThat(reader.pollForNewCard()).as("new card %s", card.type()).isTrue();
            IdCard read = reader.read();
            assertThat(read.withPhotoImage(null)).isEqualTo(withSimulatedPhoto(card));
            slot.remove();
        }
    }

    @Test
    void aReadCardIsNotFoundAgainUntilItLeavesTheField() throws DeviceException {
        slot.present(DemoCitizens.ZHANG_WEI);
        assertThat(reader.pollForNewCard()).isTrue();
        reader.read();
        assertThat(reader.pollForNewCard()).isFalse();
        assertThatThrownBy(reader::read).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.kind()).isEqualTo(DeviceException.Kind.NO_CARD));
        slot.remove();
        assertThat(reader.pollForNewCard()).isFalse();
        slot.present(DemoCitizens.ZHANG_WEI);
        assertThat(reader.pollForNewCard()).isTrue();
        assertThat(reader.read().idNumber()).isEqualTo(DemoCitizens.ZHANG_WEI.idNumber());
    }

    @Test
    void announcesAPresentationOnlyOnceEvenWhenNotYetRead() throws DeviceException {
        slot.present(DemoCitizens.LI_NA);
        assertThat(reader.pollForNewCard()).isTrue();
        assertThat(reader.pollForNewCard()).isFalse();
        assertThat(reader.read().longTerm()).isTrue();
    }

    @Test
    void readWithoutPollFindsTheCardItself() throws DeviceException {
        slot.present(DemoCitizens.CHAN_KA_MING);
        assertThat(reader.read().passNumber()).isEqualTo("H12345678");
    }

    @Test
    void simulatedPortraitsDifferPerCardAndRefuseForeignBlocks() throws DeviceException {
        SimulatedPhotoDecoder decoder = new SimulatedPhotoDecoder();
        byte[] zhang = decoder.decode(SimulatedPhotos.wltFor(DemoCitizens.ZHANG_WEI.idNumber()));
        byte[] li = decoder.decode(SimulatedPhotos.wltFor(DemoCitizens.LI_NA.idNumber()));
        assertThat(zhang).isNotEqualTo(li);
        assertThat(zhang).isEqualTo(decoder.decode(SimulatedPhotos.wltFor(DemoCitizens.ZHANG_WEI.idNumber())));
        assertThatThrownBy(() -> decoder.decode(new byte[1024])).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.kind()).isEqualTo(DeviceException.Kind.READ_FAILED));
    }

    @Test
    void withTheStrictCheckOnANumberFailingItsCheckDigitIsAReadFailureWithTheNumberMasked() {
        IdCard forged = new IdCard(IdCardType.RESIDENT, "王芳", null, Sex.FEMALE, "01", LocalDate.of(1990, 3, 7),
                "山东省济南市", "370102199003071230", "济南市公安局", LocalDate.of(2016, 5, 12),
                LocalDate.of(2036, 5, 12), false, null, null, null, null, null);
        SimulatedCardSlot own = new SimulatedCardSlot(forged);
        ReaderSettings strict = new ReaderSettings(500, 1_500, 2, 100, true);
        try (ProtocolIdReader strictReader = SimulatedIdReaders.inProcess(
                new IdReaderSimulator(own, new SimulatorFaults()), strict, new SimulatedPhotoDecoder())) {
            assertThatThrownBy(strictReader::read).isInstanceOfSatisfying(DeviceException.class, e -> {
                assertThat(e.kind()).isEqualTo(DeviceException.Kind.READ_FAILED);
                assertThat(e.getMessage()).contains("370102********1230", "check digit")
                        .doesNotContain("370102199003071230");
            });
        }
    }

    @Test
    void byDefaultABadCheckDigitReachesTheVerifierInsteadOfFailingTheRead() throws DeviceException {
        IdCard invented = IdCard.resident("王芳", Sex.FEMALE, "01", LocalDate.of(1990, 3, 7), "山东省济南市",
                "370102199003071230", "济南市公安局", LocalDate.of(2016, 5, 12), null);
        SimulatedCardSlot own = new SimulatedCardSlot(invented);
        try (ProtocolIdReader lenientReader = SimulatedIdReaders.inProcess(
                new IdReaderSimulator(own, new SimulatorFaults()), ReaderSettings.defaults(), new SimulatedPhotoDecoder())) {
            assertThat(lenientReader.read().idNumber()).isEqualTo("370102199003071230");
        }
    }

    @Test
    void aCardTheSimulatorCannotEncodeFailsTypedAndTheSimulatorGoesOn() throws DeviceException {
        slot.present(IdCard.resident("一二三四五六七八九十一二三四五六", Sex.MALE, "01", LocalDate.of(1990, 3, 7), "x",
                "370102199003071238", "y", LocalDate.of(2016, 5, 12), null));
        assertThatThrownBy(reader::read).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.kind()).isEqualTo(DeviceException.Kind.READ_FAILED));
        slot.present(DemoCitizens.LI_NA);
        assertThat(reader.read().idNumber()).isEqualTo(DemoCitizens.LI_NA.idNumber());
    }

    @Test
    void anAnswerThatMakesNoSenseForTheCommandIsAProtocolError() {
        faults.samError(0x9F);
        assertThatThrownBy(reader::selfTest).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.kind()).isEqualTo(DeviceException.Kind.PROTOCOL);
            assertThat(e.getMessage()).contains("unexpected answer to SAM_STATUS", "9F");
        });
    }

    @Test
    void survivesABadChecksumOnTheCardAnswer() throws DeviceException {
        slot.present(DemoCitizens.MA_XIULAN);
        faults.onceFor(Command.READ_TEXT_PHOTO, SimulatorFaults.Fault.BAD_CHECKSUM);
        assertThat(reader.read().nationCode()).isEqualTo("03");
        assertThat(faults.hasPending()).isFalse();
        assertThat(reader.retriesUsed()).isEqualTo(1);
    }

    @Test
    void cardTakenAwayDuringTheReadIsReportedAsRemoved() {
        slot.present(DemoCitizens.ZHANG_WEI);
        faults.onceFor(Command.READ_TEXT_PHOTO, SimulatorFaults.Fault.CARD_REMOVED_MID_READ);
        assertThatThrownBy(reader::read).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.kind()).isEqualTo(DeviceException.Kind.CARD_REMOVED));
        assertThat(slot.state()).isEqualTo(SimulatedCardSlot.State.EMPTY);
    }

    @Test
    void inProcessFactoryGivesAWorkingPortImplementation() throws Exception {
        SimulatedCardSlot demoSlot = new SimulatedCardSlot();
        try (IdReader demo = SimulatedIdReaders.inProcess(demoSlot)) {
            assertThat(demo.pollForNewCard()).isFalse();
            demoSlot.present(DemoCitizens.ANNA_SCHMIDT);
            assertThat(demo.pollForNewCard()).isTrue();
            IdCard card = demo.read();
            assertThat(card.englishName()).isEqualTo("SCHMIDT, ANNA");
            assertThat(demo.samId()).isEqualTo(IdReaderSimulator.DEFAULT_SAM_ID);
            // the demo shows a portrait: a real BMP the UI can load
            java.awt.image.BufferedImage photo = javax.imageio.ImageIO.read(
                    new java.io.ByteArrayInputStream(card.photoImage()));
            assertThat(photo.getWidth()).isEqualTo(102);
            assertThat(photo.getHeight()).isEqualTo(126);
            assertThat(photo.getRGB(51, 50)).as("face in the middle").isNotEqualTo(photo.getRGB(2, 2));
        }
    }

    static IdCard withSimulatedPhoto(IdCard card) {
        return SampleCards.withPhoto(card);
    }
}
