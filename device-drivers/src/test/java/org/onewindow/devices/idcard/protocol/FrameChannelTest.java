package org.onewindow.devices.idcard.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.onewindow.core.device.DeviceException;

class FrameChannelTest {
    private static final Frame FIND = Frame.request(Command.FIND_CARD, new byte[0]);
    private static final Frame FOUND = Frame.response(0x9F, new byte[4]);

    @Test
    void aGoodFrameRightBehindADamagedOneIsTakenWithoutARetry() throws DeviceException {
        byte[] damaged = FrameCodec.encode(Frame.response(0x90, new byte[20]));
        damaged[damaged.length - 1] ^= 0x01;
        byte[] burst = FrameDecoderTest.concat(damaged, FrameCodec.encode(FOUND));
        FrameChannel channel = new FrameChannel(new ReaderCommandsProperties.ScriptedLink(burst, new Random(1)), 50);
        assertThat(channel.exchange(FIND, Command.FIND_CARD, 500)).isEqualTo(FOUND);
    }

    @Test
    void aDamagedFrameAloneFailsTypedAtOnce() {
        byte[] damaged = FrameCodec.encode(FOUND);
        damaged[8] ^= 0x10;
        FrameChannel channel = new FrameChannel(new ReaderCommandsProperties.ScriptedLink(damaged, new Random(2)), 50);
        assertThatThrownBy(() -> channel.exchange(FIND, Command.FIND_CARD, 500))
                .isInstanceOfSatisfying(DeviceException.class,
                        e -> assertThat(e.kind()).isEqualTo(DeviceException.Kind.CHECKSUM));
    }

    @Test
    void bytesThatNeverFormAFrameAreAProtocolErrorAndSilenceATimeout() {
        FrameChannel noisy = new FrameChannel(new ReaderCommandsProperties.ScriptedLink(
                "ERROR\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), new Random(3)), 20);
        assertThatThrownBy(() -> noisy.exchange(FIND, Command.FIND_CARD, 60))
                .isInstanceOfSatisfying(DeviceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DeviceException.Kind.PROTOCOL);
                    assertThat(e.getMessage()).contains("wrong baud rate");
                });
        FrameChannel silent = new FrameChannel(new ReaderCommandsProperties.ScriptedLink(new byte[0], new Random(4)), 20);
        assertThatThrownBy(() -> silent.exchange(FIND, Command.FIND_CARD, 60))
                .isInstanceOfSatisfying(DeviceException.class,
                        e -> assertThat(e.kind()).isEqualTo(DeviceException.Kind.TIMEOUT));
    }
}
