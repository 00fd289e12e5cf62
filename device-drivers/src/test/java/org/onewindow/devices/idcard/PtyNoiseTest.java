package org.onewindow.devices.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.device.DeviceException;
import org.onewindow.devices.idcard.link.ByteLink;
import org.onewindow.devices.idcard.link.SerialPortLink;
import org.onewindow.devices.idcard.photo.PhotoDecoder;
import org.onewindow.devices.idcard.testing.SocatPtyPair;

/** A device that never stops sending noise: every call ends, typed, instead of waiting forever. */
class PtyNoiseTest {
    @TempDir
    Path dir;

    @Test
    void aDeviceBabblingWithoutPauseGivesTypedErrorsNotAHang() throws Exception {
        try (SocatPtyPair ptys = SocatPtyPair.start(dir);
             ProtocolIdReader reader = ProtocolIdReader.serial(ptys.hostEnd(), 115_200,
                     ReaderSettings.defaults().withCommandTimeoutMillis(100).withRetries(1).withCardReadBaseMillis(100),
                     PhotoDecoder.notInstalled("test"))) {
            ByteLink device = SerialPortLink.open(ptys.deviceEnd(), 115_200);
            Thread babbler = new Thread(() -> babble(device), "babbling device");
            babbler.setDaemon(true);
            babbler.start();

            long started = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(reader::samId).isInstanceOfSatisfying(DeviceException.class,
                        e -> assertThat(e.kind()).isIn(DeviceException.Kind.PROTOCOL, DeviceException.Kind.CHECKSUM,
                                DeviceException.Kind.LENGTH));
                assertThatThrownBy(reader::read).isInstanceOf(DeviceException.class);
            }
            // bounded by the timeouts (about 2 x 100 ms per call plus idle gaps), not by the noise
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(30_000);
            device.close();
        }
    }

    private static void babble(ByteLink device) {
        Random random = new Random(7);
        byte[] noise = new byte[256];
        try {
            while (true) {
                random.nextBytes(noise);
                device.write(noise);
            }
        } catch (DeviceException e) {
            // the pty closed at the end of the test
        }
    }
}
