package org.onewindow.devices.idcard.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.DeviceException.Kind;
import org.onewindow.core.identity.IdCard;
import org.onewindow.devices.idcard.photo.PhotoDecoder;
import org.onewindow.devices.idcard.photo.WltLibraryPhotoDecoder;
import org.onewindow.devices.idcard.sim.SampleCards;
import org.onewindow.devices.idcard.sim.SimulatedPhotos;
import org.onewindow.devices.idcard.testing.NativeFakes;
import org.onewindow.devices.idcard.text.IdCardText;

/** The JNA bridge against gcc-built libraries with the vendors' C signatures. */
class VendorSdkIdReaderTest {

    /** The fakes' test hooks: put a card on the "reader", take it away. */
    public interface FakeCardControl extends Library {
        int fake_set_card(byte[] text, byte[] photo);

        int fake_remove_card();
    }

    @Test
    void sdtapiBridgeReadsEveryCardTypeOncePerPresentation() throws Exception {
        Path lib = NativeFakes.build("fake_sdtapi", "sdtapi");
        FakeCardControl fake = Native.load(lib.toString(), FakeCardControl.class);
        try (VendorSdkIdReader reader = VendorSdkIdReader.sdtapi(lib, 1001, PhotoDecoder.notInstalled("test"))) {
            fake.fake_remove_card();
            assertThat(reader.pollForNewCard()).isFalse();
            for (IdCard card : SampleCards.all()) {
                present(fake, card);
                assertThat(reader.pollForNewCard()).isTrue();
                assertThat(reader.read()).isEqualTo(SampleCards.withPhoto(card));
                assertThat(reader.pollForNewCard()).isFalse();
            }
            assertThat(reader.samId()).isEqualTo("05.01-20240101-0012345678-1234567890");
            assertThat(reader.name()).contains("sdtapi", "1001");
        }
    }

    @Test
    void sdtapiNoCardAndBadPortAreTypedErrors() throws Exception {
        Path lib = NativeFakes.build("fake_sdtapi", "sdtapi");
        FakeCardControl fake = Native.load(lib.toString(), FakeCardControl.class);
        fake.fake_remove_card();
        try (VendorSdkIdReader reader = VendorSdkIdReader.sdtapi(lib, 1001, PhotoDecoder.notInstalled("test"))) {
            assertThatThrownBy(reader::read).isInstanceOfSatisfying(DeviceException.class,
                    e -> assertThat(e.kind()).isEqualTo(Kind.NO_CARD));
        }
        try (VendorSdkIdReader wrongPort = VendorSdkIdReader.sdtapi(lib, 77, PhotoDecoder.notInstalled("test"))) {
            assertThatThrownBy(wrongPort::pollForNewCard).isInstanceOfSatisfying(DeviceException.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.NOT_CONNECTED);
                assertThat(e.getMessage()).contains("port 77");
            });
        }
    }

    @Test
    void termbBridgeReadsTheFilesTheLibraryWritesAndDeletesThem() throws Exception {
        Path lib = NativeFakes.build("fake_termb", "termb");
        FakeCardControl fake = Native.load(lib.toString(), FakeCardControl.class);
        PhotoDecoder decoder = WltLibraryPhotoDecoder.load(NativeFakes.build("fake_wlt", "wlt"));
        try (VendorSdkIdReader reader = VendorSdkIdReader.termb(lib, 1001, null, decoder)) {
            present(fake, DemoCitizens.ANNA_SCHMIDT);
            assertThat(reader.pollForNewCard()).isTrue();
            IdCard card = reader.read();
            assertThat(card.withPhotoImage(null)).isEqualTo(SampleCards.withPhoto(DemoCitizens.ANNA_SCHMIDT));
            assertThat(card.photoImage()).hasSize(WltLibraryPhotoDecoder.BMP_LENGTH);
            assertThat(reader.pollForNewCard()).isFalse();
            assertThat(reader.samId()).startsWith("05.01-");
        }
        assertThat(Files.exists(lib.resolveSibling("wz.txt"))).as("citizen text left on disk").isFalse();
        assertThat(Files.exists(lib.resolveSibling("zp.wlt"))).isFalse();
    }

    @Test
    void termbWritingSomewhereElseIsReportedWithTheFix() throws Exception {
        Path lib = NativeFakes.build("fake_termb", "termb");
        FakeCardControl fake = Native.load(lib.toString(), FakeCardControl.class);
        Path elsewhere = Files.createTempDirectory("termb-out");
        try (VendorSdkIdReader reader = VendorSdkIdReader.termb(lib, 1001, elsewhere, PhotoDecoder.notInstalled("t"))) {
            present(fake, DemoCitizens.LI_NA);
            assertThatThrownBy(reader::read).isInstanceOfSatisfying(DeviceException.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.READ_FAILED);
                assertThat(e.getMessage()).contains("configure the directory");
            });
        }
    }

    @Test
    void aLibraryOfTheWrongBitnessIsRefusedWithAClearMessage() throws Exception {
        Path lib32 = NativeFakes.build32("SDT_OpenPort");
        assertThatThrownBy(() -> VendorSdkIdReader.sdtapi(lib32, 1001, PhotoDecoder.notInstalled("t")))
                .isInstanceOfSatisfying(DeviceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED);
                    assertThat(e.getMessage()).contains("32-bit library", "64-bit", "must match");
                });
    }

    @Test
    void aLibraryWithoutTheFunctionsOrNoLibraryAtAllAreTypedErrors() throws Exception {
        Path notSdtapi = NativeFakes.build("fake_wlt", "wlt");
        try (VendorSdkIdReader reader = VendorSdkIdReader.sdtapi(notSdtapi, 1001, PhotoDecoder.notInstalled("t"))) {
            assertThatThrownBy(reader::pollForNewCard).isInstanceOfSatisfying(DeviceException.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED);
                assertThat(e.getMessage()).contains("SDT_OpenPort");
            });
        }
        assertThatThrownBy(() -> VendorSdkIdReader.sdtapi(Path.of("/nonexistent/libsdtapi.so"), 1001,
                PhotoDecoder.notInstalled("t"))).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.NOT_CONNECTED));
    }

    private static void present(FakeCardControl fake, IdCard card) {
        fake.fake_set_card(IdCardText.encode(card), SimulatedPhotos.wltFor(card.idNumber()));
    }
}
