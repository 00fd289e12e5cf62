package org.onewindow.devices.idcard.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.identity.IdCard;
import org.onewindow.devices.idcard.ProtocolIdReader;
import org.onewindow.devices.idcard.ReaderSettings;
import org.onewindow.devices.idcard.sim.IdReaderSimulator;
import org.onewindow.devices.idcard.sim.SimulatedCardSlot;
import org.onewindow.devices.idcard.sim.SimulatedIdReaders;
import org.onewindow.devices.idcard.sim.SimulatedPhotos;
import org.onewindow.devices.idcard.sim.SimulatorFaults;
import org.onewindow.devices.idcard.testing.NativeFakes;

/** The JNA binding against a gcc-built library with the decoder's C signature. */
class WltLibraryPhotoDecoderTest {
    @TempDir
    Path dir;

    @Test
    void decodesAPhotoBlockIntoA102By126Bmp() throws Exception {
        PhotoDecoder decoder = WltLibraryPhotoDecoder.load(NativeFakes.build("fake_wlt", "wlt"));
        assertThat(decoder.isInstalled()).isTrue();
        assertThat(decoder.describe()).contains("wltGetBMP");
        byte[] bmp = decoder.decode(SimulatedPhotos.wltFor(DemoCitizens.ZHANG_WEI.idNumber()));
        assertThat(bmp).hasSize(WltLibraryPhotoDecoder.BMP_LENGTH);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bmp));
        assertThat(image.getWidth()).isEqualTo(102);
        assertThat(image.getHeight()).isEqualTo(126);
    }

    @Test
    void aBlockTheDecoderRejectsIsATypedReadFailure() throws Exception {
        PhotoDecoder decoder = WltLibraryPhotoDecoder.load(NativeFakes.build("fake_wlt", "wlt"));
        assertThatThrownBy(() -> decoder.decode(new byte[1024])).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.kind()).isEqualTo(DeviceException.Kind.READ_FAILED);
            assertThat(e.getMessage()).contains("code -2");
        });
        assertThatThrownBy(() -> decoder.decode(new byte[10])).isInstanceOf(DeviceException.class);
    }

    @Test
    void missingOrUnusableLibrariesGiveTheNotInstalledStateWithTheReason() throws Exception {
        assertNotInstalled(WltLibraryPhotoDecoder.load(dir.resolve("libwlt.so")), "no file at");
        assertNotInstalled(WltLibraryPhotoDecoder.load(null), "no decoder library configured");
        assertNotInstalled(WltLibraryPhotoDecoder.load(NativeFakes.build32("legacy_wlt")), "must match");
        assertNotInstalled(WltLibraryPhotoDecoder.load(Files.writeString(dir.resolve("libx.so"), "x")),
                "not a shared library");
        assertNotInstalled(WltLibraryPhotoDecoder.load(NativeFakes.build("fake_wlt", "wlt"), "GetBmp"), "GetBmp");
    }

    @Test
    void theReaderAttachesTheDecodedPhotoWhenTheDecoderIsInstalled() throws Exception {
        PhotoDecoder decoder = WltLibraryPhotoDecoder.load(NativeFakes.build("fake_wlt", "wlt"));
        SimulatedCardSlot slot = new SimulatedCardSlot(DemoCitizens.CHAN_KA_MING);
        try (ProtocolIdReader reader = SimulatedIdReaders.inProcess(
                new IdReaderSimulator(slot, new SimulatorFaults()), ReaderSettings.defaults(), decoder)) {
            IdCard card = reader.read();
            assertThat(card.photoWlt()).hasSize(1024);
            assertThat(card.photoImage()).hasSize(WltLibraryPhotoDecoder.BMP_LENGTH);
            assertThat(new String(card.photoImage(), 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("BM");
        }
    }

    @Test
    void withoutADecoderTheReaderStillReadsTheTextAndThePhotoStaysUndecoded() throws Exception {
        SimulatedCardSlot slot = new SimulatedCardSlot(DemoCitizens.ZHANG_WEI);
        PhotoDecoder none = PhotoDecoder.notInstalled("not configured");
        try (ProtocolIdReader reader = SimulatedIdReaders.inProcess(
                new IdReaderSimulator(slot, new SimulatorFaults()), ReaderSettings.defaults(), none)) {
            IdCard card = reader.read();
            assertThat(card.name()).isEqualTo("张伟");
            assertThat(card.photoWlt()).hasSize(1024);
            assertThat(card.photoImage()).isNull();
        }
        assertThatThrownBy(() -> none.decode(new byte[1024])).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.kind()).isEqualTo(DeviceException.Kind.DECODER_MISSING));
    }

    private static void assertNotInstalled(PhotoDecoder decoder, String reason) {
        assertThat(decoder.isInstalled()).isFalse();
        assertThat(decoder.describe()).contains("photo decoder not installed", reason);
    }
}
